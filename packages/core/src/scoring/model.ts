import type { CellValue } from "../grid/grid";
import type { Lang } from "../i18n/text";
import {
  evaluateExpr,
  exprFormula,
  exprInputs,
  exprRange,
  formulaString,
  guardedFormula,
  isEmptyInput,
  thresholdFormula,
  validInput,
  type CellRefOf,
  type Expr,
  type InputSpec,
} from "./expr";
import { INPUT_ERROR_MARKER, LEVEL_IDS, levelLabel, type LevelId } from "./levels";
import type { RiskModelDef, RiskModelKind } from "./schema";

export type ScoreResult = { ok: true; score: number; level: LevelId } | { ok: false; missing: string[]; invalid: string[] };

export interface Thresholds {
  /** A score at or above it is 中 (medium). */
  medium: number;
  /** A score at or above it is 高 (high). */
  high: number;
}

/**
 * A risk model ready to use: the definition (as a profile wrote it, or as read from a sheet's
 * columns), the inputs it needs (risk field ids, see glossary/fields.ts), and one expression that
 * both evaluates and prints the score formula.
 *
 * `evaluate` takes cell values as a spreadsheet holds them and treats them exactly as the
 * emitted formula does: a blank (empty cell or "") makes the row incomplete; text, booleans,
 * decimals and numbers off the scale are invalid (the formula shows INPUT_ERROR_MARKER).
 * Readers that accept 「３」 or 「3(高)」 belong to the checker (scoring/assess.ts), not here.
 */
export interface RiskModel {
  readonly def: RiskModelDef;
  readonly kind: RiskModelKind;
  /** "profile": the profile's model applies; "inferred": read from the sheet's columns. */
  readonly source: "profile" | "inferred";
  /** Risk field ids the score is computed from, in formula order. */
  readonly inputs: readonly string[];
  /** The input that plays likelihood and impact (for floors, heat maps); null when none does. */
  readonly likelihoodInput: string | null;
  readonly impactInput: string | null;
  /** Levels this model gives, highest first. */
  readonly levels: LevelId[];
  readonly thresholds: Thresholds;
  /** The smallest and largest score the model can give. */
  readonly scoreRange: { min: number; max: number };
  /** True when the score is only the level's rank (matrix, qualitative): a sheet's own score column is not compared. */
  readonly scoreIsRank: boolean;
  /** At or above this level a measure is required. */
  readonly actionLevel: LevelId;
  /** A residual above this level needs a recorded acceptance. */
  readonly acceptableResidual: LevelId;
  /** The least impact (on the impact input's scale) for sensitive, My Number and payment data; null = no floor. */
  readonly impactFloor: { sensitive: number | null; myNumber: number | null; payment: number | null };
  /** The expression the score is computed from. */
  readonly expression: Expr;
  scale(input: string): { min: number; max: number };
  /** The column holding an input's value after measures (発生可能性 → 対策後発生可能性), when the model has one. */
  residualField(input: string): string | null;
  evaluate(values: Readonly<Record<string, CellValue>>): ScoreResult;
  level(score: number): LevelId;
  /** "=IF(OR(E2="",F2=""),"",...)": blank on any blank input, the error marker on unusable input. */
  scoreFormula(ref: (input: string) => string, lang?: Lang): string;
  /** The level from a score cell: blank when it is blank, the error marker when it is not a number. */
  levelFormula(scoreRef: string, lang?: Lang): string;
  /** The level straight from the inputs, for sheets without a score column. */
  directLevelFormula(ref: (input: string) => string, lang?: Lang): string;
}

const RESIDUAL: Readonly<Record<string, string>> = {
  likelihood: "residualLikelihood",
  impact: "residualImpact",
  assetValue: "residualImpact",
};

/** Levels of a 3-step rank (matrix, qualitative): 3 高, 2 中, 1 低. */
const RANK_THRESHOLDS: Thresholds = { medium: 2, high: 3 };

/**
 * Default thresholds for likelihood × impact on the common square scales. 1–3 is the
 * jisq15001 profile's (1–2 低, 3–4 中, 6–9 高); 1–4: 1–3 低, 4–8 中, 9–16 高; 1–5: 1–4 低,
 * 5–12 中, 15–25 高. Other scales: a third and two thirds of the top score.
 */
const SQUARE_THRESHOLDS: Readonly<Record<number, Thresholds>> = {
  3: { medium: 3, high: 6 },
  4: { medium: 4, high: 9 },
  5: { medium: 5, high: 15 },
};

/** Thirds of the range a sum or a maximum of ratings spans. */
function thirds(min: number, max: number): Thresholds {
  const span = max - min + 1;
  return { medium: min + Math.ceil(span / 3), high: min + Math.ceil((2 * span) / 3) };
}

