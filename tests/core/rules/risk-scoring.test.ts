import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import type { ProfileInput } from "../../../packages/core/src/profile/schema";
import { grid as ismsGrid } from "../../fixtures/grids/risk-isms-asset";
import { grid as beforeAfterGrid } from "../../fixtures/grids/risk-long-before-after";
import { resolveBuiltinProfile } from "../../../packages/core/src/profile/builtin/index";
import { check, ledgerSheet, riskSheet, ruleTable, sheet } from "../helpers";

const R = "リスク分析表";
const L = "個人情報管理台帳";

/** A long risk sheet with a stored level and an acceptance column: A..K. */
const HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク", "受容"] as const;
type Row = Partial<Record<(typeof HEADER)[number], CellValue>>;

const BASE: Row = { 管理番号: 1, 個人情報の名称: "台帳項目1", 局面: "取得・入力", リスク: "漏えい・紛失", 対策: "施錠保管・アクセス制御", 残存リスク: "低" };

/** Rows given as overrides of a clean row; L × I, score and level are computed unless given. */
function risks(rows: Row[], header: readonly string[] = HEADER, name = R): SheetGrid {
  return sheet(name, [
    [...header],
    ...rows.map((r) => {
      const l = "発生可能性" in r ? r.発生可能性 : 1;
      const i = "影響度" in r ? r.影響度 : 2;
      const score = typeof l === "number" && typeof i === "number" ? l * i : null;
      const level = score === null ? null : score >= 6 ? "高" : score >= 3 ? "中" : "低";
      const full: Row = { ...BASE, 発生可能性: l, 影響度: i, リスク値: score, リスクレベル: level, ...r };
      return header.map((h) => full[h as keyof Row] ?? null);
    }),
  ]);
}

const ledger = ledgerSheet([{ "No.": 1 }]);
const at = (row: number, col: string, id: string, s = R) => `${s}!${col}${row} ${id}`;

