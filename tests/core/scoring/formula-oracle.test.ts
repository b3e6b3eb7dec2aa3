/**
 * Differential test: for every model, the TypeScript evaluation and the emitted formulas
 * (score, level from the score cell, level straight from the inputs) give the same result on
 * random rows — blanks, text (「高」「abc」「 2 」), booleans, decimals and numbers off the scale
 * included. HyperFormula (GPL-3.0, a test-only dev dependency, never bundled) is the oracle.
 */
import fc from "fast-check";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../../packages/core/src/grid/grid";
import type { Lang } from "../../../packages/core/src/i18n/text";
import { columnLetters } from "../../../packages/core/src/grid/grid";
import { resolveProfile } from "../../../packages/core/src/profile/resolve";
import { buildRiskModel, formulaResult, INPUT_ERROR_MARKER, levelLabel, modelFromProfile, type RiskModel } from "../../../packages/core/src/scoring/index";

const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
hf.addNamedExpression("TRUE", "=TRUE()");
hf.addNamedExpression("FALSE", "=FALSE()");
const sheetName = hf.addSheet("oracle");
const sheetId = hf.getSheetId(sheetName) as number;
afterAll(() => hf.destroy());

/** What a spreadsheet cell holds; strings stay text in HyperFormula with a leading apostrophe. */
function raw(v: CellValue): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return `'${v}`;
  return v;
}

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1, max: 7 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8, max: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(0.5, 1.5, 2.5, 2.25, 3.1, -0.5) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, "") },
  { weight: 3, arbitrary: fc.constantFrom("高", "中", "低", "大", "小", "abc", " 2 ", "2", "３", "高い", " ", "#入力エラー") },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A level formula's own input: whatever a user may have typed in the score cell, thresholds ± 1 included. */
function scoreCell(model: RiskModel): fc.Arbitrary<CellValue> {
  const { medium, high } = model.thresholds;
  return fc.oneof(
    fc.integer({ min: -3, max: 300 }),
    fc.constantFrom(medium, high, medium - 1, high - 1, medium - 0.5, high + 0.5, 0.5, 17.9),
    fc.constantFrom<CellValue>(null, "", "6", "高", "#入力エラー", true),
  );
}

function levelOfScoreCell(model: RiskModel, v: CellValue, lang: Lang): CellValue {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v !== "number") return INPUT_ERROR_MARKER[lang];
  return levelLabel(model.level(v), lang);
}

/** Runs a batch of rows through the emitted formulas and returns what HyperFormula computed. */
function oracle(model: RiskModel, rows: readonly Record<string, CellValue>[], freeScores: readonly CellValue[], lang: Lang = "ja"): { score: CellValue; level: CellValue; direct: CellValue; free: CellValue }[] {
  const n = model.inputs.length;
  const col = (i: number) => columnLetters(i + 1);
  const content: RawCellContent[][] = rows.map((values, r) => {
    const row = r + 1;
    const ref = (input: string) => `${col(model.inputs.indexOf(input))}${row}`;
    const scoreRef = `${col(n)}${row}`;
    const freeRef = `${col(n + 3)}${row}`;
    return [
      ...model.inputs.map((i) => raw(values[i])),
      model.scoreFormula(ref, lang),
      model.levelFormula(scoreRef, lang),
      model.directLevelFormula(ref, lang),
      raw(freeScores[r]),
      model.levelFormula(freeRef, lang),
    ];
  });
  hf.setSheetContent(sheetId, content);
  const out = hf.getSheetValues(sheetId);
  return rows.map((_, r) => {
    const line = out[r] ?? [];
    const value = (c: number): CellValue => {
      const v = line[c];
      if (v === undefined || v === null) return "";
      if (typeof v === "object") return `#ERROR ${String((v as { type?: string }).type)}`;
      return v as CellValue;
    };
    return { score: value(n), level: value(n + 1), direct: value(n + 2), free: value(n + 4) };
  });
}

