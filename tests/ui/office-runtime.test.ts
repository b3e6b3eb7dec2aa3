import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { buildPane, CHROMIUM, hasChromium, LAYOUTS, ROOT, serve } from "./browser";

/**
 * The pane with the real Office.js runtime (the @microsoft/office-js package, served for the
 * CDN address the page asks for), opened outside Office: it must boot into preview mode with
 * no error, and ask for nothing but office.js's own files and the pane's.
 */

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

let dist = "";
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  dist = buildPane();
  server = await serve(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe.skipIf(!hasChromium || !existsSync(join(OFFICE_DIST, "office.js"))).each(LAYOUTS)("real office.js outside Office at $width px, $lang", ({ width, lang }) => {
  it("boots into preview mode with no error, and nothing leaves the machine", async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    const fromPackage: string[] = [];
    const blocked: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(CDN)) {
        const file = normalize(join(OFFICE_DIST, decodeURIComponent(new URL(url).pathname.slice(new URL(CDN).pathname.length))));
        if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
        fromPackage.push(url);
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file) });
      }
      if (new URL(url).origin === server.origin) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    try {
      await page.goto(`${server.origin}/taskpane.html?lang=${lang}`);
      await page.waitForSelector(".pm-app[data-ready]", { timeout: 15_000 });
      await expect(page.evaluate(() => typeof window.pmarkPreview?.bridge)).resolves.toBe("object");
      await expect(page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).resolves.toBe("function");
      await expect(page.textContent(".pm-badge")).resolves.toBe(lang === "ja" ? "プレビュー" : "Preview");
      await page.click("#pm-check");
      await page.waitForSelector(".pm-finding");
      expect(fromPackage[0]).toBe(`${CDN}office.js`);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