ruleTable("risk/score-mismatch", {
  valid: [
    { name: "scores and levels that follow 1–3 × 1–3 (edges 2, 3, 4, 6)", grids: [ledger, risks([{ 発生可能性: 1, 影響度: 2 }, { 発生可能性: 1, 影響度: 3 }, { 発生可能性: 2, 影響度: 2 }, { 発生可能性: 2, 影響度: 3 }, { 発生可能性: 3, 影響度: 3 }])] },
    { name: "stored values written as text (「6点」「高リスク」「３」)", grids: [ledger, risks([{ 発生可能性: "２", 影響度: "3(高)", リスク値: "6点", リスクレベル: "高リスク" }])] },
    { name: "blank inputs are incomplete, not a mismatch", grids: [ledger, risks([{ 発生可能性: null, リスク値: 9, リスクレベル: "高" }])] },
    { name: "the ISMS asset fixture (max(C,I,A) × 脅威 × 脆弱性 formulas)", grids: [ismsGrid] },
    {
      name: "a likelihood × impact sheet under the isms-asset profile is not judged by its thresholds",
      grids: [ledger, risks([{ 発生可能性: 3, 影響度: 3, リスク値: 9, リスクレベル: "高" }, { 発生可能性: 1, 影響度: 2, リスク値: 2, リスクレベル: "低" }])],
      options: { profile: resolveBuiltinProfile("isms-asset") },
    },
    { name: "the before/after fixture (residual ratings scored too)", grids: [beforeAfterGrid] },
    {
      name: "a 1–5 sheet under the default profile follows 1–5 thresholds",
      grids: [ledger, risks([{ 発生可能性: 5, 影響度: 3, リスク値: 15, リスクレベル: "高" }, { 発生可能性: 3, 影響度: 4, リスク値: 12, リスクレベル: "中" }, { 発生可能性: 1, 影響度: 4, リスク値: 4, リスクレベル: "低" }])],
    },
    {
      name: "a qualitative sheet has nothing to compute",
      grids: [ledger, sheet(R, [["個人情報の名称", "局面", "リスク", "被害の大きさ", "対策", "残存リスク"], ["台帳項目1", "取得", "漏えい", "大", "施錠", "中"]])],
    },
  ],
  invalid: [
    { name: "stored score 4 where 2 × 3 = 6 (the level 高 is right)", grids: [ledger, risks([{}, { 発生可能性: 2, 影響度: 3, リスク値: 4, リスクレベル: "高" }])], expected: [at(3, "G", "score")] },
    { name: "right score, wrong level: 3 is 中, 6 is 高", grids: [ledger, risks([{ 発生可能性: 1, 影響度: 3, リスクレベル: "低" }, { 発生可能性: 3, 影響度: 2, リスクレベル: "中" }])], expected: [at(2, "H", "level"), at(3, "H", "level")] },
    { name: "score and level both wrong: one finding, on the score", grids: [ledger, risks([{ 発生可能性: 2, 影響度: 2, リスク値: 2, リスクレベル: "低" }])], expected: [at(2, "G", "score")] },
    {
      name: "no score column: the level is compared with the model",
      grids: [ledger, risks([{ 発生可能性: 2, 影響度: 2, リスクレベル: "低" }], ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスクレベル", "対策"])],
      expected: [at(2, "G", "level")],
    },
    { name: "inputs missing: the stored level must still follow the stored score", grids: [ledger, risks([{ 影響度: null, リスク値: 6, リスクレベル: "中" }])], expected: [at(2, "H", "level")] },
    {
      name: "1–5 sheet: 3 × 5 = 15 is 高",
      grids: [ledger, risks([{ 発生可能性: 3, 影響度: 5, リスク値: 15, リスクレベル: "中" }, { 発生可能性: 4, 影響度: 4, リスク値: 16, リスクレベル: "高" }])],
      expected: [at(2, "H", "level")],
    },
    {
      name: "residual score and residual level (before/after layout)",
      grids: [
        sheet(R, [
          ["局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "対策後発生可能性", "対策後影響度", "残存リスク値", "残存リスク"],
          ["取得", "漏えい", 2, 3, 6, "暗号化", 1, 3, 2, "低"],
          ["保管", "紛失", 2, 3, 6, "施錠", 1, 3, 3, "低"],
        ]),
      ],
      expected: [at(2, "I", "residualScore"), at(3, "J", "residualLevel")],
    },
    {
      name: "ISMS: 資産価値 that is not the maximum of C・I・A, and a wrong product",
      grids: [
        sheet(R, [
          ["資産名", "機密性", "完全性", "可用性", "資産価値", "脅威", "脆弱性", "リスク値", "対策"],
          ["顧客DB", 3, 2, 2, 2, 2, 2, 8, "暗号化"],
          ["名簿", 2, 2, 1, 2, 3, 2, 6, "施錠"],
        ]),
      ],
      expected: [at(2, "E", "assetValue"), at(3, "H", "score")],
    },
    {
      name: "a profile's own matrix: the level of each pair",
      grids: [ledger, risks([{ 発生可能性: 1, 影響度: 3, リスク値: null, リスクレベル: "中" }, { 発生可能性: 3, 影響度: 1, リスク値: null, リスクレベル: "中" }])],
      options: {
        profile: {
          id: "matrix",
          version: "1",
          riskModel: { kind: "matrix", scale: { min: 1, max: 3 }, matrix: [["low", "low", "high"], ["low", "medium", "high"], ["medium", "high", "high"]] },
        },
      },
      expected: [at(2, "H", "level")],
    },
  ],
});

const NULL_PROFILE: ProfileInput = { id: "infer", version: "1", riskModel: null };

ruleTable("risk/incomplete-scoring", {
  valid: [
    { name: "every input given", grids: [ledger, risks([{}, { 発生可能性: 3, 影響度: 3 }])] },
    { name: "a sheet with no scoring columns is not scored", grids: [ledger, sheet(R, [["局面", "リスク", "対策", "残存リスク"], ["取得", "漏えい", "施錠", "低"]])] },
    { name: "a value off a declared scale is cell/invalid-value's", grids: [ledger, risks([{ 発生可能性: 4 }])], options: { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 } } } } },
  ],
  invalid: [
    { name: "likelihood blank", grids: [ledger, risks([{}, { 発生可能性: null }])], expected: [at(3, "E", "missing")] },
    { name: "both blank (a stored level is no substitute)", grids: [ledger, risks([{ 発生可能性: null, 影響度: "", リスクレベル: "高" }])], expected: [at(2, "E", "missing")] },
    { name: "impact blank in a wide layout's group", grids: [sheet(R, [[null, "取得・入力", null, null, null], ["個人情報", "リスク", "発生可能性", "影響度", "対策"], ["顧客名簿", "誤入力", 2, null, "照合"]])], expected: [at(3, "D", "missing")] },
    {
      name: "an explicit likelihood × impact profile on an ISMS sheet: one finding for the sheet",
      grids: [ismsGrid],
      options: { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 } } } },
      expected: ["リスクアセスメント!A3 noColumn"],
    },
    {
      name: "inferred 1–3 (stored levels say so) with a stray 4: off the sheet's scale",
      grids: [
        ledger,
        risks([
          { 発生可能性: 1, 影響度: 3 },
          { 発生可能性: 3, 影響度: 1 },
          { 発生可能性: 2, 影響度: 3 },
          { 発生可能性: 3, 影響度: 2 },
          { 発生可能性: 4, 影響度: 1, リスク値: 4, リスクレベル: "中" },
        ]),
      ],
      options: { profile: NULL_PROFILE },
      expected: [at(6, "E", "offScale")],
    },
  ],
});

