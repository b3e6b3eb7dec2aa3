import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import type { ReportOverview } from "../../../packages/core/src/report/types";
import { READINESS_WEIGHTS } from "../../../packages/core/src/report/overview";
import { check, FIVE_PHASES, ledgerSheet, riskSheet, sheet, type LedgerRow } from "../helpers";

const R = "リスク分析表";

/** Risk rows with ratings before and after measures: [item, phase, L, I, residual L, residual I]. */
function ratedRiskSheet(rows: [string, string, CellValue, CellValue, CellValue, CellValue][]): SheetGrid {
  return sheet(R, [
    ["個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "対策", "対策後発生可能性", "対策後影響度"],
    ...rows.map(([item, phase, l, i, rl, ri]) => [item, phase, "漏えい", l, i, "施錠保管", rl, ri]),
  ]);
}

function overviewOf(grids: SheetGrid[], options: Parameters<typeof check>[1] = {}): ReportOverview {
  const o = check(grids, options).overview;
  if (!o) throw new Error("checkWorkbook must always set overview");
  return o;
}

describe("heat map", () => {
  it("counts entries per likelihood × impact cell, before and after measures", () => {
    const grids = [
      ledgerSheet([{ 個人情報の名称: "顧客名簿" }]),
      ratedRiskSheet([
        ["顧客名簿", "取得・入力", 3, 3, 1, 3],
        ["顧客名簿", "移送・送信", 3, 3, 2, 2],
        ["顧客名簿", "利用・加工", 1, 2, 1, 2],
        ["顧客名簿", "保管・バックアップ", "２", "3(高)", null, 1],
        ["顧客名簿", "消去・廃棄", null, 2, 1, 1],
      ]),
    ];
    const map = overviewOf(grids).heatMap;
    expect(map.likelihood).toEqual({ min: 1, max: 3 });
    expect(map.impact).toEqual({ min: 1, max: 3 });
    // before[l-1][i-1]
    expect(map.before).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 2],
    ]);
    expect(map.after).toEqual([
      [1, 1, 1],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(map.unplaced).toEqual({ before: 1, after: 1 });
    expect(map.columns).toEqual({ before: true, after: true });
  });

  it("takes its axes from the sheet's risk model: the profile's, or the one the values show", () => {
    const grids = [ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), ratedRiskSheet([["顧客名簿", "取得・入力", 3, 2, 1, 1]])];
    const fromProfile = overviewOf(grids, { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 4 } } } }).heatMap;
    expect(fromProfile.likelihood).toEqual({ min: 1, max: 4 });
    expect(fromProfile.impact).toEqual({ min: 1, max: 4 });
    expect(fromProfile.before[2]?.[1]).toBe(1);
    expect(overviewOf(grids).heatMap.likelihood).toEqual({ min: 1, max: 3 });
  });

  it("takes a wider scale from the values (1–5) and reads 高/中/低 only on a 1–3 scale", () => {
    const five = overviewOf([
      ledgerSheet([{ 個人情報の名称: "顧客名簿" }]),
      ratedRiskSheet([
        ["顧客名簿", "取得・入力", 5, 4, 2, 2],
        ["顧客名簿", "保管", "高", 1, 1, 1],
      ]),
    ]).heatMap;
    expect(five.likelihood).toEqual({ min: 1, max: 5 });
    expect(five.impact).toEqual({ min: 1, max: 5 });
    expect(five.before[4]?.[3]).toBe(1);
    expect(five.unplaced.before).toBe(1); // 高 is not a rating on a 1–5 likelihood × impact sheet
    expect(five.after[1]?.[1]).toBe(1);

    const words = overviewOf([ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), ratedRiskSheet([["顧客名簿", "取得・入力", "高", "中", "低", "低"]])]).heatMap;
    expect(words.before[2]?.[1]).toBe(1);
    expect(words.after[0]?.[0]).toBe(1);
  });

  it("reports missing residual columns, and an empty map without rating columns", () => {
    const grids = [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const map = overviewOf(grids).heatMap;
    expect(map.columns).toEqual({ before: true, after: false });
    expect(map.before[0]?.[1]).toBe(5); // likelihood 1 × impact 2 on every phase
    expect(map.unplaced).toEqual({ before: 0, after: 5 });

    const none = overviewOf([ledgerSheet([{ "No.": 1 }])]).heatMap;
    expect(none.before.flat().every((n) => n === 0)).toBe(true);
    expect(none.columns).toEqual({ before: false, after: false });
  });
});

