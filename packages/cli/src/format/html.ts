import { writeCheckHtml, type HtmlCheckFile, type HtmlReportMeta } from "@pmark/core";
import type { FileResult } from "../check-file";
import { failureMessage } from "../load/failure";

/**
 * `check --format html`: core's self-contained report page for the files checked, in argument
 * order; a file that could not be read appears with the line stderr gives for it. Written to
 * `sink` in blocks.
 */
export function writeHtml(results: readonly FileResult[], meta: HtmlReportMeta, sink: (chunk: string) => void): void {
  const files = results.map((r): HtmlCheckFile => (r.ok ? { file: r.file, report: r.report } : { file: r.file, error: failureMessage(r.file, r.failure) }));
  writeCheckHtml(files, meta, sink);
}