ruleTable("risk/high-without-measure", {
  valid: [
    { name: "high risks with measures", grids: [ledger, risks([{ 発生可能性: 3, 影響度: 3 }])] },
    { name: "medium without a measure is allowed by the default action level", grids: [ledger, risks([{ 発生可能性: 2, 影響度: 2, 対策: null }])] },
    { name: "no measure column: header/missing-column speaks", grids: [ledger, risks([{ 発生可能性: 3, 影響度: 3 }], ["局面", "リスク", "発生可能性", "影響度", "残存リスク"])] },
  ],
  invalid: [
    { name: "2 × 3 = 6 and the measure is blank or 「なし」", grids: [ledger, risks([{ 発生可能性: 2, 影響度: 3, 対策: null }, { 発生可能性: 3, 影響度: 3, 対策: "特になし" }])], expected: [at(2, "I", "noMeasure"), at(3, "I", "noMeasure")] },
    { name: "inputs missing but the stored level says 高", grids: [ledger, risks([{ 発生可能性: null, リスクレベル: "高", 対策: "" }])], expected: [at(2, "I", "noMeasure")] },
    {
      name: "a profile whose action level is medium",
      grids: [ledger, risks([{ 発生可能性: 1, 影響度: 3, 対策: null }, { 発生可能性: 1, 影響度: 2, 対策: null }])],
      options: { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 }, actionLevel: "medium" } } },
      expected: [at(2, "I", "noMeasureAtOrAbove")],
    },
  ],
});

