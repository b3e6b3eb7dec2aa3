import { cellAt, isBlank } from "../grid/grid";
import type { ResolvedProfile } from "../profile/resolve";
import { readLevel, readScale } from "../read/level";
import type { RuleSource } from "../recognise/scoring-rule";
import type { RecognisedSheet } from "../recognise/sheet";
import { groupColumn } from "../model/records";
import { buildRiskModel, defaultThresholds, type RiskModel } from "./model";
import type { LevelId } from "./levels";
import type { RiskModelDef, ScaleDef } from "./schema";

/** Where a sheet's scoring rule comes from, before its stored values are consulted (model/assess.ts). */
export type RuleOrigin = "profile" | "columns" | "formula";

export interface BaseSheetModel {
  def: RiskModelDef;
  origin: RuleOrigin;
  /** The profile's model fits the sheet (its columns and scale): the profile's bands are defined for it. */
  fitsProfile: boolean;
  /** The formula the sheet's own rule was read from (its level bands, else its score). */
  at?: RuleSource;
  /** The score formula the operation was read from. */
  scoreAt?: RuleSource;
}

/**
 * Which model scores a sheet (PRODUCT.md §3), from its columns and formulas:
 *
 * - a model written in a profile file applies as written (`fallback` unset);
 * - the built-in default profile's model (`fallback: "infer"`) applies when the sheet's columns
 *   and scale fit it — likelihood and impact on 1–3 — and otherwise the model is read from the
 *   sheet's columns, keeping the profile's action level, acceptable residual and impact floors;
 * - a profile whose `riskModel` is null always reads the model from the columns;
 * - whichever applies, the sheet's own formulas (how its score is formed, where its level bands
 *   lie) are the company's criterion and replace the operation and bands.
 * The bands a sheet's stored values consistently follow are read later, from the rows.
 */
export function baseSheetModel(sheet: RecognisedSheet, profile: ResolvedProfile): BaseSheetModel | null {
  const base = chooseDef(sheet, profile);
  if (!base) return null;
  return withSheetFormulas(base, sheet);
}

/** The profile's own model, with nothing read from any sheet (null when the profile has none). */
export function modelFromProfile(profile: ResolvedProfile): RiskModel | null {
  return profile.riskModel ? buildRiskModel(profile.riskModel, "profile") : null;
}

function chooseDef(sheet: RecognisedSheet, profile: ResolvedProfile): BaseSheetModel | null {
  const def = profile.riskModel;
  if (def && def.fallback !== "infer") return { def: settle(def, sheet), origin: "profile", fitsProfile: true };
  const inferred = inferDef(sheet, def);
  if (!inferred) return null;
  if (def && sameShape(def, inferred)) return { def: settle(def, sheet), origin: "profile", fitsProfile: true };
  return { def: inferred, origin: "columns", fitsProfile: false };
}

const OPERATION_OF = { mul: "product", add: "sum", max: "max" } as const;

/** The sheet's score formula's operation and its level formula's bands over the chosen model. */
function withSheetFormulas(base: BaseSheetModel, sheet: RecognisedSheet): BaseSheetModel {
  const rule = sheet.scoring;
  const { def } = base;
  if (!rule || (def.kind !== "likelihoodImpact" && def.kind !== "assetThreatVulnerability")) return base;
  let out: BaseSheetModel = base;
  const score = rule.inherent.score ?? rule.residual.score;
  if (score && score.fields.every((f) => modelInputs(def).includes(f))) {
    const operation = OPERATION_OF[score.op];
    const next = { ...def, operation } as RiskModelDef;
    // The bands follow the operation unless the sheet or the profile states them.
    if ((def.operation ?? "product") !== operation && !rule.inherent.bands && !rule.residual.bands) delete (next as { thresholds?: unknown }).thresholds;
    out = { def: next, origin: "formula", fitsProfile: base.fitsProfile, at: score.at, scoreAt: score.at };
  }
  const bands = rule.inherent.bands ?? rule.residual.bands;
  if (bands) {
    const range = buildRiskModel(out.def).scoreRange;
    const cap = (n: number) => (Number.isFinite(n) ? n : range.max + 1);
    out = { def: { ...out.def, thresholds: { medium: cap(bands.medium), high: cap(bands.high) } } as RiskModelDef, origin: "formula", fitsProfile: base.fitsProfile, at: bands.at, ...(out.scoreAt ? { scoreAt: out.scoreAt } : {}) };
  }
  return out;
}

