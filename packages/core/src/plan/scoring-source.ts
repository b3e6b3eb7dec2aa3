import type { Lang } from "../i18n/text";
import { DEFAULT_PROFILE } from "../profile/default";
import type { ResolvedProfile } from "../profile/resolve";
import type { RecognisedSheet } from "../recognise/sheet";
import { modelForSheet } from "../model/assess";
import { buildRiskModel, levelLabel, modelFromProfile, type RiskModel } from "../scoring/index";

/**
 * What `formulasPlan` needs from the risk model, behind one function: the scoring module's
 * model for the sheet (the profile's, or the one the sheet's own columns and scales describe),
 * so the formulas written are the ones the checker evaluates.
 */
export interface FormulaSource {
  /** Risk field ids the score is computed from, in formula order (likelihood, impact...). */
  inputs: readonly string[];
  /** Inputs typed as whole numbers on a scale (every input but a qualitative model's words). */
  scaled: boolean;
  /** False when the score is only the level's rank (matrix, qualitative): no score column. */
  hasScore: boolean;
  /** The residual (after measures) column of an input, when the model has one. */
  residualField(input: string): string | null;
  /** The inclusive scale of an input, for its dropdown. */
  scale(input: string): { min: number; max: number };
  /** Level words, highest first, as the level formula writes them. */
  levels: readonly string[];
  scoreFormula(ref: (input: string) => string): string;
  levelFormula(scoreRef: string): string;
  /** The level straight from the inputs, for a sheet with no score column. */
  directLevelFormula(ref: (input: string) => string): string;
}

function fromModel(model: RiskModel, lang: Lang): FormulaSource {
  return {
    inputs: model.inputs,
    scaled: model.kind !== "qualitative",
    hasScore: !model.scoreIsRank,
    residualField: (input) => model.residualField(input),
    scale: (input) => model.scale(input),
    levels: model.levels.map((l) => levelLabel(l, lang)),
    scoreFormula: (ref) => model.scoreFormula(ref, lang),
    levelFormula: (scoreRef) => model.levelFormula(scoreRef, lang),
    directLevelFormula: (ref) => model.directLevelFormula(ref, lang),
  };
}

/** The formulas for a risk sheet (its own model when its columns tell one), else the profile's or the default one. */
export function formulaSource(sheet: RecognisedSheet | null, profile: ResolvedProfile, lang: Lang): FormulaSource {
  const model = (sheet ? modelForSheet(sheet, profile) : null) ?? modelFromProfile(profile) ?? buildRiskModel(DEFAULT_PROFILE.riskModel);
  return fromModel(model, lang);
}