ruleTable("risk/residual-not-accepted", {
  valid: [
    { name: "residual 中 is acceptable by default", grids: [ledger, risks([{ 残存リスク: "中" }])] },
    { name: "residual 高 with an acceptance date or approver", grids: [ledger, risks([{ 残存リスク: "高", 受容: 45797 }, { 残存リスク: "高", 受容: "承認済(代表取締役)" }])] },
  ],
  invalid: [
    { name: "residual 高 and acceptance blank or 「未」", grids: [ledger, risks([{ 発生可能性: 3, 影響度: 3, 残存リスク: "高" }, { 発生可能性: 3, 影響度: 3, 残存リスク: "高", 受容: "未" }])], expected: [at(2, "K", "notAccepted"), at(3, "K", "notAccepted")] },
    { name: "no acceptance column: the residual cell", grids: [ledger, riskSheet([{ id: 1, name: "x", phases: ["取得・入力"] }], [[1, "x", "保管", "紛失", 3, 3, 9, "施錠", "高"]])], expected: [at(3, "I", "noColumn")] },
    {
      name: "a profile that accepts only 低",
      grids: [ledger, risks([{ 発生可能性: 2, 影響度: 2, 残存リスク: "中" }])],
      options: { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 }, acceptableResidual: "low" } } },
      expected: [at(2, "K", "notAccepted")],
    },
    { name: "a sheet with no scoring columns still records residual risk", grids: [sheet(R, [["局面", "リスク", "対策", "残存リスク", "受容"], ["取得", "漏えい", "施錠", "高", null]])], expected: [at(2, "E", "notAccepted")] },
  ],
});

