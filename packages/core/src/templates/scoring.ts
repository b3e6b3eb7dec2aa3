import type { CellValue } from "../grid/grid";
import type { Lang } from "../i18n/text";
import type { ResolvedProfile } from "../profile/resolve";
import { DEFAULT_PROFILE } from "../profile/default";
import { buildRiskModel, INPUT_ERROR_MARKER, LEVEL_WORDS, levelLabel, modelFromProfile, toFileFormula, type LevelId, type RiskModel } from "../scoring/index";

/**
 * The risk model as a template lays it out: which input columns it needs and on what scale,
 * whether the sheet shows a score, the formulas for score and level, and the values those
 * formulas show (the cached results a file carries). Formulas and values both come from
 * `scoring/`, one definition, so the sheet and the checker agree.
 */
export interface TemplateScoring {
  model: RiskModel;
  /** Inputs typed as whole numbers on a scale (likelihood, impact...), in formula order. */
  inputs: readonly { field: string; residualField: string | null; min: number; max: number }[];
  /** Inputs typed as level words (a qualitative model), with the words they take. */
  wordInputs: readonly { field: string; words: string[] }[];
  /** False when the score is only the level's rank (matrix, qualitative): no score column. */
  hasScore: boolean;
  /** Level labels, highest first, as the formulas write them. */
  levels: readonly { level: LevelId; label: string }[];
  /** "=..." score formula, `ref` giving each input's cell. */
  scoreFormula(ref: (input: string) => string): string;
  /** "=..." level formula: from the score cell when there is one, else from the inputs. */
  levelFormula(ref: (input: string) => string, scoreRef: string | null): string;
  /** What the score and level cells show for these inputs: "" when one is blank, the error marker when one is unusable. */
  evaluate(values: Readonly<Record<string, CellValue>>): { score: string | number; level: string };
}

/** The one place a template learns its profile's risk model; a profile that leaves it to the sheets gets the default profile's. */
function modelOf(profile: ResolvedProfile): RiskModel {
  return modelFromProfile(profile) ?? buildRiskModel(DEFAULT_PROFILE.riskModel);
}

export function templateScoring(profile: ResolvedProfile, lang: Lang): TemplateScoring {
  const model = modelOf(profile);
  const hasScore = !model.scoreIsRank;
  const marker = INPUT_ERROR_MARKER[lang];
  const qualitative = model.kind === "qualitative";
  const words = LEVEL_WORDS.high.slice(0, 1).concat(LEVEL_WORDS.medium.slice(0, 1), LEVEL_WORDS.low.slice(0, 1));
  return {
    model,
    inputs: qualitative
      ? []
      : model.inputs.map((field) => ({ field, residualField: model.residualField(field), ...model.scale(field) })),
    wordInputs: qualitative ? model.inputs.map((field) => ({ field, words })) : [],
    hasScore,
    levels: model.levels.map((level) => ({ level, label: levelLabel(level, lang) })),
    scoreFormula: (ref) => model.scoreFormula(ref, lang),
    levelFormula: (ref, scoreRef) => (scoreRef !== null ? model.levelFormula(scoreRef, lang) : model.directLevelFormula(ref, lang)),
    evaluate(values) {
      const r = model.evaluate(values);
      if (r.ok) return { score: r.score, level: levelLabel(r.level, lang) };
      return r.missing.length > 0 ? { score: "", level: "" } : { score: marker, level: marker };
    },
  };
}

/** A formula as an .xlsx file stores it (`_xlfn.` prefixes for newer functions); hosts writing through Office.js or Apps Script use the plain formula. */
export function fileFormula(formula: string): string {
  return toFileFormula(formula);
}
