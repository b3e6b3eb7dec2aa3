import type { CellValue, Lang, RiskModel } from "@pmark/core";
import { INPUT_ERROR_MARKER, levelLabel, modelFromProfile, resolveProfile } from "@pmark/core";

/**
 * Custom functions for risk sheets. Sheets calls them with plain values: one cell arrives as a
 * scalar, a range as a 2-D array, a date as a Date. They run without authorisation and touch
 * no service. One formula over a whole column (=PMARK_RISK_SCORE(C2:C500, D2:D500)) is one
 * execution; a formula per row is one execution each, so the range form is the one to use.
 *
 * They evaluate core's risk model of the default profile (jisq15001: likelihood 1–3 × impact
 * 1–3; 1–2 低, 3–4 中, 6–9 高), the very model whose formulas the add-on writes, with the
 * same verdicts: a blank input gives a blank, anything else that is not a whole number on the
 * scale (text, a date, TRUE, 1.5, 7) gives the model's error marker.
 *
 * Both functions take likelihood and impact (rather than the level taking a score) so that a
 * level cell never depends on a score column that a user may have typed over.
 */

type Scalar = string | number | boolean | Date | null | undefined;
type Arg = Scalar | Scalar[][];
type Out = string | number;

let defaultModel: RiskModel | null | undefined;

/** Built on first use, never at load (Apps Script runs the whole file on every call). */
function model(): RiskModel {
  if (defaultModel === undefined) defaultModel = modelFromProfile(resolveProfile());
  if (!defaultModel) throw new Error("the default profile has no risk model");
  return defaultModel;
}

function cellOf(v: Scalar): CellValue {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return "#date"; // a Date is not a rating
}

type Verdict = { kind: "blank" } | { kind: "invalid" } | { kind: "ok"; score: number; level: "high" | "medium" | "low" };

function evaluate(likelihood: Scalar, impact: Scalar): Verdict {
  const m = model();
  const values: Record<string, CellValue> = {
    [m.likelihoodInput ?? "likelihood"]: cellOf(likelihood),
    [m.impactInput ?? "impact"]: cellOf(impact),
  };
  const r = m.evaluate(values);
  if (r.ok) return { kind: "ok", score: r.score, level: r.level };
  // As the written formula: any blank input first gives a blank (a row still being typed).
  return r.missing.length > 0 ? { kind: "blank" } : { kind: "invalid" };
}

const isGrid = (a: Arg): a is Scalar[][] => Array.isArray(a);

/** Applies `f` cell by cell: scalars with scalars, ranges of one shape, or a scalar against a range. */
function pairwise(a: Arg, b: Arg, f: (x: Scalar, y: Scalar) => Out): Out | Out[][] {
  if (!isGrid(a) && !isGrid(b)) return f(a, b);
  const rows = Math.max(isGrid(a) ? a.length : 1, isGrid(b) ? b.length : 1);
  const cols = Math.max(isGrid(a) ? (a[0]?.length ?? 0) : 1, isGrid(b) ? (b[0]?.length ?? 0) : 1);
  const at = (x: Arg, r: number, c: number): Scalar => {
    if (!isGrid(x)) return x;
    if (x.length === 1 && (x[0]?.length ?? 0) === 1) return x[0]?.[0];
    if (x.length !== rows || (x[0]?.length ?? 0) !== cols) throw new Error("likelihood and impact must be ranges of the same size / 発生可能性と影響度は同じ大きさの範囲にしてください");
    return x[r]?.[c];
  };
  const out: Out[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Out[] = [];
    for (let c = 0; c < cols; c++) row.push(f(at(a, r, c), at(b, r, c)));
    out.push(row);
  }
  return out;
}

function langArg(lang: unknown): Lang {
  return typeof lang === "string" && /^en/i.test(lang.trim()) ? "en" : "ja";
}

function cellFor(v: Verdict, lang: Lang, show: (ok: Extract<Verdict, { kind: "ok" }>) => Out): Out {
  return v.kind === "ok" ? show(v) : v.kind === "blank" ? "" : INPUT_ERROR_MARKER[lang];
}

/**
 * Risk score: likelihood × impact by the default P-mark risk model (1–3 × 1–3 = 1–9).
 * Give single cells or two ranges of the same size (one formula for a whole column).
 * A blank input gives a blank; text or a rating off the 1–3 scale gives the error marker
 * (#入力エラー, or #INVALID with "en").
 *
 * @param {number|Array<Array<number>>} likelihood Likelihood (発生可能性), 1–3, or a range of them.
 * @param {number|Array<Array<number>>} impact Impact (影響度), 1–3, or a range of them.
 * @param {string} [lang] "ja" (default) or "en": the language of the error marker.
 * @return {number|Array<Array<number>>} The risk score, or a range of scores.
 * @customfunction
 */
export function PMARK_RISK_SCORE(likelihood: Arg, impact: Arg, lang?: unknown): Out | Out[][] {
  const l = langArg(lang);
  return pairwise(likelihood, impact, (x, y) => cellFor(evaluate(x, y), l, (v) => v.score));
}

/**
 * Risk level (高/中/低, or High/Medium/Low) from likelihood and impact by the default P-mark
 * risk model: score 1–2 低, 3–4 中, 6–9 高. Give single cells or two ranges of the same size.
 * A blank input gives a blank; text or a rating off the 1–3 scale gives the error marker
 * (#入力エラー, or #INVALID with "en").
 *
 * @param {number|Array<Array<number>>} likelihood Likelihood (発生可能性), 1–3, or a range of them.
 * @param {number|Array<Array<number>>} impact Impact (影響度), 1–3, or a range of them.
 * @param {string} [lang] "ja" (default) for 高/中/低, "en" for High/Medium/Low.
 * @return {string|Array<Array<string>>} The risk level, or a range of levels.
 * @customfunction
 */
export function PMARK_RISK_LEVEL(likelihood: Arg, impact: Arg, lang?: unknown): Out | Out[][] {
  const l = langArg(lang);
  return pairwise(likelihood, impact, (x, y) => cellFor(evaluate(x, y), l, (v) => levelLabel(v.level, l)));
}
