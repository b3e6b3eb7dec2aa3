import { checkWorkbook, type CheckOptions, type WorkbookReport } from "@pmark/core";
import { errorText, type LoadFailure, type LoadWarning } from "./load/failure";
import { loadWorkbook } from "./load/workbook";

/** The outcome for one input file, in the order the user gave it. */
export type FileResult =
  | { file: string; ok: true; report: WorkbookReport; warnings?: LoadWarning[] }
  | { file: string; ok: false; failure: LoadFailure };

/** Loads (once) and checks one file. Never throws. */
export async function checkFile(file: string, options: CheckOptions): Promise<FileResult> {
  try {
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) return { file, ok: false, failure: loaded.reason };
    const report = checkWorkbook(loaded.grids, options);
    return loaded.warnings ? { file, ok: true, report, warnings: loaded.warnings } : { file, ok: true, report };
  } catch (e) {
    return { file, ok: false, failure: { code: "internal-error", detail: errorText(e) } };
  }
}