function modelInputs(def: RiskModelDef): readonly string[] {
  return buildRiskModel(def).inputs;
}

/**
 * The model a risk sheet's columns describe, with no model from the profile: likelihood and
 * impact → their product on the scale the values use (1–3, 1–4 or 1–5); asset value (or the
 * maximum of 機密性・完全性・可用性) × threat × vulnerability; level words only → qualitative.
 * A 重要度 column next to 発生可能性, with no 脅威 or 脆弱性, is the impact. Action level,
 * acceptable residual and impact floors come from the profile's model when it has one.
 */
export function inferModel(sheet: RecognisedSheet, profile: ResolvedProfile): RiskModel | null {
  const def = inferDef(sheet, profile.riskModel);
  return def ? buildRiskModel(def, "inferred") : null;
}

const has = (sheet: RecognisedSheet, field: string) => (sheet.byField.get(field)?.length ?? 0) > 0;

/** Settles the per-sheet choices a profile model may leave open. */
function settle(def: RiskModelDef, sheet: RecognisedSheet): RiskModelDef {
  switch (def.kind) {
    case "likelihoodImpact":
    case "matrix":
      if (def.impactField) return def;
      return !has(sheet, "impact") && has(sheet, "assetValue") ? { ...def, impactField: "assetValue" } : def;
    case "assetThreatVulnerability": {
      if (def.asset === "column" || def.asset === "maxCia") return def;
      const cia = !has(sheet, "assetValue") && has(sheet, "confidentiality") && has(sheet, "integrity") && has(sheet, "availability");
      return { ...def, asset: cia ? "maxCia" : "column" };
    }
    case "qualitative":
      if (def.input) return def;
      return { ...def, input: !has(sheet, "level") && has(sheet, "impact") ? "impact" : "level" };
  }
}

function scaleKey(s: ScaleDef | undefined): string {
  return s ? `${s.min}-${s.max}` : "";
}

function sameShape(def: RiskModelDef, inferred: RiskModelDef): boolean {
  if (def.kind !== inferred.kind) return false;
  if ((def.kind === "likelihoodImpact" || def.kind === "matrix") && (inferred.kind === "likelihoodImpact" || inferred.kind === "matrix")) {
    return (
      scaleKey(def.scales?.likelihood ?? def.scale) === scaleKey(inferred.scales?.likelihood ?? inferred.scale) &&
      scaleKey(def.scales?.impact ?? def.scale) === scaleKey(inferred.scales?.impact ?? inferred.scale)
    );
  }
  if (def.kind === "assetThreatVulnerability" && inferred.kind === "assetThreatVulnerability") {
    const keys = ["assetValue", "confidentiality", "integrity", "availability", "threat", "vulnerability"] as const;
    const dAsset = def.scales?.assetValue ?? def.scale;
    const iAsset = inferred.scales?.assetValue ?? inferred.scale;
    return keys.every((k) => {
      const cia = k === "confidentiality" || k === "integrity" || k === "availability";
      const d = def.scales?.[k] ?? (cia ? dAsset : def.scale);
      const i = inferred.scales?.[k] ?? (cia ? iAsset : inferred.scale);
      return scaleKey(d) === scaleKey(i);
    });
  }
  return true;
}

/** Columns of a field: the group's own in wide layouts, else any. */
function groupsOf(sheet: RecognisedSheet): (string | undefined)[] {
  if (sheet.layout !== "wide") return [undefined];
  const out: (string | undefined)[] = [];
  for (const m of sheet.columns) if (!out.includes(m.phase)) out.push(m.phase);
  return out;
}

const SQUARE_SCALES = [3, 4, 5] as const;

/** What the rating cells hold, summed up as they are read (a 50k-item sheet has 1.2M of them). */
interface Observed {
  /** Cells read as whole numbers. */
  numbers: number;
  /** The largest of them (0 when none). */
  max: number;
  /** How many of them lie above each of SQUARE_SCALES. */
  above: number[];
  /** Cells holding a level word (高/中/低, 大/中/小...). */
  words: number;
}