ruleTable("risk/residual-exceeds-inherent", {
  valid: [
    { name: "residual at or below the inherent level", grids: [ledger, risks([{ 発生可能性: 2, 影響度: 2, 残存リスク: "中" }, { 発生可能性: 3, 影響度: 3, 残存リスク: "低" }])] },
    { name: "the before/after fixture", grids: [beforeAfterGrid] },
  ],
  invalid: [
    { name: "1 × 2 = 2 (低) left at residual 中", grids: [ledger, risks([{}, { 残存リスク: "中" }])], expected: [at(3, "J", "higherLevel")] },
    {
      name: "residual ratings scoring higher than before",
      grids: [
        sheet(R, [
          ["局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "対策後発生可能性", "対策後影響度", "残存リスク値"],
          ["取得", "漏えい", 1, 3, 3, "暗号化", 2, 2, 4],
        ]),
      ],
      expected: [at(2, "I", "higherScore")],
    },
  ],
});

ruleTable("risk/compliance-risk-accepted", {
  valid: [
    { name: "目的外利用 with a measure and residual 低", grids: [ledger, risks([{ リスク: "番号法で認められた事務以外での利用（目的外利用）", 残存リスク: "低" }])] },
    { name: "an ordinary risk may stay at residual 中", grids: [ledger, risks([{ リスク: "誤送信", 残存リスク: "中" }])] },
    { name: "no measure column at all: header/missing-column speaks", grids: [sheet(R, [["局面", "リスク"], ["取得", "同意を得ないで取得する"]])] },
  ],
  invalid: [
    { name: "目的外利用 with no measure", grids: [ledger, risks([{ リスク: "目的外利用", 対策: null }])], expected: [at(2, "I", "noMeasure")] },
    {
      name: "同意なき提供, 無断での再委託 and 法令違反 left above 低",
      grids: [ledger, risks([{ リスク: "同意を得ないで第三者に提供する", 残存リスク: "中", 受容: 45797 }, { リスク: "委託先が無断で再委託する", 残存リスク: "高", 受容: 45797 }, { リスク: "法令違反となる保管期間の超過", 残存リスク: "中" }])],
      expected: [at(2, "J", "residualMedium"), at(3, "J", "residualLeft"), at(4, "J", "residualMedium")],
    },
  ],
});

const SENSITIVE_LEDGER = ledgerSheet([{ "No.": 1, 要配慮個人情報: "○", 個人情報の名称: "健康診断結果" }, { "No.": 2, 個人情報の名称: "顧客名簿" }]);

ruleTable("risk/sensitive-impact-floor", {
  valid: [
    { name: "sensitive item rated 3", grids: [SENSITIVE_LEDGER, risks([{ 影響度: 3 }, { 管理番号: 2, 個人情報の名称: "顧客名簿", 影響度: 1 }])] },
    { name: "a risk row linked to no item", grids: [SENSITIVE_LEDGER, risks([{ 管理番号: 9, 個人情報の名称: "不明", 影響度: 1 }])] },
  ],
  invalid: [
    { name: "要配慮 rated 2", grids: [SENSITIVE_LEDGER, risks([{ 影響度: 2 }, { 影響度: 3 }])], expected: [at(2, "F", "belowFloor")] },
    {
      name: "My Number and payment data by name or items",
      grids: [
        ledgerSheet([
          { "No.": 1, 個人情報の名称: "扶養控除等申告書", 個人情報の項目: "氏名、個人番号" },
          { "No.": 2, 個人情報の名称: "取引先振込口座", 個人情報の項目: "口座番号" },
          { "No.": 3, 個人情報の名称: "会員カード", 個人情報の項目: "クレジットカード番号" },
        ]),
        risks([{ 影響度: 2 }, { 管理番号: 2, 影響度: 1 }, { 管理番号: 3, 影響度: 3 }]),
      ],
      expected: [at(2, "F", "belowFloor"), at(3, "F", "belowFloor")],
    },
    {
      name: "ISMS sheet: the highest of C・I・A is the impact",
      grids: [
        ledgerSheet([{ "No.": 1, 個人情報の名称: "健康診断結果", 要配慮個人情報: "有" }]),
        sheet(R, [
          ["資産名", "機密性", "完全性", "可用性", "脅威", "脆弱性", "対策"],
          ["健康診断結果", 2, 2, 1, 2, 2, "施錠"],
        ]),
      ],
      expected: [at(2, "B", "belowFloor")],
    },
  ],
});

const tenRows = (levels: [number, number][]) => risks(levels.map(([l, i]) => ({ 発生可能性: l, 影響度: i })));

ruleTable("risk/flat-scoring", {
  valid: [
    { name: "nine rows, all 低: too few to say", grids: [ledger, tenRows(Array.from({ length: 9 }, () => [1, 1]))] },
    { name: "ten rows, two of them 中 (80%)", grids: [ledger, tenRows([...Array.from({ length: 8 }, (): [number, number] => [1, 2]), [2, 2], [1, 3]])] },
  ],
  invalid: [
    { name: "ten rows, all 低", grids: [ledger, tenRows(Array.from({ length: 10 }, () => [1, 2]))], expected: [at(1, "H", "flat")] },
    { name: "nineteen of twenty 中 (95%)", grids: [ledger, tenRows([...Array.from({ length: 19 }, (): [number, number] => [2, 2]), [3, 3]])], expected: [at(1, "H", "flat")] },
  ],
});

ruleTable("risk/vague-measure", {
  valid: [
    {
      name: "concrete measures, short or long",
      grids: [ledger, risks([{ 対策: "施錠" }, { 対策: "暗号化" }, { 対策: "施錠保管を徹底する" }, { 対策: "送信前に宛先を二人で確認する" }, { 対策: null }, { 対策: "なし" }])],
    },
  ],
  invalid: [
    {
      name: "注意する, 気をつける, 周知徹底, a few characters",
      grids: [ledger, risks([{ 対策: "注意する" }, { 対策: "紛失しないよう気をつける" }, { 対策: "周知徹底" }, { 対策: "適切に" }, { 対策: "取扱いに十分注意すること。" }])],
      expected: [at(2, "I", "vague"), at(3, "I", "vague"), at(4, "I", "vague"), at(5, "I", "vague"), at(6, "I", "vague")],
    },
  ],
});

ruleTable("cell/invalid-value", {
  valid: [
    { name: "1–5 values on a sheet whose scale is read from its values", grids: [ledger, risks([{ 発生可能性: 4, 影響度: 5, リスク値: 20, リスクレベル: "高" }])] },
    { name: "level words in a qualitative sheet's rating column", grids: [ledger, sheet(R, [["局面", "リスク", "被害の大きさ", "対策", "残存リスク"], ["取得", "漏えい", "大", "施錠", "中"]])] },
  ],
  invalid: [
    {
      name: "text in a rating cell of a numeric column is reported once, not again in the score and level showing #入力エラー",
      grids: [ledger, risks([{ 発生可能性: "高", リスク値: "#入力エラー", リスクレベル: "#入力エラー" }, {}, {}])],
      expected: [at(2, "E", "invalid")],
    },
    {
      name: "a rating column written in words (高/中/低) is a word scale, not invalid",
      grids: [ledger, risks([{ 発生可能性: "高", 影響度: "中", リスク値: null, リスクレベル: "高" }, { 発生可能性: "低", 影響度: "中", リスク値: null, リスクレベル: "低" }])],
      expected: [],
    },
    {
      name: "a declared 1–3 scale: 4 and 7 are invalid",
      grids: [ledger, risks([{ 発生可能性: 4 }, { 影響度: 7 }])],
      options: { profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 } } } },
      expected: [at(2, "E", "invalid"), at(3, "F", "invalid")],
    },
    { name: "the tolerant 1–5 still rejects 7", grids: [ledger, risks([{ 発生可能性: 7 }])], expected: [at(2, "E", "invalid")] },
    {
      name: "the default profile keeps 1–3 when stored levels follow it: a stray 4 is invalid",
      grids: [
        ledger,
        risks([
          { 発生可能性: 1, 影響度: 3 },
          { 発生可能性: 3, 影響度: 1 },
          { 発生可能性: 2, 影響度: 3 },
          { 発生可能性: 3, 影響度: 2 },
          { 発生可能性: 4, 影響度: 1, リスク値: 4, リスクレベル: "中" },
        ]),
      ],
      expected: [at(6, "E", "invalid")],
    },
  ],
});

