/**
 * Risk models: one definition that both evaluates in TypeScript and emits the equivalent
 * spreadsheet formula (PRODUCT.md §3, notes/domain.md §2.4). The add-ins' custom functions
 * (PMARK_RISK_SCORE, PMARK_RISK_LEVEL), the formulas they write and the template generator all
 * use these names; the workbook model scores every risk row with them (model/assess.ts).
 */
export { type LevelId, LEVEL_IDS, LEVEL_WORDS, INPUT_ERROR_MARKER, levelLabel, levelText, levelRank, levelOfRank } from "./levels";
export { riskModelSchema, type RiskModelDef, type RiskModelKind, type ScaleDef } from "./schema";
export { buildRiskModel, defaultThresholds, formulaResult, type RiskModel, type ScoreResult, type Thresholds } from "./model";
export { modelFromProfile, inferModel } from "./infer";
export { toFileFormula } from "./file-formula";
export { type Expr, type InputSpec } from "./expr";
