import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../packages/core/src/check";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import {
  buildPlan,
  cellsOf,
  findingsReportPlan,
  formulasPlan,
  guardText,
  highlightPlan,
  mergeConflicts,
  overwritesOf,
  placePlan,
  preparePlan,
  rectanglesOf,
  storedValue,
  templateSheetsPlan,
  textCell,
  withoutOverwrites,
  writtenCells,
  type PlanKind,
  type WritePlan,
} from "../../../packages/core/src/plan/index";
import { applyPlanToWorkbook, gridsOf, memoryWorkbook } from "../../../packages/ui/src/memory-bridge";
import { resolveProfile } from "../../../packages/core/src/profile/resolve";
import { modelFromProfile } from "../../../packages/core/src/scoring/index";
import { FIXTURES } from "../../fixtures/grids/index";
import { FIVE_PHASES, ledgerSheet, riskSheet, sheet, TODAY } from "../helpers";

const L = "個人情報管理台帳";
const R = "リスク分析表";
const check = (grids: SheetGrid[]) => checkWorkbook(grids, { today: TODAY });
const plan = (ops: WritePlan["ops"]): WritePlan => ({ title: { ja: "t", en: "t" }, ops });
/** The default profile's model: the formulas the plan must write are the scoring module's. */
const MODEL = modelFromProfile(resolveProfile())!;
const refs = (row: number, l = "E", i = "F") => (input: string) => `${input === "likelihood" ? l : i}${row}`;

/** Applies a prepared plan to a copy of the grids and lists the user's non-empty cells it changed. */
function changedUserCells(grids: SheetGrid[], written: WritePlan): string[] {
  const wb = memoryWorkbook(grids);
  applyPlanToWorkbook(wb, written);
  const after = gridsOf(wb);
  const out: string[] = [];
  for (const g of grids) {
    const a = after.find((x) => x.name === g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === undefined || v === "") && !f) return;
        if (a?.values[r]?.[c] !== v || (a?.formulas?.[r]?.[c] ?? null) !== f) out.push(`${g.name}!${r + 1}:${c + 1}`);
      }),
    );
  }
  return out;
}

describe("text cells", () => {
  it("puts every string behind the text prefix and reads it back unchanged", () => {
    for (const s of ["=1+1", "+81-3", "-対策", "@x", "'quoted'", "00123", "2024/4/1", "普通の文"]) {
      expect(textCell(s)).toBe(`'${s}`);
      expect(storedValue(textCell(s))).toBe(s);
    }
  });
  it("guards raw strings that would start a formula, leaves others alone", () => {
    expect(guardText("=A1")).toBe("'=A1");
    expect(guardText("\t=A1")).toBe("'\t=A1");
    expect(guardText("'=A1")).toBe("'=A1");
    expect(guardText("abc")).toBe("abc");
    expect(guardText(5)).toBe(5);
  });
});

describe("rectanglesOf", () => {
  it("merges a column and a block, keeps strays apart", () => {
    const cells = [...cellsOf({ top: 2, left: 3, bottom: 40, right: 3 }), ...cellsOf({ top: 5, left: 6, bottom: 7, right: 8 }), { row: 1, col: 1 }];
    expect(rectanglesOf(cells)).toEqual([
      { top: 1, left: 1, bottom: 1, right: 1 },
      { top: 2, left: 3, bottom: 40, right: 3 },
      { top: 5, left: 6, bottom: 7, right: 8 },
    ]);
  });
  it("covers exactly the given cells, without overlap (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }) }), { maxLength: 60 }), (cells) => {
        const want = new Set(cells.map((c) => `${c.row}:${c.col}`));
        const got: string[] = [];
        for (const r of rectanglesOf(cells)) for (const c of cellsOf(r)) got.push(`${c.row}:${c.col}`);
        expect(got.length).toBe(want.size);
        expect(new Set(got)).toEqual(want);
      }),
    );
  });
});