describe("coverage", () => {
  const grids = () => [
    ledgerSheet([
      { "No.": 1, 部署: "人事部", 個人情報の名称: "従業員名簿" },
      { "No.": 2, 部署: "人事部", 個人情報の名称: "給与台帳", 委託先: "〇〇社会保険労務士事務所" },
      { "No.": 3, 部署: "営業部", 個人情報の名称: "顧客名簿", 利用目的: null },
      { "No.": 4, 部署: "営業部", 個人情報の名称: "名刺" },
    ]),
    riskSheet([
      { id: 1, name: "従業員名簿" },
      { id: 2, name: "給与台帳" }, // five phases: 委託・提供 missing
      { id: 3, name: "顧客名簿", phases: ["取得・入力", "保管"] },
    ]),
  ];

  it("counts, per phase, the items it applies to and the items analysed for it", () => {
    const { coverage } = overviewOf(grids());
    expect(coverage.phased).toBe(true);
    expect(coverage.phases.map((p) => `${p.phase} ${p.analysed}/${p.applicable}`)).toEqual([
      "acquire 3/4",
      "transfer 2/4",
      "use 2/4",
      "store 3/4",
      "entrust 0/1",
      "dispose 2/4",
    ]);
    expect(coverage.phases[0]?.label).toEqual({ ja: "取得・入力", en: "Acquisition and input" });
  });

  it("counts, per department, items, analysed items and findings on their ledger and risk rows", () => {
    const report = check(grids());
    const departments = (report.overview as ReportOverview).coverage.departments;
    expect(departments.map((d) => [d.department, d.items, d.analysed, d.findings, d.errors])).toEqual([
      // 人事部: 給与台帳 lacks 委託・提供.
      ["人事部", 2, 2, 1, 1],
      // 営業部: 顧客名簿's blank purpose and three missing phases; 名刺 not analysed at all.
      ["営業部", 2, 1, 5, 5],
    ]);
    const sales = report.findings.filter((f) => f.sheet === "個人情報管理台帳" && (f.row === 4 || f.row === 5));
    expect(sales.map((f) => f.rule).sort()).toEqual([
      "ledger/required-empty",
      "risk/phase-missing",
      "risk/phase-missing",
      "risk/phase-missing",
      "risk/phase-missing",
    ]);
  });

  it("treats any linked entry as covering every phase when no risk sheet records phases", () => {
    const { coverage } = overviewOf([
      ledgerSheet([{ 個人情報の名称: "顧客名簿" }, { 個人情報の名称: "名刺" }]),
      sheet(R, [["資産名", "機密性", "完全性", "可用性", "脅威", "脆弱性", "リスク値", "対策", "残留リスク"], ["顧客名簿", 3, 2, 2, 2, 2, 24, "暗号化", "低"]]),
    ]);
    expect(coverage.phased).toBe(false);
    expect(coverage.phases.filter((p) => p.applicable > 0).map((p) => `${p.analysed}/${p.applicable}`)).toEqual(["1/2", "1/2", "1/2", "1/2", "1/2"]);
  });

  it("merges department spellings that differ in width or spacing; blank is its own group", () => {
    const { coverage } = overviewOf([
      ledgerSheet([{ 部署: "総務部" }, { 部署: " 総務部 " }, { 部署: null }]),
      riskSheet([{ id: 1, name: "台帳項目1" }]),
    ]);
    expect(coverage.departments.map((d) => [d.department, d.items, d.analysed])).toEqual([
      ["総務部", 2, 1],
      ["", 1, 0],
    ]);
  });
});

// ---------------------------------------------------------------- readiness

/** A complete workbook: three items (one with a contractor), six phases where they apply. */
function cleanRows(): LedgerRow[] {
  return [
    { "No.": 1, 個人情報の名称: "従業員名簿" },
    { "No.": 2, 個人情報の名称: "給与台帳", 委託先: "〇〇社会保険労務士事務所" },
    { "No.": 3, 個人情報の名称: "応募者情報" },
  ];
}
const cleanItems = () => [
  { id: 1, name: "従業員名簿" },
  { id: 2, name: "給与台帳", phases: [...FIVE_PHASES, "委託・提供"] },
  { id: 3, name: "応募者情報" },
];

/** Defects that can be planted independently; each lowers one component or adds errors. */
const DEFECTS = {
  blankPurpose: (rows: LedgerRow[]) => void ((rows[0] as LedgerRow).利用目的 = null),
  blankRetention: (rows: LedgerRow[]) => void ((rows[2] as LedgerRow).保管期間 = null),
  dropDisposalPhase: (_rows: LedgerRow[], items: ReturnType<typeof cleanItems>) => void ((items[0] as { phases?: string[] }).phases = FIVE_PHASES.slice(0, 4)),
  dropEntrustPhase: (_rows: LedgerRow[], items: ReturnType<typeof cleanItems>) => void ((items[1] as { phases?: string[] }).phases = FIVE_PHASES),
  notAnalysed: (_rows: LedgerRow[], items: ReturnType<typeof cleanItems>) => void items.splice(2, 1),
  blankLikelihood: () => undefined, // applied to the grid below
  removeStorageColumn: () => undefined, // applied to the grid below
} as const;
type Defect = keyof typeof DEFECTS;

