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
  writtenCells,
  contentRect,
  cellsWritten,
  freeSheetName,
  legalSheetName,
  MAX_ROWS,
  MAX_COLS,
  type PlanProblem,
  type PreparedPlan,
} from "./check";
export { highlightPlan, SEVERITY_FILLS } from "./highlight";
export { findingsReportPlan, REPORT_SHEET_NAME, SEVERITY_LABELS } from "./report-sheet";
export { formulasPlan, type FormulasPlanOptions } from "./formulas";
export { templateSheetsPlan } from "./template";
export { buildPlan, type BuildPlanOptions } from "./build";
