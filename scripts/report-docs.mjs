#!/usr/bin/env node
/**
 * `npm run report-docs`: the HTML reports of the bundled sample as a reader sees them, written to
 * docs/report/ for the README:
 *
 *   sample-check.png / sample-check.pdf   pmark check 個人情報管理台帳_サンプル.xlsx --format html
 *   sample-diff.png  / sample-diff.pdf    pmark diff …_前年度.xlsx …サンプル.xlsx --format html
 *
 * Both checked as of 2025-06-30, in Japanese. The PNG is the first screen at 1000 px; the PDF is
 * Chromium's A4 print of the whole page (its own print styles and running header). Uses Debian's
 * Chromium and needs a Japanese font (`apt-get install fonts-ipafont-gothic`). The page may ask
 * for nothing: any request but the page itself stops the script.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "docs", "report");
const sample = join("templates", "samples", "個人情報管理台帳_サンプル.xlsx");
const lastYear = join("templates", "samples", "個人情報管理台帳_サンプル_前年度.xlsx");

const fonts = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
if (fonts.status === 0 && fonts.stdout.trim() === "") {
  console.error("report-docs: no Japanese font; install one first (apt-get install fonts-ipafont-gothic)");
  process.exit(2);
}

const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "cli"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) process.exit(built.status ?? 1);

const work = mkdtempSync(join(tmpdir(), "pmark-report-docs-"));
function pmark(args, file) {
  const res = spawnSync(process.execPath, [join(root, "packages/cli/dist/pmark.cjs"), ...args, "--format", "html", "--today", "2025-06-30"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // Exit 1 is expected: the sample has planted errors.
  if (res.status !== 0 && res.status !== 1) {
    console.error(res.stderr);
    process.exit(res.status ?? 2);
  }
  const path = join(work, file);
  writeFileSync(path, res.stdout);
  return path;
}

const pages = [
  { name: "sample-check", file: pmark(["check", sample], "check.html") },
  { name: "sample-diff", file: pmark(["diff", lastYear, sample], "diff.html") },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"] });
try {
  mkdirSync(out, { recursive: true });
  for (const { name, file } of pages) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, deviceScaleFactor: 1, reducedMotion: "reduce" });
    const url = pathToFileURL(file).href;
    const asked = [];
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      asked.push(u);
      return route.abort();
    });
    await page.goto(url, { waitUntil: "load" });
    if (asked.length > 0) throw new Error(`${name}: the page asked for ${asked.join(", ")}`);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    await page.pdf({ path: join(out, `${name}.pdf`), format: "A4", printBackground: true, preferCSSPageSize: true });
    console.log(`docs/report/${name}.png`);
    console.log(`docs/report/${name}.pdf`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