describe("cell/invalid-value names the declared scale", () => {
  it("「1〜3の整数」", () => {
    const f = check([ledger, risks([{ 発生可能性: 4 }])], { rules: ["cell/invalid-value"], profile: { id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 } } } }).findings;
    expect(f.map((x) => x.message.ja)).toEqual(["「発生可能性」の値を読み取れません。1〜3の整数で入力してください。"]);
  });
});

describe("summary.risks comes from the model", () => {
  it("counts levels by the model, not by stored levels, and incomplete rows", () => {
    const report = check([ledger, risks([{ 発生可能性: 2, 影響度: 3, リスクレベル: "低" }, { 発生可能性: 1, 影響度: 3 }, {}, { 発生可能性: null, リスクレベル: "高" }])]);
    expect(report.summary.risks).toEqual({ high: 1, medium: 1, low: 1, incomplete: 1 });
  });
  it("ISMS, qualitative and unscored sheets", () => {
    expect(check([ismsGrid]).summary.risks).toEqual({ high: 1, medium: 5, low: 3, incomplete: 0 });
    const qualitative = sheet(R, [["局面", "リスク", "被害の大きさ", "対策", "残存リスク"], ["取得", "漏えい", "大", "施錠", "中"], ["保管", "紛失", "小", "施錠", "低"], ["廃棄", "漏えい", "?", "溶解", "低"]]);
    expect(check([qualitative]).summary.risks).toEqual({ high: 1, medium: 0, low: 1, incomplete: 1 });
    expect(check([sheet(R, [["局面", "リスク", "対策", "残存リスク"], ["取得", "漏えい", "施錠", "低"]])]).summary.risks).toEqual({ high: 0, medium: 0, low: 0, incomplete: 0 });
  });
});

describe("findings never quote personal data", () => {
  it("messages hold numbers, levels and the item label only", () => {
    const report = check([SENSITIVE_LEDGER, risks([{ リスク: "山田太郎の病歴が漏れる", 影響度: 1, 対策: "注意", 残存リスク: "高", リスク値: 9 }])]);
    for (const f of report.findings) {
      expect(f.message.ja).not.toContain("山田");
      expect(f.message.en).not.toContain("山田");
    }
    expect(report.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["risk/score-mismatch", "risk/sensitive-impact-floor", "risk/vague-measure", "risk/residual-not-accepted", "risk/residual-exceeds-inherent"]),
    );
  });
});

void L;
