export { checkHtml, writeCheckHtml, type HtmlCheckFile } from "./check";
export { diffHtml, writeDiffHtml, type HtmlDiffInput } from "./diff";
export type { HtmlReportMeta } from "./page";