export function defaultThresholds(def: RiskModelDef): Thresholds {
  if ((def.kind === "likelihoodImpact" || def.kind === "assetThreatVulnerability") && def.operation && def.operation !== "product") {
    const { min, max } = exprRange(structure(def).expression, (name) => scaleOf(def, name));
    return thirds(min, max);
  }
  switch (def.kind) {
    case "matrix":
    case "qualitative":
      return RANK_THRESHOLDS;
    case "likelihoodImpact": {
      const l = def.scales?.likelihood ?? def.scale;
      const i = def.scales?.impact ?? def.scale;
      const square = l.min === 1 && i.min === 1 && l.max === i.max ? SQUARE_THRESHOLDS[l.max] : undefined;
      if (square) return square;
      const top = l.max * i.max;
      return { medium: Math.ceil(top / 3), high: Math.ceil((2 * top) / 3) };
    }
    case "assetThreatVulnerability": {
      // 1–3 each (1–27): 1–6 低, 8–12 中, 18–27 高; scaled for other tops.
      const s = (k: "assetValue" | "threat" | "vulnerability") => def.scales?.[k] ?? def.scale;
      const top = s("assetValue").max * s("threat").max * s("vulnerability").max;
      return { medium: Math.ceil((8 * top) / 27), high: Math.ceil((2 * top) / 3) };
    }
  }
}

/** The scale a definition gives an input (1–3 when it names none). */
function scaleOf(def: RiskModelDef, name: string): { min: number; max: number } {
  const spec = structure(def).specs.find((x) => x.input === name);
  return spec && spec.kind === "integer" ? { min: spec.min, max: spec.max } : { min: 1, max: 3 };
}

interface Structure {
  specs: InputSpec[];
  expression: Expr;
  likelihoodInput: string | null;
  impactInput: string | null;
}

const input = (name: string): Expr => ({ op: "input", input: name });

const OPERATION = { product: "mul", sum: "add", max: "max" } as const;

function structure(def: RiskModelDef): Structure {
  switch (def.kind) {
    case "likelihoodImpact":
    case "matrix": {
      const impact = def.impactField ?? "impact";
      const l = def.scales?.likelihood ?? def.scale;
      const i = def.scales?.impact ?? def.scale;
      const specs: InputSpec[] = [
        { input: "likelihood", kind: "integer", min: l.min, max: l.max },
        { input: impact, kind: "integer", min: i.min, max: i.max },
      ];
      let expression: Expr;
      if (def.kind === "likelihoodImpact") {
        expression = { op: OPERATION[def.operation ?? "product"], args: [input("likelihood"), input(impact)] };
      } else {
        const width = i.max - i.min + 1;
        const rowStart: Expr = l.min === 0 ? input("likelihood") : { op: "sub", left: input("likelihood"), right: { op: "const", value: l.min } };
        // (l - lmin) * width + (i - imin) + 1, written (l-1)*3+i on 1-based scales.
        const colPart: Expr = i.min === 1 ? input(impact) : { op: "sub", left: input(impact), right: { op: "const", value: i.min - 1 } };
        expression = {
          op: "choose",
          index: { op: "add", args: [{ op: "mul", args: [rowStart, { op: "const", value: width }] }, colPart] },
          values: def.matrix.flatMap((row) => row.map((level) => (level === "high" ? 3 : level === "medium" ? 2 : 1))),
        };
      }
      return { specs, expression, likelihoodInput: "likelihood", impactInput: impact };
    }
    case "assetThreatVulnerability": {
      const s = (k: "assetValue" | "confidentiality" | "integrity" | "availability" | "threat" | "vulnerability") =>
        def.scales?.[k] ?? (k === "confidentiality" || k === "integrity" || k === "availability" ? (def.scales?.assetValue ?? def.scale) : def.scale);
      const spec = (k: Parameters<typeof s>[0]): InputSpec => ({ input: k, kind: "integer", min: s(k).min, max: s(k).max });
      const cia = def.asset === "maxCia";
      const assetSpecs = cia ? [spec("confidentiality"), spec("integrity"), spec("availability")] : [spec("assetValue")];
      const asset: Expr = cia ? { op: "max", args: [input("confidentiality"), input("integrity"), input("availability")] } : input("assetValue");
      return {
        specs: [...assetSpecs, spec("threat"), spec("vulnerability")],
        expression: { op: OPERATION[def.operation ?? "product"], args: [asset, input("threat"), input("vulnerability")] },
        likelihoodInput: null,
        impactInput: cia ? null : "assetValue",
      };
    }
    case "qualitative": {
      const field = def.input ?? "level";
      return { specs: [{ input: field, kind: "word" }], expression: { op: "rank", input: field }, likelihoodInput: null, impactInput: field === "impact" ? "impact" : null };
    }
  }
}

function floorOf(value: number | "max" | undefined, impactMax: number | null): number | null {
  if (value === undefined) return null;
  if (value === "max") return impactMax;
  return value;
}

/**
 * Builds a model from a definition. `asset: "auto"` counts as the asset-value column and a
 * qualitative model without `input` reads the level column: `modelForSheet` settles both from
 * the sheet's columns before calling this.
 */
