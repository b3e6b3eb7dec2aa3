import { cellText, type SheetGrid } from "../grid/grid";
import { REPORT_COLUMNS } from "../plan/report-columns";
import { META_MARK } from "../templates/meta";

/**
 * The sheets the add-ins write for themselves, told apart from the user's sheets the same way
 * in every host and in the CLI (a consultant receives workbooks that carry them):
 *
 * - `report`: a findings report sheet (「チェック結果」, "Check results", any tab name), known
 *   by its header row of exactly the report's five column labels;
 * - `highlights`: the Excel add-in's very hidden store of the user's fills, by its reserved name;
 * - `template-stamp`: the hidden sheet a template records its profile version in (`_pmark`),
 *   known by its first cell. It is read for that stamp only (`template/outdated`).
 */
export type OwnSheetRole = "report" | "highlights" | "template-stamp";

/** The Excel add-in's highlight store: a reserved name, never a user's. */
export const HIGHLIGHT_STORE_SHEET = "pmark_highlights";

function isReportHeader(grid: SheetGrid): boolean {
  const first = grid.values[0];
  if (!first) return false;
  for (const lang of ["ja", "en"] as const) {
    if (REPORT_COLUMNS.every((c, i) => cellText(first[i]) === c.label[lang]) && first.slice(REPORT_COLUMNS.length).every((v) => cellText(v) === "")) return true;
  }
  return false;
}

export function ownSheetRole(grid: SheetGrid): OwnSheetRole | null {
  if (grid.name.toLowerCase() === HIGHLIGHT_STORE_SHEET) return "highlights";
  if (cellText(grid.values[0]?.[0]) === META_MARK) return "template-stamp";
  return isReportHeader(grid) ? "report" : null;
}

/**
 * What a check reads: every sheet but the add-ins' report and highlight store. The template
 * stamp stays, for `template/outdated`; `isUserSheet` keeps it out of the sheets a report lists.
 */
export function checkedSheets(grids: readonly SheetGrid[]): SheetGrid[] {
  return grids.filter((g) => {
    const role = ownSheetRole(g);
    return role === null || role === "template-stamp";
  });
}

export function isUserSheet(grid: SheetGrid): boolean {
  return ownSheetRole(grid) === null;
}
