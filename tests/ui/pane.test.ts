import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import { buildPane, hasChromium, OFFICE_JS, openSession, serve, type Session } from "./browser";

/**
 * The task pane in headless Chromium, in preview mode (office.js answers "no host"): the shared
 * UI over the in-memory bridge, built and served exactly as deployed.
 */

const IMG = "<img src=x onerror=window.__pwned=1>";
const SCRIPT = "<script>window.__pwned=1</script>";

/** A workbook whose sheet names and cells try to inject markup; the cells reach messages (item names, refs). */
function hostileWorkbook(): SheetGrid[] {
  const ledgerName = `台帳${IMG}`;
  const riskName = `リスク${SCRIPT}`;
  return [
    {
      name: ledgerName,
      values: [
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "委託先"],
        [1, `顧客名簿${IMG}`, "商品案内", "サーバ", "アクセス制御", "営業部", "", "なし"],
        [2, `従業員${SCRIPT}`, "雇用管理", "サーバ", "アクセス制御", "人事部", "5年", "なし"],
      ],
    },
    {
      name: riskName,
      values: [
        ["管理番号", "個人情報の名称", "局面", "リスク", "対策"],
        [1, `顧客名簿${IMG}`, "取得・入力", "漏えい", "施錠"],
        [9, `存在しない${SCRIPT}`, `保管${IMG}`, "紛失", "施錠"],
        [9, `=HYPERLINK("http://evil.example","x")`, "利用・加工", "紛失", "施錠"],
      ],
    },
  ];
}

