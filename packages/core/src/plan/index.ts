export * from "./types";
export {
  TEXT_PREFIX,
  textCell,
  guardText,
  storedValue,
  startsLikeFormula,
  rectAddress,
  parseRange,
  rectanglesOf,
  rectSize,
  rectsIntersect,
  boundingRect,
  cellsOf,
  type Rect,
} from "./cells";
export {
  overwritesOf,
  withoutOverwrites,
  placePlan,
  preparePlan,
  mergeConflicts,
  validationTargets,
  writtenCells,
  contentRect,
  cellsWritten,
  freeSheetName,
  legalSheetName,
  MAX_ROWS,
  MAX_COLS,
  type PlanProblem,
  type PreparedPlan,
  type ExistingValidation,
} from "./check";
export { highlightPlan, SEVERITY_FILLS } from "./highlight";
export { findingsReportPlan, reportHasUserContent, REPORT_SHEET_NAME, SEVERITY_LABELS } from "./report-sheet";
export { REPORT_COLUMNS } from "./report-columns";
export { formulasPlan, type FormulasPlanOptions } from "./formulas";
export { templateSheetsPlan, workbookLanguage, TEMPLATE_COMPLETE, type TemplateTarget } from "./template";
export { acceptancePlan, acceptanceNote, type AcceptTarget, type AcceptancePlan } from "./accept";
export { recordAddition, removalPlan, sheetDigest, type AdditionRecord, type RemovableKind } from "./additions";
export { headerLanguage, yesNoChoices } from "./notation";
export { buildPlan, type BuildPlanOptions, type BuiltPlan } from "./build";
export { draftPlan, DRAFT_SHEET_NAME, type DraftOptions, type DraftPlan, type DraftTarget } from "./draft";