export function buildRiskModel(def: RiskModelDef, source: "profile" | "inferred" = "profile"): RiskModel {
  const { specs, expression, likelihoodInput, impactInput } = structure(def);
  const specOf = new Map(specs.map((s) => [s.input, s]));
  const scale = (name: string) => {
    const s = specOf.get(name);
    return s && s.kind === "integer" ? { min: s.min, max: s.max } : { min: 1, max: 3 };
  };
  const thresholds = "thresholds" in def && def.thresholds ? def.thresholds : defaultThresholds(def);
  const scoreIsRank = def.kind === "matrix" || def.kind === "qualitative";
  const level = (score: number): LevelId => (score >= thresholds.high ? "high" : score >= thresholds.medium ? "medium" : "low");
  const impactMax = impactInput
    ? scale(impactInput).max
    : def.kind === "assetThreatVulnerability"
      ? Math.max(scale("confidentiality").max, scale("integrity").max, scale("availability").max)
      : null;
  const inputs = specs.map((s) => s.input);
  const hasResidual = def.kind === "likelihoodImpact" || def.kind === "matrix";
  const levels = scoreIsRank ? [...LEVEL_IDS] : LEVEL_IDS.filter((l) => possibleLevels(expression, scale, level).has(l));

  const labelsOf = (lang: Lang) => ({ high: levelLabel("high", lang), medium: levelLabel("medium", lang), low: levelLabel("low", lang) });
  const marker = (lang: Lang) => INPUT_ERROR_MARKER[lang];

  return {
    def,
    kind: def.kind,
    source,
    inputs,
    likelihoodInput,
    impactInput,
    levels,
    thresholds,
    scoreRange: exprRange(expression, scale),
    scoreIsRank,
    actionLevel: def.actionLevel ?? "high",
    acceptableResidual: def.acceptableResidual ?? "medium",
    impactFloor: {
      sensitive: floorOf(def.impactFloor?.sensitive, impactMax),
      myNumber: floorOf(def.impactFloor?.myNumber, impactMax),
      payment: floorOf(def.impactFloor?.payment, impactMax),
    },
    expression,
    scale,
    residualField: (name) => (hasResidual && inputs.includes(name) ? (RESIDUAL[name] ?? null) : null),
    evaluate(values) {
      // Most rows are complete: the lists are only made for a row that needs them.
      let missing: string[] | null = null;
      let invalid: string[] | null = null;
      for (const spec of specs) {
        const v = values[spec.input];
        if (isEmptyInput(v)) (missing ??= []).push(spec.input);
        else if (!validInput(spec, v)) (invalid ??= []).push(spec.input);
      }
      if (missing !== null || invalid !== null) return { ok: false, missing: missing ?? [], invalid: invalid ?? [] };
      const score = evaluateExpr(expression, values);
      return { ok: true, score, level: level(score) };
    },
    level,
    scoreFormula(ref: CellRefOf, lang: Lang = "ja") {
      return `=${guardedFormula(specs, ref, exprFormula(expression, ref), marker(lang))}`;
    },
    levelFormula(scoreRef: string, lang: Lang = "ja") {
      const s = scoreRef;
      return `=IF(${s}="","",IF(ISNUMBER(${s}),${thresholdFormula(s, thresholds, labelsOf(lang))},${formulaString(marker(lang))}))`;
    },
    directLevelFormula(ref: CellRefOf, lang: Lang = "ja") {
      // Comparisons bind looser than any arithmetic the expression holds: no parentheses needed.
      const score = exprFormula(expression, ref);
      return `=${guardedFormula(specs, ref, thresholdFormula(score, thresholds, labelsOf(lang)), marker(lang))}`;
    },
  };
}

/** Levels some combination of in-scale inputs reaches (a 3×3 product never gives 5, for instance). */
function possibleLevels(expression: Expr, scale: (input: string) => { min: number; max: number }, level: (s: number) => LevelId): Set<LevelId> {
  const out = new Set<LevelId>();
  const names = exprInputs(expression);
  let combos = 1;
  for (const n of names) combos *= scale(n).max - scale(n).min + 1;
  if (combos > 20000) return new Set(LEVEL_IDS);
  const env: Record<string, number> = {};
  const walk = (k: number): void => {
    if (k === names.length) {
      out.add(level(evaluateExpr(expression, env)));
      return;
    }
    const n = names[k] as string;
    for (let v = scale(n).min; v <= scale(n).max; v++) {
      env[n] = v;
      walk(k + 1);
    }
  };
  walk(0);
  return out;
}

/**
 * What the emitted formulas show for these inputs: the score and the level label, "" when an
 * input is blank, the error marker when one is unusable. For custom functions
 * (PMARK_RISK_SCORE / PMARK_RISK_LEVEL) and for a template's cached formula results.
 */
export function formulaResult(model: RiskModel, values: Readonly<Record<string, CellValue>>, lang: Lang = "ja"): { score: number | string; level: string } {
  const r = model.evaluate(values);
  if (r.ok) return { score: r.score, level: levelLabel(r.level, lang) };
  const shown = r.missing.length > 0 ? "" : INPUT_ERROR_MARKER[lang];
  return { score: shown, level: shown };
}
