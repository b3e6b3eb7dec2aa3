export * from "./grid/grid";
export * from "./i18n/text";
export * from "./findings/finding";
export * from "./glossary/kinds";
export * from "./glossary/fields";
export * from "./glossary/normalise";
export * from "./report/types";
export * from "./profile/schema";
export { checkWorkbook, type CheckOptions } from "./check";
