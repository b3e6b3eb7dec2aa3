import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFile } from "../../packages/cli/src/check-file";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { checkWorkbook } from "../../packages/core/src/check";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import { FIXTURES } from "../fixtures/grids/index";
import { builtCode, loadAddon, overTheWire } from "./addon";
import { FakeSpreadsheet, makeFakes, spreadsheetOf } from "./fake-gas";
import { generatedWorkbook } from "./workbooks";

const TODAY = "2025-06-30";

let code = "";
beforeAll(async () => {
  code = await builtCode();
});

function fixtureWorkbook(): SheetGrid[] {
  const pick = ["ledger-title-block", "risk-long-titled", "contractor-register", "laws-list", "unknown-cover-sheet"];
  return pick.map((id) => {
    const f = FIXTURES.find((x) => x.id === id);
    if (!f) throw new Error(`fixture ${id}`);
    return f.grid;
  });
}

describe("pmarkCheck: the same findings as core (and pmark check) on the same grids", () => {
  it("a realistic workbook: ledger, risk analysis with formulas and merges, register, laws, cover", () => {
    const grids = fixtureWorkbook();
    const fakes = makeFakes(spreadsheetOf(grids), "ja");
    const reply = overTheWire(loadAddon(code, fakes).pmarkCheck?.({ today: TODAY }));
    const expected = overTheWire(checkWorkbook(grids, { today: TODAY }));
    expect(reply).toEqual(expected);
    expect(expected.findings.length).toBeGreaterThan(10);
  });

  it("the bundled sample .xlsx: the same report as `pmark check` gives for the file", async () => {
    const file = join(__dirname, "..", "..", "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) throw new Error("sample not readable");
    const cli = await checkFile(file, { today: TODAY });
    if (!cli.ok) throw new Error("pmark check failed on the sample");
    const reply = overTheWire(loadAddon(code, makeFakes(spreadsheetOf(loaded.grids), "ja")).pmarkCheck?.({ today: TODAY }));
    expect(reply).toEqual(overTheWire(cli.report));
    expect(cli.report.findings.length).toBeGreaterThan(5);
  });

  it("dates shown as Date objects come back as the same serials, in the spreadsheet's own time zone", () => {
    const grids = generatedWorkbook(12);
    for (const tz of ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Chatham", "UTC"]) {
      const ss = spreadsheetOf(grids, tz);
      const ledger = ss.sheet("個人情報管理台帳");
      // The fake returns Date objects for these cells, as getValues() does.
      expect(Object.prototype.toString.call(ledger.getRange("Q4").getValues()[0]?.[0])).toBe("[object Date]");
      const reply = overTheWire(loadAddon(code, makeFakes(ss, "ja")).pmarkCheck?.({ today: TODAY }));
      expect(reply, tz).toEqual(overTheWire(checkWorkbook(grids, { today: TODAY })));
    }
  });

  it("every generated fixture shape reads back identically (values, formulas, header merges)", () => {
    for (const f of FIXTURES) {
      const reply = overTheWire(loadAddon(code, makeFakes(spreadsheetOf([f.grid]), "en")).pmarkCheck?.({ today: TODAY }));
      expect(reply, f.id).toEqual(overTheWire(checkWorkbook([f.grid], { today: TODAY })));
    }
  });

  it("an empty spreadsheet is checked without error", () => {
    const ss = new FakeSpreadsheet();
    ss.addSheet({ name: "Sheet1" });
    const reply = overTheWire(loadAddon(code, makeFakes(ss, "ja")).pmarkCheck?.({ today: TODAY })) as { sheets: unknown[] };
    expect(reply.sheets).toHaveLength(1);
  });
});

describe("service calls do not grow with rows", () => {
  function callsFor(rows: number) {
    const grids = generatedWorkbook(rows);
    const fakes = makeFakes(spreadsheetOf(grids), "ja");
    const addon = loadAddon(code, fakes);
    const calls = fakes.ss.calls;
    calls.reset();
    const report = addon.pmarkCheck?.({ today: TODAY }) as { findings: unknown[] };
    const check = { total: calls.total, byMethod: calls.summary(), findings: report.findings.length };
    calls.reset();
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    const highlight = { total: calls.total, byMethod: calls.summary() };
    calls.reset();
    addon.pmarkClearHighlights?.();
    const clear = { total: calls.total, byMethod: calls.summary() };
    calls.reset();
    addon.pmarkApply?.("report", { today: TODAY }, false);
    const report2 = { total: calls.total, byMethod: calls.summary() };
    calls.reset();
    addon.pmarkPreview?.("formulas", { today: TODAY });
    const preview = { total: calls.total, byMethod: calls.summary() };
    calls.reset();
    addon.pmarkApply?.("formulas", { today: TODAY }, false);
    const formulas = { total: calls.total, byMethod: calls.summary() };
    calls.reset();
    addon.pmarkApply?.("remove", { what: "formulas", today: TODAY }, false);
    const remove = { total: calls.total, byMethod: calls.summary() };
    return { check, highlight, clear, report: report2, preview, formulas, remove };
  }

  it("10 rows and 10,000 rows: the same calls, method by method", () => {
    const small = callsFor(10);
    const large = callsFor(10_000);
    console.log(
      `SpreadsheetApp calls, 10 vs 10,000 rows: check ${small.check.total} vs ${large.check.total} (findings ${small.check.findings} vs ${large.check.findings}); ` +
        `highlight ${small.highlight.total} vs ${large.highlight.total}; clear ${small.clear.total} vs ${large.clear.total}; report sheet ${small.report.total} vs ${large.report.total}`,
    );
    expect(large.check.findings).toBeGreaterThan(1000 * small.check.findings / 10);
    expect(large.check.byMethod).toEqual(small.check.byMethod);
    expect(large.highlight.byMethod).toEqual(small.highlight.byMethod);
    expect(large.clear.byMethod).toEqual(small.clear.byMethod);
    // A report sheet longer than a new sheet's 1,000 rows is grown once, in one call.
    const { ["Sheet.insertRowsAfter"]: grown = 0, ...reportCalls } = large.report.byMethod;
    expect(reportCalls).toEqual(small.report.byMethod);
    expect(grown).toBe(1);
    // Dropdowns already on the columns are asked about once per column, not per row.
    expect(large.preview.byMethod).toEqual(small.preview.byMethod);
    expect(small.preview.byMethod["Range.getDataValidations"]).toBeGreaterThan(0);
    // Dropdowns reach 100 rows past the data: a sheet that short of rows is grown once.
    const { ["Sheet.insertRowsAfter"]: grownForDropdowns = 0, ...formulaCalls } = large.formulas.byMethod;
    const { ["Sheet.insertRowsAfter"]: _small = 0, ...smallFormulaCalls } = small.formulas.byMethod;
    expect(formulaCalls).toEqual(smallFormulaCalls);
    expect(grownForDropdowns).toBeLessThanOrEqual(2);
    expect(large.remove.byMethod).toEqual(small.remove.byMethod);
    expect(small.remove.byMethod["Range.clearContent"]).toBeGreaterThan(0);
    // One values read and one formulas read per sheet.
    expect(small.check.byMethod["Range.getValues"]).toBe(2);
    expect(small.check.byMethod["Range.getFormulas"]).toBe(2);
  });
});

describe("Apps Script's 6-minute limit: what is not checked is said, never dropped silently", () => {
  it("reading stops between sheets once 4 minutes have passed, and the notice lists both sides", () => {
    const grids = [...generatedWorkbook(50), { name: "別紙", values: [["メモ"], ["a"]] }];
    const ss = spreadsheetOf(grids);
    ss.msPerCellRead = 300; // ~ 250 s for the 51 × 17 ledger alone
    const reply = overTheWire(loadAddon(code, makeFakes(ss, "ja")).pmarkCheck?.({ today: TODAY })) as {
      sheets: { name: string }[];
      notice?: { code: string; checked: string[]; skipped: string[]; message: { ja: string; en: string } };
    };
    expect(reply.notice?.code).toBe("partial-time");
    expect(reply.notice?.checked).toEqual(["個人情報管理台帳"]);
    expect(reply.notice?.skipped).toEqual(["リスク分析表", "別紙"]);
    expect(reply.notice?.message.ja).toContain("チェック済み: 「個人情報管理台帳」");
    expect(reply.notice?.message.ja).toContain("未チェック: 「リスク分析表」、「別紙」");
    expect(reply.notice?.message.en).toContain("Not checked: 「リスク分析表」, 「別紙」");
    expect(reply.sheets.map((s) => s.name)).toEqual(["個人情報管理台帳"]);
  });

  it("a check cut short reports nothing that depends on an unread sheet: no sheet/missing for a risk sheet that exists", () => {
    const grids = generatedWorkbook(50);
    const full = checkWorkbook(grids.slice(0, 1), { today: TODAY });
    expect(full.findings.some((f) => f.rule === "sheet/missing")).toBe(true); // what the ledger alone would say
    const ss = spreadsheetOf(grids);
    ss.msPerCellRead = 300;
    const reply = overTheWire(loadAddon(code, makeFakes(ss, "ja")).pmarkCheck?.({ today: TODAY })) as { findings: { rule: string }[]; withheld?: number; notice?: { continuable?: boolean } };
    expect(reply.notice?.continuable).toBe(true);
    expect(reply.findings.map((f) => f.rule)).not.toContain("sheet/missing");
    expect(reply.findings.map((f) => f.rule)).not.toContain("risk/phase-missing");
    expect(reply.withheld).toBeGreaterThan(0);
  });

  it("a sheet too large for the run's cell budget is skipped up front (estimated from its size, not read)", () => {
    const ss = spreadsheetOf(generatedWorkbook(10));
    const huge = ss.addSheet({ name: "ログ", virtualSize: { rows: 400_000, cols: 26 } });
    const fakes = makeFakes(ss, "en");
    const reply = overTheWire(loadAddon(code, fakes).pmarkCheck?.({ today: TODAY })) as { notice?: { code: string; skipped: string[]; checked: string[]; message: { en: string } } };
    expect(reply.notice?.code).toBe("partial-size");
    expect(reply.notice?.skipped).toEqual(["ログ"]);
    expect(reply.notice?.checked).toEqual(["個人情報管理台帳", "リスク分析表"]);
    expect(reply.notice?.message.en).toMatch(/too large to check in one go within Apps Script's 6-minute limit \([\d,]+ cells\)/);
    expect(huge.grid.length).toBe(0);
    expect(fakes.ss.calls.of("Range.getValues")).toBe(2);
  });

  it("a whole workbook within the limits carries no notice", () => {
    const reply = overTheWire(loadAddon(code, makeFakes(spreadsheetOf(generatedWorkbook(10)), "ja")).pmarkCheck?.({ today: TODAY })) as { notice?: unknown };
    expect(reply.notice).toBeUndefined();
  });
});

describe("pmarkSelect: click a finding, the cell is activated", () => {
  it("activates the finding's cell on its sheet", () => {
    const fakes = makeFakes(spreadsheetOf(fixtureWorkbook()), "ja");
    const addon = loadAddon(code, fakes);
    const report = overTheWire(addon.pmarkCheck?.({ today: TODAY })) as { findings: { sheet: string; cell: string }[] };
    const f = report.findings[3];
    if (!f) throw new Error("no finding");
    fakes.ss.calls.reset();
    addon.pmarkSelect?.(f.sheet, f.cell);
    expect(fakes.ss.active).toEqual({ sheet: f.sheet, range: f.cell });
    expect(fakes.ss.calls.total).toBeLessThanOrEqual(4);
  });

  it("a sheet deleted since the check gives a clear error in the user's language", () => {
    const addon = loadAddon(code, makeFakes(spreadsheetOf(fixtureWorkbook()), "ja"));
    expect(() => addon.pmarkSelect?.("消えたシート", "A1")).toThrow("シート「消えたシート」が見つかりません。");
  });
});
