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
import { axeViolations, LAYOUTS } from "../ui/browser";

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

async function openSidebar(fakes: Fakes, width = 300): Promise<{ page: Page; addon: Addon }> {
  const addon = loadAddon(code, fakes);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
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
});

describe.each(LAYOUTS)("Sidebar.html at $width px, $lang", ({ width, lang }) => {
  const ja = lang === "ja";
  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);

  it("draws in the user's language, checks, lists the findings, and shows hostile cell text as text", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), lang);
    const { page } = await openSidebar(fakes, width);
    try {
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.textContent("#pm-check")).toBe(ja ? "チェック" : "Check");
      await page.click("#pm-check");
      await page.waitForSelector(".pm-finding");
      const findings = await page.$$eval(".pm-finding", (els) => els.length);
      expect(findings).toBeGreaterThan(5);
      const text = await page.textContent("body");
      expect(text).toContain(HOSTILE_IMG);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.$$eval("img", (els) => els.length)).toBe(0);
      expect(await page.$$eval("script", (els) => els.length)).toBe(1);
      expect(await calls(page)).toEqual(["pmarkSidebarContext", "pmarkSettings", "pmarkCheck"]);
      expect(await axeViolations(page)).toEqual([]);
      // How each sheet was read comes with the server's check: no further call.
      await page.click("#pm-tab-reading");
      for (const summary of await page.locator(".pm-reading-sheet summary").all()) await summary.click();
      const kinds = await page.$$eval(".pm-reading-sheet", (els) => els.map((e) => e.getAttribute("data-kind")));
      expect(kinds).toContain("ledger");
      expect(await page.textContent("#pm-panel-reading")).toContain(HOSTILE_IMG);
      expect(await page.$$eval("img", (els) => els.length)).toBe(0);
      expect(await calls(page)).toEqual(["pmarkSidebarContext", "pmarkSettings", "pmarkCheck"]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("clicking a finding activates its cell in the spreadsheet", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), lang);
    const { page } = await openSidebar(fakes, width);
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
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), lang);
    const { page } = await openSidebar(fakes, width);
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
      const report = ja ? "チェック結果" : "Check results";
      expect(fakes.ss.sheets.some((s) => s.name === report)).toBe(false); // preview writes nothing
      await page.click("#pm-apply");
      await expect.poll(() => fakes.ss.sheets.some((s) => s.name === report)).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it("a check cut short by the time limit withholds what needs the unread sheets, says so in a styled notice, and checks the rest on request", async () => {
    const ss = spreadsheetOf(hostileWorkbook());
    ss.msPerCellRead = 5000;
    const fakes = makeFakes(ss, lang);
    const { page } = await openSidebar(fakes, width);
    try {
      await page.click("#pm-check");
      const notice = await page.waitForSelector("#pm-partial-notice");
      const text = (await notice.textContent()) ?? "";
      expect(text).toContain(ja ? "未チェック" : "Not checked");
      expect(text).toContain(HOSTILE_IMG);
      const style = await notice.evaluate((e) => ({ bg: getComputedStyle(e).backgroundColor, border: getComputedStyle(e).borderLeftWidth }));
      expect(style.bg).not.toBe("rgba(0, 0, 0, 0)");
      expect(style.border).toBe("4px");
      // The risk sheet exists but was not read: no sheet/missing, no phase-missing.
      const rules = await page.$$eval(".pm-finding", (els) => els.map((e) => e.getAttribute("data-rule")));
      expect(rules).not.toContain("sheet/missing");
      expect(rules).not.toContain("risk/phase-missing");
      await expect(page.textContent("#pm-withheld")).resolves.toMatch(/\d/);
      expect(await axeViolations(page)).toEqual([]);
      await page.click("#pm-check-rest");
      await page.waitForFunction(() => !document.querySelector("#pm-partial-notice"), undefined, { timeout: 20_000 });
      // Read over several calls and checked as a whole: the comparisons with the risk sheet are back.
      await page.waitForSelector(".pm-finding[data-rule='risk/phase-missing']");
      const parts = (await calls(page)).filter((c) => c === "pmarkReadPart").length;
      expect(parts).toBeGreaterThan(1);
      const kinds = await page.evaluate(() => document.querySelector("#pm-check-status")?.textContent ?? "");
      expect(kinds).toContain("3");
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it("a server failure reaches the UI as an error message under the finding, not a hang", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), lang);
    const { page } = await openSidebar(fakes, width);
    try {
      await page.click("#pm-check");
      await page.waitForSelector(".pm-finding");
      fakes.ss.sheets.splice(0, 1); // the ledger is deleted after the check
      await page.click(".pm-finding[data-sheet='個人情報管理台帳']");
      await page.waitForSelector("#pm-finding-status-alert .pm-alert-body:not([hidden])");
      expect(await page.textContent("#pm-finding-status-alert")).toContain(ja ? "シート「個人情報管理台帳」が見つかりません。" : "The sheet 「個人情報管理台帳」 no longer exists.");
    } finally {
      await page.close();
    }
  });

  it("the profile chosen in the sidebar is saved with the spreadsheet and chosen again when the sidebar opens", async () => {
    const fakes = makeFakes(spreadsheetOf(hostileWorkbook()), lang);
    const { page } = await openSidebar(fakes, width);
    try {
      await page.click("#pm-settings-summary");
      await page.selectOption("#pm-profile", "isms-asset");
      await page.waitForFunction(() => document.getElementById("pm-settings-status")?.textContent !== "");
      const stored = [...fakes.props.store.entries()].filter(([k]) => k.startsWith("pmark.state.")).map(([, v]) => v);
      expect(stored.join("")).toContain("isms-asset");
      const reload = await openSidebar(fakes, width);
      try {
        await reload.page.waitForFunction(() => (document.getElementById("pm-profile") as HTMLSelectElement | null)?.value === "isms-asset");
      } finally {
        await reload.page.close();
      }
    } finally {
      await page.close();
    }
  });
});