/** A level word as a rating on a 1–3 word scale: 高/大/H 3, 中/M 2, 低/小/L 1. */
export const WORD_RATING: Readonly<Record<LevelId, number>> = { high: 3, medium: 2, low: 1 };

function observe(sheet: RecognisedSheet, fields: readonly string[]): Observed {
  const out: Observed = { numbers: 0, max: 0, above: SQUARE_SCALES.map(() => 0), words: 0 };
  const mappings = fields.flatMap((f) => sheet.byField.get(f) ?? []);
  if (mappings.length === 0) return out;
  const count = (n: number) => {
    out.numbers++;
    if (n > out.max) out.max = n;
    for (let k = 0; k < SQUARE_SCALES.length; k++) if (n > (SQUARE_SCALES[k] as number)) out.above[k] = (out.above[k] as number) + 1;
  };
  // Row by row, the row's rating cells together (one walk over the rows, not one per column).
  const values = sheet.grid.values;
  for (const r of sheet.dataRows) {
    const row = values[r];
    for (const m of mappings) {
      const v = row === undefined ? undefined : row[m.col];
      if (isBlank(v)) continue;
      const n = readScale(v, 0, 1000);
      if (n && n.ok) {
        count(n.value);
        continue;
      }
      const word = readLevel(v);
      if (!word?.ok) continue;
      // A rating column written in words is a 1–3 scale; words elsewhere make a qualitative sheet.
      if (m.wordScale) count(WORD_RATING[word.value]);
      else out.words++;
    }
  }
  return out;
}

/** The smallest of 1–3, 1–4, 1–5 that holds every value up to `max`. */
function smallestCovering(max: number): number {
  return SQUARE_SCALES.find((s) => s >= max) ?? 5;
}

function levelBy(score: number, t: { medium: number; high: number }): LevelId {
  return score >= t.high ? "high" : score >= t.medium ? "medium" : "low";
}

/**
 * The scale of a likelihood × impact sheet: the smallest of 1–3, 1–4, 1–5 that holds every
 * value, unless stored levels say a smaller one. Each smaller candidate earns a point for every
 * row whose stored level it explains and loses one for every value it leaves off the scale, so
 * one mistyped 4 on a 1–3 sheet does not turn the whole sheet into 1–4. A scale larger than the
 * values show is never chosen.
 */
