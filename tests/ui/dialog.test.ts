import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, buildPane, hasChromium, LAYOUTS, openSession, serve, type Session } from "./browser";

/** The ribbon command's message dialog: the text it is given, as text, in the user's language. */

const HOSTILE = "<img src=x onerror=window.__pwned=1>";

let dist = "";
let server: Awaited<ReturnType<typeof serve>>;
let s: Session;

beforeAll(async () => {
  if (!hasChromium) return;
  dist = buildPane();
  server = await serve(dist);
  s = await openSession(server.origin);
});

afterAll(async () => {
  await s?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe.skipIf(!hasChromium).each(LAYOUTS)("ribbon dialog at $width px, $lang", ({ width, lang }) => {
  it("shows the message as text, with a close button in the user's language", async () => {
    await s.page.setViewportSize({ width, height: 400 });
    const message = `チェックできませんでした: ${HOSTILE}`;
    await s.page.goto(`${server.origin}/dialog.html?lang=${lang}&m=${encodeURIComponent(message)}`);
    await s.page.waitForFunction(() => document.getElementById("message")?.textContent !== "");
    await expect(s.page.textContent("#message")).resolves.toBe(message);
    await expect(s.page.textContent("#close")).resolves.toBe(lang === "ja" ? "閉じる" : "Close");
    await expect(s.page.locator("img").count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
