export * from "./grid/grid";
export * from "./i18n/text";
export * from "./findings/finding";
export * from "./glossary/kinds";
export * from "./glossary/fields";
export * from "./glossary/normalise";
export * from "./report/types";
export * from "./profile/schema";
export * from "./scoring/index";
export { checkWorkbook, type CheckOptions } from "./check";
export { ruleCatalogue, type RuleInfo } from "./report/catalogue";
export { RULE_IDS, isRuleId, type RuleArea, type RuleId, type RuleSeverities } from "./rules/ids";
export { READINESS_WEIGHTS } from "./report/overview";
export { noteAcceptances } from "./report/suppress";
export * from "./plan/index";
export { resolveProfile, type ResolvedProfile } from "./profile/resolve";
export { DEFAULT_PROFILE } from "./profile/default";
export { BUILTIN_PROFILE_IDS, expandProfile, isBuiltinProfileId, resolveBuiltinProfile, type BuiltinProfileId } from "./profile/builtin/index";
export * from "./templates/index";
export { ownSheetRole, checkedSheets, isUserSheet, HIGHLIGHT_STORE_SHEET, type OwnSheetRole } from "./input/own-sheets";
export { partialReport, SOUND_ON_PART, type PartialReport } from "./report/partial";
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
export * from "./diff/index";
export * from "./report/html/index";
export { SUGGESTED_ACTIONS, suggestedAction } from "./report/actions";