describe("highlightPlan", () => {
  const grids = [ledgerSheet([{ 保管期間: null }, { 保管期間: null }, { 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }, { id: 2, name: "台帳項目2" }, { id: 3, name: "台帳項目3" }])];
  it("gives one op per sheet and severity, with finding cells merged into rectangles", () => {
    const report = check(grids);
    const p = highlightPlan(report);
    const keys = p.ops.map((op) => (op.op === "highlight" ? `${op.sheet} ${op.fill}` : op.op));
    expect(new Set(keys).size).toBe(keys.length);
    const errors = p.ops.find((op) => op.op === "highlight" && op.sheet === L && op.fill === "#FFC7CE");
    expect(errors?.op === "highlight" && errors.cells).toContain("M2:M4");
  });
  it("paints a cell once, in its most severe finding's colour, and skips accepted findings", () => {
    const report = check(grids);
    const f = report.findings[0]!;
    report.findings = [
      { ...f, sheet: L, cell: "B2", row: 2, col: 2, severity: "info" },
      { ...f, sheet: L, cell: "B2", row: 2, col: 2, severity: "error" },
      { ...f, sheet: L, cell: "C2", row: 2, col: 3, severity: "warning", accepted: true },
    ];
    expect(highlightPlan(report).ops).toEqual([{ op: "highlight", sheet: L, cells: ["B2"], fill: "#FFC7CE" }]);
  });
  it("never writes cell content", () => {
    expect(overwritesOf(highlightPlan(check(grids)), grids)).toEqual([]);
  });
});

describe("findingsReportPlan", () => {
  const grids = [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }])];
  it("adds a sheet with a header row and one text row per finding", () => {
    const report = check(grids);
    const p = findingsReportPlan(report, "ja");
    expect(p.ops[0]).toEqual({ op: "addSheet", sheet: "チェック結果", tabColor: "#FFC7CE" });
    const values = p.ops.find((op) => op.op === "values");
    expect(values?.op === "values" && values.values[0]).toEqual(["'ルール", "'重大度", "'シート", "'セル", "'内容"]);
    expect(values?.op === "values" && values.values.length).toBe(report.findings.length + 1);
    for (const row of values?.op === "values" ? values.values : []) for (const v of row) if (typeof v === "string") expect(v.startsWith("'")).toBe(true);
    expect(findingsReportPlan(report, "en").ops[0]).toMatchObject({ sheet: "Check results" });
  });
  it("keeps hostile text as text and never writes over a user's sheet of the same name", () => {
    const report = check(grids);
    report.findings[0]!.message = { ja: "=WEBSERVICE(\"http://x\")", en: "=WEBSERVICE(\"http://x\")" };
    const existing = [...grids, sheet("チェック結果", [["my notes"]])];
    const placed = placePlan(findingsReportPlan(report, "ja"), existing.map((g) => g.name)).plan;
    expect(placed.ops[0]).toMatchObject({ sheet: "チェック結果 (2)" });
    expect(overwritesOf(placed, existing)).toEqual([]);
    const wb = memoryWorkbook(existing);
    applyPlanToWorkbook(wb, placed);
    expect(wb.sheets.find((s) => s.name === "チェック結果 (2)")?.values[1]?.[4]).toBe("=WEBSERVICE(\"http://x\")");
    expect(wb.sheets.find((s) => s.name === "チェック結果 (2)")?.formulas.flat().filter(Boolean)).toEqual([]);
    expect(changedUserCells(existing, placed)).toEqual([]);
  });
});

