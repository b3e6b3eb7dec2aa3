#!/usr/bin/env node
/**
 * `npm run screenshots`: the task pane's views as a user sees them (Japanese, 350 px, preview
 * mode on the built-in sample, checked as of 2025-06-30), written to docs/screenshots/ for the
 * README. Uses Debian's Chromium (as the tests do) and needs a Japanese font
 * (`apt-get install fonts-ipafont-gothic`); nothing is fetched.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "docs", "screenshots");
const OFFICE_STUB = "window.Office={context:{displayLanguage:'ja-JP'},onReady:function(cb){var i={host:null,platform:null};setTimeout(function(){cb&&cb(i)},0);return Promise.resolve(i)}};";

const fonts = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
if (fonts.status === 0 && fonts.stdout.trim() === "") {
  console.error("screenshots: no Japanese font; install one first (apt-get install fonts-ipafont-gothic)");
  process.exit(2);
}

const dist = mkdtempSync(join(tmpdir(), "pmark-shots-"));
const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "excel"], { cwd: root, env: { ...process.env, PMARK_EXCEL_OUTDIR: dist }, stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) process.exit(built.status ?? 1);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png" };
const server = createServer((req, res) => {
  const file = normalize(join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname)));
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

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
  server.close();
  rmSync(dist, { recursive: true, force: true });
}
