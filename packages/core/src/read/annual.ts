import { nfkc } from "../glossary/normalise";
import type { RecognisedSheet } from "../recognise/sheet";
import { addMonths } from "./date";
import { dateOf, fieldCell, nameKey, type FieldCell } from "../model/records";

/**
 * Helpers shared by the rules on the yearly PMS records (contractor register, laws list,
 * training, internal audit, management review): keys for people and departments written in
 * different sheets, the "within the interval" test, and the latest dated row of a sheet.
 */

/** Longest text the keyword and matching helpers look at: real cells are short, pastes are not. */
export const SCAN_LIMIT = 500;

/** The first SCAN_LIMIT characters of a cell, NFKC-folded. */
export function scanText(text: string): string {
  return nfkc(text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text);
}

/**
 * A department as written in several sheets: width, spaces and brackets folded, and 「部門」
 * read as 「部」 (人事部門 = 人事部). 「人事部」 and 「人事課」 stay different departments.
 */
export function departmentKey(text: string): string {
  return nameKey(scanText(text)).replace(/部門$/, "部");
}

/** A person's name as written in several sheets: width and every space folded (山田 太郎 = 山田太郎). */
export function personKey(text: string): string {
  return nameKey(scanText(text));
}

/** Words that cover every department at once in an audit plan. */
const WHOLE_COMPANY = /^(?:全部門|全部署|全社|全社共通|全組織|全事業所|全体|alldepartments|all|company-?wide|wholecompany)$/i;

export function coversWholeCompany(text: string): boolean {
  return WHOLE_COMPANY.test(nameKey(scanText(text)));
}

/** Several names or departments in one cell: 「人事部・総務部」「山田、佐藤」「A / B」. */
export function splitNames(text: string): string[] {
  return scanText(text)
    .split(/[、,，;；/／\n\r・&＆]|\s{2,}|及び|および/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Done within the interval, with the boundary of ledger/review-overdue: done on D, due again
 * on D + months, overdue from the day after.
 */
export function withinInterval(serial: number, months: number, today: number): boolean {
  return addMonths(serial, months) >= today;
}

export interface DatedRow {
  row: number;
  cell: FieldCell;
  serial: number;
}

/** Every data row of a sheet with a readable date in `field`, and the latest of them. */
export function datedRows(sheet: RecognisedSheet, field: string): { rows: DatedRow[]; latest: DatedRow | null } {
  const rows: DatedRow[] = [];
  let latest: DatedRow | null = null;
  for (const r of sheet.dataRows) {
    const cell = fieldCell(sheet, r, field);
    const serial = dateOf(cell);
    if (serial === null) continue;
    const d = { row: r, cell, serial };
    rows.push(d);
    if (!latest || serial > latest.serial || (serial === latest.serial && r > latest.row)) latest = d;
  }
  return { rows, latest };
}

/** Where a finding about a whole sheet points: the header cell of `field`, else the first header cell. */
export function headerAt(sheet: RecognisedSheet, field?: string): { sheet: string; row: number; col: number } {
  const col = (field ? sheet.byField.get(field)?.[0]?.col : undefined) ?? sheet.columns[0]?.col ?? 0;
  return { sheet: sheet.name, row: Math.max(0, sheet.headerRow), col };
}
