/**
 * The built Sidebar.html in headless Chromium, talking through a google.script.run stand-in to
 * the built Code.js (run in Node on the fake spreadsheet): calls cross as JSON, as they do in
 * Apps Script, success and failure handlers included.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";
import { builtCode, DIST, loadAddon, type Addon } from "./addon";
import { makeFakes, spreadsheetOf, type Fakes } from "./fake-gas";
import { generatedWorkbook } from "./workbooks";

const HOSTILE_IMG = "<img src=x onerror=window.__pwned=1>";
const HOSTILE_SCRIPT = "<script>window.__pwned=1</script>";

/** A workbook whose item names, a sheet name and cell text try to inject markup. */
function hostileWorkbook(): SheetGrid[] {
  const [ledger, risk] = generatedWorkbook(4) as [SheetGrid, SheetGrid];
  const values = ledger.values.map((row) => [...row]) as CellValue[][];
  (values[3] as CellValue[])[2] = HOSTILE_IMG;
  (values[4] as CellValue[])[2] = HOSTILE_SCRIPT;
  (values[5] as CellValue[])[3] = `${HOSTILE_SCRIPT}${HOSTILE_IMG}`;
  return [{ ...ledger, values }, risk, { name: HOSTILE_IMG, values: [["メモ"], [HOSTILE_SCRIPT]] }];
}

let server: Server;
let baseUrl = "";
let context: BrowserContext;
let userDataDir = "";
let code = "";

beforeAll(async () => {
  code = await builtCode();
  const html = readFileSync(join(DIST, "Sidebar.html"));
  server = createServer((req, res) => {
    if (req.url === "/" || req.url === "/Sidebar.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  userDataDir = mkdtempSync(join(tmpdir(), "pmark-sidebar-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** google.script.run in the page: each call goes (as JSON) to the add-on's global of that name. */
const RUN_STUB = `
(() => {
  window.__calls = [];
  const runner = (success, failure) => new Proxy({}, {
    get(_, name) {
      if (name === "withSuccessHandler") return (fn) => runner(fn, failure);
      if (name === "withFailureHandler") return (fn) => runner(success, fn);
      return (...args) => {
        window.__calls.push(String(name));
        window.__pmarkServer(String(name), JSON.stringify(args)).then((reply) => {
          const r = JSON.parse(reply);
          if (r.ok) { if (success) success(r.value); }
          else if (failure) failure(new Error(r.message));
        });
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
})();
`;

async function openSidebar(fakes: Fakes): Promise<{ page: Page; addon: Addon }> {
  const addon = loadAddon(code, fakes);
  const page = await context.newPage();
  await page.exposeFunction("__pmarkServer", (name: string, argsJson: string) => {
    try {
      const fn = addon[name];
      if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
      const value = fn(...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript(RUN_STUB);
  await page.goto(baseUrl);
  await page.waitForSelector(".pm-app[data-ready='true']");
  return { page, addon };
}

describe("Sidebar.html in Chromium", () => {
  it("is one self-contained page: the UI inlined, no external script or stylesheet, no </script inside the script", () => {
    const html = readFileSync(join(DIST, "Sidebar.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    const script = html.slice(html.indexOf("<script>") + 8, html.lastIndexOf("</script>"));
    expect(script.length).toBeGreaterThan(10_000);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toContain("<!--"); // would switch the HTML parser into escaped script data
  });

  it("draws in the user's language, checks, lists the findings, and shows hostile cell text as text", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), "ja");
    const { page } = await openSidebar(fakes);
    try {
      expect(await page.getAttribute("html", "lang")).toBe("ja");
      expect(await page.textContent("#pm-check")).toBe("チェック");
      await page.click("#pm-check");
      await page.waitForSelector(".pm-finding");
      const findings = await page.$$eval(".pm-finding", (els) => els.length);
      expect(findings).toBeGreaterThan(5);
      const text = await page.textContent("body");
      expect(text).toContain(HOSTILE_IMG);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.$$eval("img", (els) => els.length)).toBe(0);
      expect(await page.$$eval("script", (els) => els.length)).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(["pmarkSidebarContext", "pmarkCheck"]);
    } finally {
      await page.close();
    }
  });

  it("clicking a finding activates its cell in the spreadsheet", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), "en");
    const { page } = await openSidebar(fakes);
    try {
      await page.click("#pm-check");
      const first = await page.waitForSelector(".pm-finding");
      const sheet = await first.getAttribute("data-sheet");
      const cell = await first.getAttribute("data-cell");
      await first.click();
      await page.waitForFunction(() => (window as unknown as { __calls: string[] }).__calls.includes("pmarkSelect"));
      await expect.poll(() => fakes.ss.active).toEqual({ sheet, range: cell });
    } finally {
      await page.close();
    }
  });

  it("highlight, then clear, from the actions tab; the report sheet after its preview", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), "ja");
    const { page } = await openSidebar(fakes);
    try {
      const before = fakes.ss.sheets.map((s) => s.backgroundsSnapshot());
      await page.click("#pm-tab-actions");
      await page.click("#pm-act-highlight");
      await expect.poll(() => fakes.ss.sheet("個人情報管理台帳").peek("C5").bg).not.toBeNull();
      await page.waitForFunction(() => !(document.querySelector("#pm-act-clear") as HTMLButtonElement).disabled);
      await page.click("#pm-act-clear");
      await expect.poll(() => fakes.ss.sheets.map((s) => s.backgroundsSnapshot())).toEqual(before);
      await page.waitForFunction(() => !(document.querySelector("#pm-act-report") as HTMLButtonElement).disabled);
      await page.click("#pm-act-report");
      await page.waitForSelector("#pm-apply");
      expect(fakes.ss.sheets.some((s) => s.name === "チェック結果")).toBe(false); // preview writes nothing
      await page.click("#pm-apply");
      await expect.poll(() => fakes.ss.sheets.some((s) => s.name === "チェック結果")).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it("a check cut short by the time limit says so above the UI, as plain text", async () => {
    const ss = spreadsheetOf(hostileWorkbook());
    ss.msPerCellRead = 5000;
    const fakes = makeFakes(ss, "ja");
    const { page } = await openSidebar(fakes);
    try {
      await page.click("#pm-check");
      await page.waitForSelector(".pmark-notice:not([hidden])");
      const notice = await page.textContent(".pmark-notice");
      expect(notice).toContain("未チェック");
      expect(notice).toContain(HOSTILE_IMG);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it("a server failure reaches the UI as an error message, not a hang", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), "ja");
    const { page } = await openSidebar(fakes);
    try {
      await page.click("#pm-check");
      await page.waitForSelector(".pm-finding");
      fakes.ss.sheets.splice(0, 1); // the ledger is deleted after the check
      await page.click(".pm-finding");
      await page.waitForSelector("[role=alert]:not([hidden])");
      expect(await page.textContent("[role=alert]")).toContain("シート「個人情報管理台帳」が見つかりません。");
    } finally {
      await page.close();
    }
  });
});