function likelihoodImpactScale(sheet: RecognisedSheet, impactField: string, seen: Observed): number {
  const covering = smallestCovering(seen.max);
  const candidates = SQUARE_SCALES.filter((c) => c <= covering);
  const thresholds = candidates.map((s) => defaultThresholds({ kind: "likelihoodImpact", scale: { min: 1, max: s } }));
  // Rows whose stored level each candidate explains, counted as the rows are read.
  const agree = candidates.map(() => 0);
  const sets = [
    ["likelihood", impactField, "level"],
    ["residualLikelihood", "residualImpact", "residualLevel"],
  ] as const;
  for (const group of groupsOf(sheet)) {
    for (const [lf, impf, levf] of sets) {
      const lc = groupColumn(sheet, lf, group);
      const ic = groupColumn(sheet, impf, group);
      const vc = groupColumn(sheet, levf, group);
      if (lc < 0 || ic < 0 || vc < 0) continue;
      for (const r of sheet.dataRows) {
        const l = readScale(cellAt(sheet.grid, r, lc), 1, 5);
        if (!l?.ok) continue;
        const i = readScale(cellAt(sheet.grid, r, ic), 1, 5);
        if (!i?.ok) continue;
        const lev = readLevel(cellAt(sheet.grid, r, vc));
        if (!lev?.ok) continue;
        const product = l.value * i.value;
        const top = Math.max(l.value, i.value);
        for (let k = 0; k < candidates.length; k++) {
          if (top <= (candidates[k] as number) && levelBy(product, thresholds[k] as { medium: number; high: number }) === lev.value) agree[k] = (agree[k] as number) + 1;
        }
      }
    }
  }
  let best: number = covering;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < candidates.length; k++) {
    const s = candidates[k] as number;
    const outside = seen.above[SQUARE_SCALES.indexOf(s as (typeof SQUARE_SCALES)[number])] as number;
    const score = (agree[k] as number) - outside;
    // Ties go to the covering scale, then to the smaller one.
    const better = score > bestScore || (score === bestScore && s === covering);
    if (better) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Maps a profile's floor (on its impact scale) onto an inferred impact scale. */
function mapFloor(value: number | "max" | undefined, from: ScaleDef | null, to: ScaleDef): number | "max" {
  if (value === undefined || value === "max" || !from || from.max === from.min) return "max";
  const ratio = (value - from.min) / (from.max - from.min);
  return Math.min(to.max, Math.max(to.min, to.min + Math.round(ratio * (to.max - to.min))));
}

function profileImpactScale(def: RiskModelDef | null): ScaleDef | null {
  if (!def) return null;
  if (def.kind === "likelihoodImpact" || def.kind === "matrix") return def.scales?.impact ?? def.scale;
  if (def.kind === "assetThreatVulnerability") return def.scales?.assetValue ?? def.scale;
  return { min: 1, max: 3 };
}

function commonSettings(base: RiskModelDef | null, impactScale: ScaleDef): Pick<RiskModelDef, "actionLevel" | "acceptableResidual" | "impactFloor" | "name"> {
  const from = profileImpactScale(base);
  const floor = base?.impactFloor;
  return {
    actionLevel: base?.actionLevel ?? "high",
    acceptableResidual: base?.acceptableResidual ?? "medium",
    impactFloor: {
      sensitive: floor ? mapFloor(floor.sensitive, from, impactScale) : "max",
      myNumber: floor ? mapFloor(floor.myNumber, from, impactScale) : "max",
      payment: floor ? mapFloor(floor.payment, from, impactScale) : "max",
    },
  };
}

function inferDef(sheet: RecognisedSheet, base: RiskModelDef | null): RiskModelDef | null {
  if (sheet.kind !== "risk") return null;
  const L = has(sheet, "likelihood");
  const I = has(sheet, "impact");
  const AV = has(sheet, "assetValue");
  const T = has(sheet, "threat");
  const V = has(sheet, "vulnerability");
  const CIA = has(sheet, "confidentiality") && has(sheet, "integrity") && has(sheet, "availability");

  if (L && (I || (AV && !T && !V))) {
    const impactField = I ? "impact" : "assetValue";
    const seen = observe(sheet, ["likelihood", impactField, "residualLikelihood", "residualImpact"]);
    if (seen.words > seen.numbers) return qualitative(sheet, base);
    // A scale the sheet states is its rule; otherwise the values tell it.
    const scale = sheet.statedScale ? { min: sheet.statedScale.min, max: sheet.statedScale.max } : { min: 1, max: likelihoodImpactScale(sheet, impactField, seen) };
    return {
      kind: "likelihoodImpact",
      scale,
      ...(impactField === "assetValue" ? { impactField } : {}),
      thresholds: defaultThresholds({ kind: "likelihoodImpact", scale }),
      ...commonSettings(base, scale),
    };
  }
  if (T && V && (AV || CIA)) {
    const stated = sheet.statedScale;
    const scaleOf = (fields: readonly string[]): ScaleDef => (stated ? { min: stated.min, max: stated.max } : { min: 1, max: smallestCovering(observe(sheet, fields).max) });
    const asset = AV ? scaleOf(["assetValue"]) : scaleOf(["confidentiality", "integrity", "availability"]);
    const threat = scaleOf(["threat"]);
    const vulnerability = scaleOf(["vulnerability"]);
    const def: RiskModelDef = {
      kind: "assetThreatVulnerability",
      scale: asset,
      scales: AV ? { assetValue: asset, threat, vulnerability } : { confidentiality: asset, integrity: asset, availability: asset, threat, vulnerability },
      asset: AV ? "column" : "maxCia",
      ...commonSettings(base, asset),
    };
    return { ...def, thresholds: defaultThresholds(def) };
  }
  if (has(sheet, "level") || I) return qualitative(sheet, base);
  return null;
}

function qualitative(sheet: RecognisedSheet, base: RiskModelDef | null): RiskModelDef {
  return {
    kind: "qualitative",
    input: has(sheet, "level") ? "level" : "impact",
    ...commonSettings(base, { min: 1, max: 3 }),
  };
}
