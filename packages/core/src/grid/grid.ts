/**
 * SheetGrid: one worksheet's cells as the host read them, in one batch.
 *
 * Rows and columns are 0-based in the arrays and 1-based in every address and finding,
 * as users see them. Dates arrive as Excel serial numbers (hosts convert Date objects);
 * blanks are null or "". Rows may be ragged: a missing cell is blank.
 */
export type CellValue = string | number | boolean | null | undefined;

export interface MergedRange {
  /** 0-based, inclusive. */
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface SheetGrid {
  name: string;
  values: readonly (readonly CellValue[])[];
  /** Formula text per cell ("=A1*B1") where the host has it; null or "" for constants. */
  formulas?: readonly (readonly (string | null | undefined)[])[];
  /** Merged areas, when the host can report them (header recognition works without). */
  merges?: readonly MergedRange[];
}

const A_CODE = 65;

/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = Math.floor(col);
  if (n < 1) return "A";
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(A_CODE + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to 1-based column number: A → 1, AA → 27. Returns 0 for invalid input. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0) - A_CODE + 1;
    if (code < 1 || code > 26) return 0;
    n = n * 26 + code;
  }
  return n;
}

/** 1-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${Math.max(1, Math.floor(row))}`;
}

/** Parses "B7" (optionally "$B$7") into 1-based row/col; null when not an A1 cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const col = columnNumber(m[1]);
  if (col === 0) return null;
  return { row: Number(m[2]), col };
}

/** Value at 0-based (r, c); undefined outside ragged rows. */
export function cellAt(grid: SheetGrid, r: number, c: number): CellValue {
  const row = grid.values[r];
  return row === undefined ? undefined : row[c];
}

/** Formula text at 0-based (r, c), or undefined when the host gave none. */
export function formulaAt(grid: SheetGrid, r: number, c: number): string | undefined {
  const f = grid.formulas?.[r]?.[c];
  return typeof f === "string" && f.startsWith("=") ? f : undefined;
}

export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Most texts start with a letter: no need to trim them to see they are not blank.
  return v.length === 0 || (isTrimSpace(v.charCodeAt(0)) && v.trim() === "");
}

/** Whether `String.prototype.trim` removes this UTF-16 code unit (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Number of rows and the widest row (ragged rows allowed). */
export function gridSize(grid: SheetGrid): { rows: number; cols: number } {
  let cols = 0;
  for (const row of grid.values) if (row.length > cols) cols = row.length;
  return { rows: grid.values.length, cols };
}

/** Cell value as trimmed display text ("" for blank). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // A text with no space at either end is its own trimmed text (the trim would copy nothing).
    const n = v.length;
    return n > 0 && !isTrimSpace(v.charCodeAt(0)) && !isTrimSpace(v.charCodeAt(n - 1)) ? v : v.trim();
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