describe("formulasPlan", () => {
  const scoreless = (rows: CellValue[][]) => sheet(R, rows);
  it("fills empty score and level cells with formulas and leaves filled ones alone", () => {
    const risk = riskSheet([{ id: 1, name: "台帳項目1" }]);
    const rows = risk.values.map((r) => [...r]);
    rows[2]![6] = null; // blank score on row 3
    rows[3]![6] = null;
    rows[3]![8] = null; // blank 対策 does not matter
    const grids = [ledgerSheet([{}]), sheet(R, rows)];
    const p = formulasPlan(grids, check(grids), { lang: "ja" });
    const formulas = p.ops.filter((op) => op.op === "formulas");
    expect(formulas[0]).toEqual({ op: "formulas", sheet: R, row: 3, col: 7, formulas: [[MODEL.scoreFormula(refs(3), "ja")], [MODEL.scoreFormula(refs(4), "ja")]] });
    // The sheet has no level column: one is added right of its last column, with a formula per row.
    expect(p.ops).toContainEqual({ op: "values", sheet: R, row: 1, col: 10, values: [["'リスクレベル"]] });
    expect(formulas[1]).toMatchObject({ col: 10, row: 2 });
    expect(formulas[1]?.op === "formulas" && formulas[1].formulas.length).toBe(5);
    expect(overwritesOf(p, grids)).toEqual([]);
    expect(changedUserCells(grids, p)).toEqual([]);
  });
  it("adds score and level columns right of a long sheet that lacks them, with a level formula per row, in the sheet's own language", () => {
    const rows: CellValue[][] = [["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "対策"], ...FIVE_PHASES.map((p) => [1, "台帳項目1", p, "紛失", 2, 3, "施錠"] as CellValue[])];
    const grids = [ledgerSheet([{}]), scoreless(rows)];
    // An English-speaking user's Office, a Japanese sheet: the columns and level words follow the sheet.
    const p = formulasPlan(grids, check(grids), { lang: "en" });
    expect(p.ops.filter((op) => op.op === "values")).toEqual([
      { op: "values", sheet: R, row: 1, col: 8, values: [["'リスク値"]] },
      { op: "values", sheet: R, row: 1, col: 9, values: [["'リスクレベル"]] },
    ]);
    const level = p.ops.find((op) => op.op === "formulas" && op.col === 9);
    expect(level?.op === "formulas" && level.formulas[0]).toEqual([MODEL.levelFormula("H2", "ja")]);
    expect(overwritesOf(p, grids)).toEqual([]);
    const english: CellValue[][] = [["ID", "Personal information", "Phase", "Risk", "Likelihood", "Impact", "Measure"], ...rows.slice(1)];
    const en = [ledgerSheet([{}]), scoreless(english)];
    const q = formulasPlan(en, check(en), { lang: "ja" });
    expect(q.ops.filter((op) => op.op === "values")).toEqual([
      { op: "values", sheet: R, row: 1, col: 8, values: [["'Risk score"]] },
      { op: "values", sheet: R, row: 1, col: 9, values: [["'Risk level"]] },
    ]);
  });
  it("adds dropdowns: scales on ratings (strict), the profile's phases, yes/no on flags", () => {
    const grids = [ledgerSheet([{}, {}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const p = formulasPlan(grids, check(grids), { lang: "ja", spareRows: 10 });
    const dv = p.ops.filter((op) => op.op === "validation");
    expect(dv).toContainEqual({ op: "validation", sheet: R, range: "E2:E16", list: ["1", "2", "3"], allowBlank: true, strict: true });
    expect(dv).toContainEqual(expect.objectContaining({ sheet: R, range: "C2:C16", strict: false, list: expect.arrayContaining(["取得・入力", "消去・廃棄"]) }));
    expect(dv).toContainEqual(expect.objectContaining({ sheet: L, list: ["有", "無"] }));
  });
  it("never writes over user content on any fixture workbook", () => {
    const all = Object.values(FIXTURES).map((f) => f.grid);
    for (const g of all) {
      const grids = [g];
      const p = formulasPlan(grids, check(grids), { lang: "ja" });
      expect(overwritesOf(p, grids)).toEqual([]);
      expect(changedUserCells(grids, p)).toEqual([]);
    }
  });
  it("leaves cells hidden under a merged area alone, so the block is writable", () => {
    const risk = riskSheet([{ id: 1, name: "台帳項目1" }]);
    const rows = risk.values.map((r) => [...r]);
    for (const r of [2, 3, 4, 5]) rows[r]![6] = null;
    const grids = [ledgerSheet([{}]), { ...sheet(R, rows), merges: [{ startRow: 2, startCol: 6, endRow: 4, endCol: 6 }] }];
    const p = formulasPlan(grids, check(grids), { lang: "ja" });
    const score = p.ops.find((op) => op.op === "formulas" && op.col === 7);
    expect(score?.op === "formulas" && score.formulas.map((r) => r[0] !== null)).toEqual([true, false, false, true]);
    expect(mergeConflicts(p, grids)).toEqual([]);
  });
  it("writes the model the sheet's own columns describe: a 1–5 sheet gets 1–5 dropdowns and its thresholds", () => {
    const rows: CellValue[][] = [["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策"], ...FIVE_PHASES.map((p, i) => [1, "台帳項目1", p, "紛失", i + 1, 5 - i, null, "施錠"] as CellValue[])];
    const grids = [ledgerSheet([{}]), sheet(R, rows)];
    const p = formulasPlan(grids, check(grids), { lang: "ja", spareRows: 0 });
    expect(p.ops).toContainEqual({ op: "validation", sheet: R, range: "E2:E6", list: ["1", "2", "3", "4", "5"], allowBlank: true, strict: true });
    const level = p.ops.find((op) => op.op === "formulas" && op.col === 9);
    expect(level?.op === "formulas" && level.formulas[0]?.[0]).toContain(">=15");
  });
  it("tells the host when there is no risk sheet", () => {
    const grids = [ledgerSheet([{}])];
    expect(buildPlan("formulas", grids, check(grids), { lang: "ja" }).problem?.code).toBe("no-risk-sheet");
  });
});

describe("templateSheetsPlan", () => {
  it("only adds sheets, under free names beside existing ones, and the result is recognised", () => {
    const existing = [ledgerSheet([{}]), sheet(R, [["my own risk notes"]])];
    for (const lang of ["ja", "en"] as const) {
      const p = templateSheetsPlan(lang);
      expect(p.ops[0]?.op).toBe("addSheet");
      const prepared = preparePlan(p, existing, { confirmOverwrite: false });
      expect(prepared.overwrites).toEqual([]);
      expect(prepared.problem).toBeUndefined();
      expect(changedUserCells(existing, prepared.plan)).toEqual([]);
      const wb = memoryWorkbook([]);
      applyPlanToWorkbook(wb, templateSheetsPlan(lang));
      const kinds = check(gridsOf(wb)).sheets.map((s) => s.kind);
      expect(kinds).toContain("ledger");
      expect(kinds).toContain("risk");
    }
  });
});

describe("overwritesOf and preparePlan", () => {
  const grids = [sheet("S", [["a", null, "=x"], [null, 2, null]])];
  grids[0] = { ...grids[0]!, formulas: [[null, null, "=B2*2"], [null, null, null]] };
  const p = plan([{ op: "values", sheet: "S", row: 1, col: 1, values: [[textCell("a"), textCell("b"), null], ["'c", 3, null]] }, { op: "formulas", sheet: "S", row: 1, col: 3, formulas: [["=B2*2"], ["=B2*3"]] }]);
  it("lists non-empty cells a plan writes a different content into", () => {
    expect(overwritesOf(p, grids)).toEqual([{ sheet: "S", cell: "B2" }]);
    const q = plan([{ op: "formulas", sheet: "S", row: 1, col: 1, formulas: [["=1", "=2", "=3"]] }]);
    expect(overwritesOf(q, grids)).toEqual([
      { sheet: "S", cell: "A1" },
      { sheet: "S", cell: "C1" },
    ]);
  });
  it("without confirmation, nulls the overwrites and reports them as skipped", () => {
    const prepared = preparePlan(p, grids, { confirmOverwrite: false });
    expect(prepared.skipped).toEqual([{ sheet: "S", cell: "B2" }]);
    expect([...writtenCells(prepared.plan.ops[0]!)].map((c) => `${c.row}:${c.col}`)).toEqual(["1:1", "1:2", "2:1"]);
    expect(withoutOverwrites(p, []).ops).toBe(p.ops);
    expect(preparePlan(p, grids, { confirmOverwrite: true }).skipped).toEqual([]);
  });
  it("refuses protected sheets, a protected workbook structure, merged cells and writes off the sheet", () => {
    expect(preparePlan(p, grids, { confirmOverwrite: true, protectedSheets: ["S"] }).problem?.code).toBe("protected");
    expect(preparePlan(plan([{ op: "addSheet", sheet: "N" }]), grids, { confirmOverwrite: true, protectedSheets: ["*"] }).problem?.code).toBe("protected");
    const merged = [{ ...grids[0]!, merges: [{ startRow: 0, startCol: 1, endRow: 0, endCol: 3 }] }];
    expect(mergeConflicts(p, merged)).toEqual([{ sheet: "S", cell: "B1" }]);
    expect(preparePlan(p, merged, { confirmOverwrite: true }).problem?.code).toBe("merged-cells");
    expect(preparePlan(plan([{ op: "values", sheet: "Nope", row: 1, col: 1, values: [[1]] }]), grids, { confirmOverwrite: true }).problem?.code).toBe("out-of-bounds");
  });
  it("every kind of plan leaves user cells alone unless listed as overwrites (all fixtures)", () => {
    const kinds: PlanKind[] = ["template", "formulas", "report", "highlight"];
    const workbooks = [Object.values(FIXTURES).map((f) => f.grid), [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }])]];
    for (const grids of workbooks) {
      for (const kind of kinds) {
        const built = buildPlan(kind, grids, check(grids), { lang: "ja" });
        const prepared = preparePlan(built.plan, grids, { confirmOverwrite: false });
        expect(changedUserCells(grids, prepared.plan)).toEqual([]);
      }
    }
  });
});