describe.skipIf(!hasChromium)("task pane in headless Chromium (preview mode)", () => {
  let dist = "";
  let server: Awaited<ReturnType<typeof serve>>;
  let s: Session;

  beforeAll(async () => {
    dist = buildPane();
    server = await serve(dist);
    s = await openSession(server.origin);
  });

  afterAll(async () => {
    await s?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  const open = async (lang: "ja" | "en" = "ja") => {
    await s.page.goto(`${server.origin}/taskpane.html?lang=${lang}`);
    await s.page.waitForSelector(".pm-app[data-ready]");
  };

  it("checks the sample workbook, groups findings by sheet and severity, and a click selects the cell through the bridge", async () => {
    await open("ja");
    await expect(s.page.textContent("#pm-check")).resolves.toBe("チェック");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    const groups = await s.page.$$eval(".pm-sheet-name", (els) => els.map((e) => e.textContent));
    expect(groups).toEqual(expect.arrayContaining(["個人情報管理台帳", "リスク分析表"]));
    const chips = await s.page.textContent(".pm-summary");
    expect(chips).toMatch(/エラー/);
    const first = s.page.locator(".pm-finding").first();
    const sheet = await first.getAttribute("data-sheet");
    const cell = await first.getAttribute("data-cell");
    await first.click();
    await s.page.waitForFunction(() => (window.pmarkPreview?.bridge.selections.length ?? 0) > 0);
    const selections = await s.page.evaluate(() => window.pmarkPreview?.bridge.selections);
    expect(selections).toEqual([{ sheet, cell }]);
    await expect(s.page.textContent(".pm-status")).resolves.toContain(`${sheet}!${cell}`);
  });

  it("filters by severity and by rule", async () => {
    await open("ja");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    await s.page.selectOption("#pm-filter-severity", "error");
    const classes = await s.page.$$eval(".pm-finding", (els) => els.map((e) => e.className));
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((c) => c.includes("pm-error"))).toBe(true);
    await s.page.selectOption("#pm-filter-severity", "all");
    const rule = await s.page.locator(".pm-finding").first().getAttribute("data-rule");
    await s.page.selectOption("#pm-filter-rule", rule ?? "");
    const rules = await s.page.$$eval(".pm-finding", (els) => els.map((e) => e.getAttribute("data-rule")));
    expect(new Set(rules)).toEqual(new Set([rule]));
  });

  it("draws the risk heat map as an SVG picture", async () => {
    await open("en");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    await s.page.click("#pm-tab-heat");
    const cells = await s.page.$$eval("svg.pm-heat .pm-heat-cell", (els) => els.map((e) => Number(e.getAttribute("data-count"))));
    expect(cells.length).toBeGreaterThanOrEqual(9);
    expect(cells.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await expect(s.page.locator("svg.pm-levels-chart").count()).resolves.toBe(1);
    await expect(s.page.textContent("#pm-panel-heat")).resolves.toContain("Before measures");
  });

  it("previews scoring formulas, then applies them; the new check sees them", async () => {
    await open("ja");
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-formulas");
    await s.page.waitForSelector("#pm-preview:not([hidden])");
    const ops = await s.page.$$eval(".pm-ops li", (els) => els.map((e) => e.textContent ?? ""));
    expect(ops.some((t) => t.includes("式"))).toBe(true);
    expect(ops.some((t) => t.includes("プルダウン"))).toBe(true);
    await expect(s.page.locator(".pm-overwrites").count()).resolves.toBe(0);
    await s.page.click("#pm-apply");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("完了"));
    const formulas = await s.page.evaluate(() => window.pmarkPreview?.bridge.grids()[1]?.formulas?.flat().filter(Boolean).length);
    expect(formulas).toBeGreaterThan(0);
  });

  it("writes over non-empty cells only after the explicit confirmation", async () => {
    await open("en");
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as Record<string, unknown> & { calls: boolean[] };
      bridge.calls = [];
      bridge.preview = async () => ({
        plan: { title: { ja: "t", en: "Test plan" }, ops: [{ op: "values", sheet: "S", row: 1, col: 1, values: [["'x", "'y"]] }] },
        overwrites: [{ sheet: "S", cell: "A1" }],
      });
      bridge.apply = async (_k: string, _o: unknown, confirm: boolean) => {
        bridge.calls.push(confirm);
        return { ok: true, written: confirm ? 2 : 1, skipped: confirm ? [] : [{ sheet: "S", cell: "A1" }] };
      };
    });
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector(".pm-overwrites");
    await expect(s.page.textContent(".pm-overwrite-list")).resolves.toContain("S!A1");
    await expect(s.page.isChecked("#pm-confirm-overwrite")).resolves.toBe(false);
    await s.page.click("#pm-apply");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("left alone"));
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector(".pm-overwrites");
    await s.page.check("#pm-confirm-overwrite");
    await s.page.click("#pm-apply");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("2 cells written"));
    await expect(s.page.evaluate(() => (window.pmarkPreview!.bridge as unknown as { calls: boolean[] }).calls)).resolves.toEqual([false, true]);
  });

  it("shows a host's refusal (protected sheet) as a clear message", async () => {
    await open("ja");
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as Record<string, unknown>;
      bridge.apply = async () => ({ ok: false, written: 0, skipped: [], error: { code: "protected", message: { ja: "シート「台帳」は保護されています。", en: "Sheet is protected." } } });
    });
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-highlight");
    await s.page.waitForSelector(".pm-error:not([hidden])");
    await expect(s.page.textContent(".pm-error-text")).resolves.toBe("シート「台帳」は保護されています。");
  });

  it("highlights and clears, restoring the preview workbook's fills", async () => {
    await open("ja");
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-highlight");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("色を付けました"));
    const painted = await s.page.evaluate(() => [...(window.pmarkPreview?.bridge.workbook.fills.values() ?? [])].reduce((n, m) => n + m.size, 0));
    expect(painted).toBeGreaterThan(0);
    await s.page.click("#pm-act-clear");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("元の塗りつぶし"));
    const left = await s.page.evaluate(() => [...(window.pmarkPreview?.bridge.workbook.fills.values() ?? [])].reduce((n, m) => n + m.size, 0));
    expect(left).toBe(0);
  });

  it("re-checks 500 ms after the workbook changes when asked to", async () => {
    await open("ja");
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as { check: (r: unknown) => Promise<unknown>; checks: number };
      const original = bridge.check.bind(bridge);
      bridge.checks = 0;
      bridge.check = (r) => {
        bridge.checks++;
        return original(r);
      };
    });
    await s.page.check("#pm-recheck");
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge;
      b.edit("リスク分析表", "E2", 3);
      b.edit("リスク分析表", "E3", 3);
    });
    await s.page.waitForTimeout(200);
    await expect(s.page.evaluate(() => (window.pmarkPreview!.bridge as unknown as { checks: number }).checks)).resolves.toBe(0);
    await s.page.waitForFunction(() => (window.pmarkPreview!.bridge as unknown as { checks: number }).checks === 1, undefined, { timeout: 3000 });
  });

  it("shows hostile sheet names and cell text as text: nothing executes, no element is injected", async () => {
    await open("ja");
    await s.page.evaluate((grids) => window.pmarkPreview?.load(grids), hostileWorkbook());
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    // Every surface that shows workbook text: findings, filters, heat map, previews, the report and highlights.
    await s.page.click("#pm-tab-heat");
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector("#pm-preview:not([hidden])");
    await s.page.click("#pm-apply");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("完了"));
    await s.page.click("#pm-act-highlight");
    await s.page.waitForFunction(() => document.querySelector(".pm-status")?.textContent?.includes("色を付けました"));
    await s.page.click("#pm-tab-findings");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    await s.page.locator(".pm-finding").first().click();
    await s.page.waitForTimeout(300);

    const text = (await s.page.textContent("#pm-findings")) ?? "";
    expect(text).toContain(IMG);
    expect(text).toContain(SCRIPT);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    await expect(s.page.locator("img").count()).resolves.toBe(0);
    await expect(s.page.locator("body script").count()).resolves.toBe(0);
    await expect(s.page.locator("[onerror]").count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => document.scripts.length)).resolves.toBe(2);
    // The report sheet holds the text as text (no formula), the hostile formula included.
    const report = await s.page.evaluate(() => window.pmarkPreview?.bridge.grids().find((g) => g.name === "チェック結果"));
    expect(report?.formulas?.flat().filter(Boolean) ?? []).toEqual([]);
    expect(JSON.stringify(report?.values)).toContain(IMG.replace(/"/g, '\\"'));
    expect(s.pageErrors).toEqual([]);
  });

  it("asks nothing of any origin but its own (office.js answered locally)", async () => {
    await open("ja");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    expect(s.offOrigin).toEqual([]);
    const foreign = s.requests.filter((u) => new URL(u).origin !== server.origin);
    expect(new Set(foreign)).toEqual(new Set([OFFICE_JS]));
  });
});
