/**
 * Core's public API: exactly what the hosts (Excel add-in, Sheets add-on, the shared pane) and the
 * CLI use. Everything else is internal and free to change; tests reach it by path.
 */

// Cells as hosts hand them over, and addresses.
export { a1, columnLetters, parseA1, type CellValue, type MergedRange, type SheetGrid } from "./grid/grid";
export { interpolate, type Lang, type LocalisedText, type MessageData } from "./i18n/text";

// Checking a workbook, and what it reports.
export { checkWorkbook, explainWorkbook, type CheckOptions } from "./check";
export { compareFindings, type Finding, type Severity } from "./findings/finding";
export { KIND_LABELS, RECOGNISED_KINDS, type SheetKind } from "./glossary/kinds";
export { FIELD_CATALOGUE } from "./glossary/fields";
export type { Coverage, HeatMap, Readiness, ReadinessComponentId, ReportOverview, ReportSummary, RiskCounts, SheetSummary, WorkbookReport } from "./report/types";
export type { ColumnExplanation, ScoringExplanation, SheetExplanation, WorkbookExplanation } from "./model/explain";
export type { SkippedRole } from "./recognise/types";
export { partialReport, type PartialReport } from "./report/partial";

// Rules.
export { ruleCatalogue, type RuleInfo } from "./report/catalogue";
export { RULE_IDS, isRuleId, type RuleId } from "./rules/ids";

// Profiles.
export { profileSchema, type ProfileInput } from "./profile/schema";
export { resolveProfile, type ResolvedProfile } from "./profile/resolve";
export { DEFAULT_PROFILE } from "./profile/default";
export { BUILTIN_PROFILE_IDS, expandProfile, isBuiltinProfileId, resolveBuiltinProfile, type BuiltinProfileId } from "./profile/builtin/index";

// The risk library drafts take their rows from (a profile may add to it).
export { profileLibraryProblems } from "./library/index";

// Risk models: the custom functions and the formulas the add-ins write.
export { INPUT_ERROR_MARKER, levelLabel, modelFromProfile, type RiskModel } from "./scoring/index";

// Write plans: what a host writes, checked never to touch user data.
export {
  buildPlan,
  cellsOf,
  cellsWritten,
  contentRect,
  draftPlan,
  DRAFT_SHEET_NAME,
  guardText,
  MAX_COLS,
  parseRange,
  preparePlan,
  rectAddress,
  rectanglesOf,
  rectSize,
  rectsIntersect,
  storedValue,
  textCell,
  validationTargets,
  type DraftOptions,
  type DraftPlan,
  type DraftTarget,
  type ExistingValidation,
  type Overwrite,
  type PlanKind,
  type Rect,
  type WriteOp,
  type WritePlan,
} from "./plan/index";

// Templates (the CLI's writer and the add-ins' insertion).
export { buildTemplate, COMPUTED_FILL, fileFormula, HEADER_FILL, levelRules, rowFormula, type SheetSpec, type SpecCell, type WorkbookSpec } from "./templates/index";

// The add-ins' own sheets and the state they keep in a workbook.
export { ownSheetRole, checkedSheets, isUserSheet, HIGHLIGHT_STORE_SHEET, type OwnSheetRole } from "./input/own-sheets";
export {
  readWorkbookState,
  profileForCheck,
  builtinChoices,
  parseProfileFile,
  type ProfileChoice,
  type WorkbookSettings,
  type WorkbookState,
} from "./state/workbook-state";
export { planOptionsFor, stateAfterApply, removableKind, optionsToday } from "./state/actions";

// Last year's workbook against this year's, and the report page.
export { checkForDiff, diffWorkbooks, snapshotWorkbook, type WorkbookSnapshot } from "./diff/index";
export type { DiffSide, ItemRef, LevelChange, RiskRowRef, WorkbookDiff } from "./diff/types";
export type { LevelId } from "./scoring/levels";
export { writeCheckHtml, writeDiffHtml, type HtmlCheckFile, type HtmlReportMeta } from "./report/html/index";
export { heatMapCells, heatMapTotal, type HeatCell, type HeatZone } from "./report/html/heat";
