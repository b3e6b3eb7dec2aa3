export * from "./spec";
export { buildTemplate, specFingerprint, templateProfileParts, templateStamp } from "./build";
export { templateToPlan, levelRules } from "./plan";
export { readTemplateMeta, META_MARK, META_SHEET_NAME, type TemplateMeta } from "./meta";
export { templateScoring, fileFormula, type TemplateScoring } from "./scoring";
export { contentHash } from "./hash";
