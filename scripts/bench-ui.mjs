#!/usr/bin/env node
/**
 * Task pane figures for `npm run bench`, as one JSON line on stdout:
 *   { taskpaneGzipBytes, commandsGzipBytes, firstRenderMs, firstCheckMs, runs }
 * firstRenderMs: navigation start to the UI drawn (the pane's "pmark-rendered" mark), in
 * headless Chromium, preview mode, median of `runs` cold page loads; firstCheckMs: clicking
 * Check on the built-in sample until the findings are drawn (median). Nothing leaves
 * 127.0.0.1: office.js is answered by a local stub.
 *
 *   node scripts/bench-ui.mjs [--runs N]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { OFFICE_STUB, serve } from "./pane-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const dist = mkdtempSync(join(tmpdir(), "pmark-bench-ui-"));
const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "excel"], { cwd: root, env: { ...process.env, PMARK_EXCEL_OUTDIR: dist }, stdio: ["ignore", "ignore", "inherit"] });
if (built.status !== 0) process.exit(built.status ?? 1);
// Scripts carry a content hash in their names (taskpane.3F2A1B9C.js).
const script = (name) => readdirSync(dist).find((f) => f.startsWith(`${name}.`) && f.endsWith(".js")) ?? `${name}.js`;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const sizes = { taskpaneGzipBytes: gz(script("taskpane")), commandsGzipBytes: gz(script("commands")) };

const server = await serve(dist);
const origin = server.origin;

const userDataDir = mkdtempSync(join(tmpdir(), "pmark-bench-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
  return new URL(url).origin === origin ? route.continue() : route.abort();
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const render = [];
const check = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(`${origin}/taskpane.html?lang=ja`);
    await page.waitForSelector(".pm-app[data-ready]");
    render.push(await page.evaluate("performance.getEntriesByName('pmark-rendered')[0].startTime"));
    const t0 = Date.now();
    await page.click("#pm-check");
    await page.waitForSelector(".pm-finding");
    check.push(Date.now() - t0);
    await page.close();
  }
} finally {
  await context.close();
  void server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
}

console.log(
  JSON.stringify({
    ...sizes,
    firstRenderMs: Math.round(median(render) * 10) / 10,
    firstCheckMs: median(check),
    runs,
  }),
);
