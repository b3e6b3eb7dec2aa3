#!/usr/bin/env node
/**
 * `npm run screenshots`: the task pane's views as a user sees them (Japanese, 350 px, preview
 * mode on the built-in sample, checked as of 2025-06-30), written to docs/screenshots/ for the
 * README. Uses Debian's Chromium (as the tests do) and needs a Japanese font
 * (`apt-get install fonts-ipafont-gothic`); nothing is fetched.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { OFFICE_STUB, serve } from "./pane-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "docs", "screenshots");

const fonts = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
if (fonts.status === 0 && fonts.stdout.trim() === "") {
  console.error("screenshots: no Japanese font; install one first (apt-get install fonts-ipafont-gothic)");
  process.exit(2);
}

const dist = mkdtempSync(join(tmpdir(), "pmark-shots-"));
const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "excel"], { cwd: root, env: { ...process.env, PMARK_EXCEL_OUTDIR: dist }, stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) process.exit(built.status ?? 1);
const server = await serve(dist);
const origin = server.origin;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"] });
try {
  const page = await browser.newPage({ viewport: { width: 350, height: 760 }, deviceScaleFactor: 1, reducedMotion: "reduce" });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
    return new URL(url).origin === origin ? route.continue() : route.abort();
  });
  await page.goto(`${origin}/taskpane.html?lang=ja`);
  await page.waitForSelector(".pm-app[data-ready]");
  await page.click("#pm-settings-summary");
  await page.fill("#pm-as-of", "2025-06-30");
  await page.dispatchEvent("#pm-as-of", "change");
  await page.click("#pm-settings-summary");
  await page.click("#pm-check");
  await page.waitForSelector(".pm-finding");
  await page.locator(".pm-finding").nth(1).click();
  await page.waitForFunction(() => globalThis.document.getElementById("pm-finding-status")?.textContent !== "");
  mkdirSync(out, { recursive: true });
  const shot = async (name) => {
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    console.log(`docs/screenshots/${name}.png`);
  };
  await shot("findings");
  await page.click("#pm-tab-overview");
  await shot("overview");
  await page.click("#pm-tab-heat");
  await shot("risk-map");
  await page.click("#pm-tab-reading");
  await page.locator('.pm-reading-sheet[data-kind="risk"] summary').first().click();
  await page.locator('.pm-reading-sheet[data-kind="risk"]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, "reading.png"), fullPage: false });
  console.log("docs/screenshots/reading.png");
  await page.click("#pm-tab-actions");
  await page.click("#pm-act-template");
  await page.waitForSelector("#pm-preview");
  await shot("actions");
} finally {
  await browser.close();
  void server.close();
  rmSync(dist, { recursive: true, force: true });
}
