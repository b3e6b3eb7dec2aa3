import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import { explainWorkbook } from "../../../packages/core/src/check";
import { check, ledgerSheet, sheet } from "../helpers";

/**
 * The sheet's own scoring rule: formulas in its score and level columns, or the bands its
 * stored scores and levels consistently follow, are the company's criterion.
 */

const HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"];
const PHASES = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];

/** A 5×5 risk sheet whose bands are 1–7 低, 8–14 中, 15–25 高 (the company's own). */
function fiveByFive(opts: { formulas: boolean; level?: (score: number) => string; override?: (rows: CellValue[][]) => void }): SheetGrid {
  const level = opts.level ?? ((s: number) => (s >= 15 ? "高" : s >= 8 ? "中" : "低"));
  const values: CellValue[][] = [[...HEADER]];
  const formulas: (string | null)[][] = [[]];
  const ratings = [
    [1, 1], [2, 3], [4, 2], [3, 3], [5, 2], [3, 4], [2, 5], [4, 4], [5, 3], [5, 5],
    [1, 5], [2, 2], [4, 3], [3, 5], [5, 4],
  ];
  ratings.forEach(([l, i], k) => {
    const r = values.length + 1;
    const score = (l as number) * (i as number);
    values.push([Math.floor(k / 5) + 1, `台帳項目${Math.floor(k / 5) + 1}`, PHASES[k % 5] as string, "漏えい", l as number, i as number, score, level(score), "施錠保管", "低"]);
    formulas.push(opts.formulas ? [null, null, null, null, null, null, `=E${r}*F${r}`, `=IF(G${r}>=15,"高",IF(G${r}>=8,"中","低"))`, null, null] : []);
  });
  opts.override?.(values);
  return opts.formulas ? { name: "リスク分析表", values, formulas } : sheet("リスク分析表", values);
}

const ledger = ledgerSheet([{}, {}, {}]);
const mismatches = (grids: SheetGrid[], profile?: unknown) =>
  check(grids, { rules: ["risk/score-mismatch"], ...(profile ? { profile: profile as never } : {}) }).findings.map((f) => `${f.cell} ${f.messageId} ${f.severity}`);

describe("the sheet's own scoring rule", () => {
  it("a 5×5 sheet whose formulas draw its own bands: no row is judged by other bands", () => {
    expect(mismatches([ledger, fiveByFive({ formulas: true })])).toEqual([]);
    const sheetExplained = explainWorkbook([ledger, fiveByFive({ formulas: true })]).sheets[1];
    expect(sheetExplained?.scoring).toMatchObject({ source: "formula", at: "H2", bands: { medium: 8, high: 15 } });
    expect(sheetExplained?.scoring?.rule.ja).toBe("発生可能性 × 影響度、8以上が中、15以上が高(H2の数式)");
  });

  it("the same bands followed consistently without formulas are read from the rows", () => {
    expect(mismatches([ledger, fiveByFive({ formulas: false })])).toEqual([]);
    const s = explainWorkbook([ledger, fiveByFive({ formulas: false })]).sheets[1];
    expect(s?.scoring).toMatchObject({ source: "inferred", rows: 15, bands: { medium: 8, high: 15 } });
  });

  it("reports only the rows that break the sheet's own rule: a score typed over its formula, a level off its bands", () => {
    const grid = fiveByFive({
      formulas: true,
      override: (rows) => {
        (rows[3] as CellValue[])[6] = 9; // 4 × 2 typed as 9
        (rows[5] as CellValue[])[7] = "中"; // 5 × 2 = 10 is 中: fine
        (rows[9] as CellValue[])[7] = "中"; // 5 × 3 = 15 is 高
      },
    });
    (grid.formulas?.[3] as (string | null)[])[6] = null;
    (grid.formulas?.[9] as (string | null)[])[7] = null;
    expect(mismatches([ledger, grid])).toEqual(["G4 typedOver error", "H10 level error"]);
  });

  it("a few rows against the profile's bands stay defects: the profile's rule is not bent to fit them", () => {
    const values: CellValue[][] = [[...HEADER]];
    for (let k = 0; k < 15; k++) {
      const l = (k % 3) + 1;
      const i = ((k + 1) % 3) + 1;
      const s = l * i;
      values.push([Math.floor(k / 5) + 1, `台帳項目${Math.floor(k / 5) + 1}`, PHASES[k % 5] as string, "漏えい", l, i, s, s >= 6 ? "高" : s >= 3 ? "中" : "低", "施錠", "低"]);
    }
    (values[2] as CellValue[])[7] = "中"; // one odd row: 2 × 3 = 6 is 高
    expect(mismatches([ledger, sheet("リスク分析表", values)])).toEqual(["H3 level error"]);
  });

  it("a profile that states its own bands: the sheet's differing rule is said once, at the header", () => {
    const profile = { id: "acme", version: "1", extends: "jisq15001", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 5 }, thresholds: { medium: 5, high: 15 } } };
    expect(mismatches([ledger, fiveByFive({ formulas: true })], profile)).toEqual(["H1 sheetRule warning"]);
  });

  it("stored scores that add the ratings: the sheet's operation is the sum, said once against the default profile's product", () => {
    const values: CellValue[][] = [[...HEADER]];
    for (let k = 0; k < 9; k++) {
      const l = (k % 3) + 1;
      const i = Math.floor(k / 3) + 1;
      values.push([Math.floor(k / 5) + 1, `台帳項目${Math.floor(k / 5) + 1}`, PHASES[k % 5] as string, "漏えい", l, i, l + i, l + i >= 5 ? "高" : l + i >= 4 ? "中" : "低", "施錠", "低"]);
    }
    expect(mismatches([ledger, sheet("リスク分析表", values)])).toEqual(["H1 sheetRule warning"]);
    expect(explainWorkbook([ledger, sheet("リスク分析表", values)]).sheets[1]?.scoring?.rule.ja).toMatch(/^発生可能性 \+ 影響度、4以上が中、5以上が高/);
  });
});