function workbook(defects: readonly Defect[]): SheetGrid[] {
  const rows = cleanRows();
  const items = cleanItems();
  for (const d of defects) DEFECTS[d](rows, items);
  const ledger = ledgerSheet(rows);
  const risk = riskSheet(items);
  if (defects.includes("blankLikelihood")) {
    const row = risk.values[1] as CellValue[];
    row[4] = null;
  }
  if (defects.includes("removeStorageColumn")) {
    const col = (ledger.values[0] as CellValue[]).indexOf("保管場所");
    ledger.values = ledger.values.map((r) => r.filter((_, i) => i !== col));
  }
  return [ledger, risk];
}

const score = (grids: SheetGrid[], options: Parameters<typeof check>[1] = {}) => overviewOf(grids, options).readiness;

describe("readiness", () => {
  it("is 100 for a complete workbook, with weights that add up to 100", () => {
    const r = score(workbook([]));
    expect(Object.values(READINESS_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(r.components.map((c) => [c.id, c.ratio])).toEqual([
      ["columns", 1],
      ["rows", 1],
      ["phases", 1],
      ["scoring", 1],
      ["areas", 1],
    ]);
    expect(r.score).toBe(100);
  });

  it("is 0 for a workbook with nothing in it, and stays within 0–100", () => {
    expect(score([]).score).toBe(0);
    expect(score([sheet("メモ", [["今日の予定"], ["打合せ"]])]).score).toBe(0);
    expect(score([ledgerSheet([])]).components.find((c) => c.id === "rows")?.ratio).toBe(0);
    for (const d of Object.keys(DEFECTS) as Defect[]) {
      const s = score(workbook([d])).score;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(100);
    }
  });

  it("computes each component from what it counts", () => {
    const r = score(workbook(["blankPurpose", "dropEntrustPhase", "blankLikelihood"]));
    const c = Object.fromEntries(r.components.map((x) => [x.id, x]));
    expect(c.rows).toMatchObject({ met: 2, of: 3 });
    expect(c.phases).toMatchObject({ met: 2, of: 3 });
    expect(c.scoring).toMatchObject({ met: 14, of: 15 });
    expect(c.columns).toMatchObject({ met: 7, of: 7 });
    // ledger and risk have errors; the other areas that ran are clean.
    expect(c.areas?.met).toBe((c.areas?.of ?? 0) - 2);
    const expected = r.components.reduce((sum, x) => sum + x.weight * x.ratio, 0);
    expect(r.score).toBe(Math.floor(expected + 1e-9));
  });

  it("never rises when a defect is added (every subset of defects)", () => {
    const all = Object.keys(DEFECTS) as Defect[];
    const cache = new Map<string, number>();
    const at = (ds: readonly Defect[]) => {
      const key = [...ds].sort().join(",");
      let s = cache.get(key);
      if (s === undefined) {
        s = score(workbook(ds)).score;
        cache.set(key, s);
      }
      return s;
    };
    fc.assert(
      fc.property(fc.subarray(all), fc.constantFrom(...all), (base, extra) => {
        const more = base.includes(extra) ? base : [...base, extra];
        expect(at(more)).toBeLessThanOrEqual(at(base));
      }),
      { numRuns: 150 },
    );
  });

  it("rises or stays when findings are accepted, and only through the areas component", () => {
    const grids = workbook(["blankPurpose"]);
    const before = score(grids);
    const after = score(grids, { profile: { id: "p", version: "1", suppressions: [{ rule: "ledger/required-empty" }] } });
    expect(after.score).toBeGreaterThanOrEqual(before.score);
    expect(after.score).toBeGreaterThan(before.score);
    const changed = after.components.filter((c, i) => c.ratio !== before.components[i]?.ratio).map((c) => c.id);
    expect(changed).toEqual(["areas"]);
  });

  it("counts only the areas of the rules that ran", () => {
    const r = score(workbook(["blankPurpose"]), { rules: ["risk/"] });
    const areas = r.components.find((c) => c.id === "areas");
    expect(areas).toMatchObject({ met: 1, of: 1, ratio: 1 });
  });
});
