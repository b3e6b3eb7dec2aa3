import { checkForDiff, checkWorkbook, type CheckOptions, type WorkbookReport, type WorkbookSnapshot } from "@pmark/core";
import { errorText, type LoadFailure, type LoadWarning } from "./load/failure";
import { loadWorkbook } from "./load/workbook";

/** The outcome for one input file, in the order the user gave it. */
export type FileResult =
  | { file: string; ok: true; report: WorkbookReport; warnings?: LoadWarning[]; snapshot?: WorkbookSnapshot }
  | { file: string; ok: false; failure: LoadFailure };

/**
 * Loads (once) and checks one file; with `snapshot`, also takes what `pmark diff` compares from
 * the same model build. Never throws.
 */
export async function checkFile(file: string, options: CheckOptions, snapshot = false): Promise<FileResult> {
  try {
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) return { file, ok: false, failure: loaded.reason };
    const result: FileResult = snapshot ? { file, ok: true, ...checkForDiff(loaded.grids, options) } : { file, ok: true, report: checkWorkbook(loaded.grids, options) };
    if (loaded.warnings) result.warnings = loaded.warnings;
    return result;
  } catch (e) {
    return { file, ok: false, failure: { code: "internal-error", detail: errorText(e) } };
  }
}