const MODELS: [string, RiskModel][] = [
  ["jisq15001 likelihood × impact 1–3", modelFromProfile(resolveProfile()) as RiskModel],
  ["likelihood × impact 1–4", buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 4 } })],
  ["likelihood × impact 1–5", buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 5 } })],
  ["likelihood 1–3 × impact 1–5, custom thresholds", buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 3 }, scales: { impact: { min: 1, max: 5 } }, thresholds: { medium: 4.5, high: 10 } })],
  ["likelihood × impact 0–10 (range test)", buildRiskModel({ kind: "likelihoodImpact", scale: { min: 0, max: 10 } })],
  [
    "matrix 3×3",
    buildRiskModel({
      kind: "matrix",
      scale: { min: 1, max: 3 },
      matrix: [
        ["low", "low", "medium"],
        ["low", "medium", "high"],
        ["medium", "high", "high"],
      ],
    }),
  ],
  [
    "matrix 0–3 × 1–2",
    buildRiskModel({
      kind: "matrix",
      scale: { min: 0, max: 3 },
      scales: { impact: { min: 1, max: 2 } },
      matrix: [
        ["low", "low"],
        ["low", "medium"],
        ["medium", "high"],
        ["high", "high"],
      ],
    }),
  ],
  ["asset value × threat × vulnerability", buildRiskModel({ kind: "assetThreatVulnerability", scale: { min: 1, max: 3 } })],
  ["max(C,I,A) × threat × vulnerability", buildRiskModel({ kind: "assetThreatVulnerability", scale: { min: 1, max: 3 }, scales: { confidentiality: { min: 1, max: 4 } }, asset: "maxCia" })],
  ["qualitative", buildRiskModel({ kind: "qualitative" })],
  ["qualitative on impact", buildRiskModel({ kind: "qualitative", input: "impact" })],
];

describe("TypeScript evaluation = emitted formulas (HyperFormula oracle)", () => {
  const runs: [string, RiskModel, Lang][] = [...MODELS.map(([n, m]): [string, RiskModel, Lang] => [n, m, "ja"]), ["jisq15001 in English (High/Medium/Low, #INVALID)", MODELS[0]?.[1] as RiskModel, "en"]];
  for (const [name, model, lang] of runs) {
    it(name, () => {
      const row = fc.record(Object.fromEntries(model.inputs.map((i) => [i, cell])) as Record<string, fc.Arbitrary<CellValue>>);
      fc.assert(
        fc.property(fc.array(fc.tuple(row, scoreCell(model)), { minLength: 1, maxLength: 40 }), (batch) => {
          const rows = batch.map(([r]) => r);
          const got = oracle(
            model,
            rows,
            batch.map(([, s]) => s),
            lang,
          );
          rows.forEach((values, i) => {
            const want = formulaResult(model, values, lang);
            const g = got[i];
            const where = `${JSON.stringify(values)}`;
            expect(g?.score, where).toEqual(want.score);
            expect(g?.level, where).toEqual(want.level);
            expect(g?.direct, where).toEqual(want.level);
            expect(g?.free, `score cell ${JSON.stringify(batch[i]?.[1])}`).toEqual(levelOfScoreCell(model, batch[i]?.[1] ?? null, lang));
          });
        }),
        { numRuns: 60 },
      );
    });
  }

  it("every in-scale combination scores the same (exhaustive for the default model)", () => {
    const model = MODELS[0]?.[1] as RiskModel;
    const rows: Record<string, CellValue>[] = [];
    for (let l = 0; l <= 4; l++) for (let i = 0; i <= 4; i++) rows.push({ likelihood: l, impact: i });
    const got = oracle(model, rows, []);
    expect(got.map((g) => `${String(g.score)}${String(g.level)}`)).toEqual(rows.map((r) => {
      const e = formulaResult(model, r);
      return `${String(e.score)}${String(e.level)}`;
    }));
    expect(got.filter((g) => typeof g.score === "number").map((g) => `${String(g.score)}${String(g.level)}`)).toEqual([
      "1低", "2低", "3中", "2低", "4中", "6高", "3中", "6高", "9高",
    ]);
  });
});
