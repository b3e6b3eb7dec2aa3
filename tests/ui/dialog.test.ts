import { describe, expect, it } from "vitest";
import { axeViolations, hasChromium, LAYOUTS, servedPane } from "./browser";

/** The ribbon command's message dialog: the text it is given, as text, in the user's language. */

const HOSTILE = "<img src=x onerror=window.__pwned=1>";

const s = servedPane();

describe.skipIf(!hasChromium).each(LAYOUTS)("ribbon dialog at $width px, $lang", ({ width, lang }) => {
  it("shows the message as text, with a close button in the user's language", async () => {
    await s.page.setViewportSize({ width, height: 400 });
    const message = `チェックできませんでした: ${HOSTILE}`;
    await s.page.goto(`${s.origin}/dialog.html?lang=${lang}&m=${encodeURIComponent(message)}`);
    await s.page.waitForFunction(() => document.getElementById("message")?.textContent !== "");
    await expect(s.page.textContent("#message")).resolves.toBe(message);
    await expect(s.page.textContent("#close")).resolves.toBe(lang === "ja" ? "閉じる" : "Close");
    await expect(s.page.locator("img").count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    expect(await axeViolations(s.page)).toEqual([]);
  });
});
