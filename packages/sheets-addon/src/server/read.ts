import type { CellValue, MergedRange, SheetGrid } from "@pmark/core";
import { parseRange } from "@pmark/core";
import type { SheetPort, SpreadsheetPort } from "../gas/ports";
import { dateToSerial, type DateToSerial } from "./dates";

/**
 * Reading a spreadsheet into core's SheetGrids: per sheet a fixed number of service calls
 * (size, values, formulas, merges), never one per cell, so the cost in round trips does not
 * grow with the number of rows.
 */

/** Header recognition looks at the top 40 rows (and the row above a header): merges below do not matter. */
const HEADER_AREA_ROWS = 41;

export interface ReadLimits {
  /** Cells (values and formulas read together) one run may read and check. */
  maxCells: number;
  /** Stop reading further sheets once this much time has passed since `startedAt`. */
  readDeadlineMs: number;
  startedAt: number;
  now: () => number;
}

/**
 * Measured shape of the budget: Apps Script stops a run after 6 minutes. Reading costs about
 * 1–3 s per 100,000 cells (values and formulas) and checking a similar amount in V8, so two
 * million cells stay well inside the limit with room for the reply; reading stops at 4 minutes
 * whatever the estimate said, leaving time to check what was read.
 */
/** Cells one call of a continued read returns to the sidebar: a reply of a few megabytes at most. */
export const PART_CELLS = 400_000;

export const DEFAULT_LIMITS: Omit<ReadLimits, "startedAt" | "now"> = {
  maxCells: 2_000_000,
  readDeadlineMs: 240_000,
};

export interface SkippedSheet {
  name: string;
  cells: number;
  reason: "size" | "time";
}

export interface ReadOutcome {
  grids: SheetGrid[];
  /** The Sheet objects in the order of `grids`, for writing back. */
  sheets: SheetPort[];
  skipped: SkippedSheet[];
  /** Cells of every sheet, read or not. */
  totalCells: number;
  /** The spreadsheet's time zone (dates were read in it). */
  timeZone: string;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export function cellFromGas(v: unknown, toSerial: DateToSerial): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (isDate(v)) return toSerial(v);
  return String(v);
}

/** "B2:C3" → 0-based inclusive corners; a single cell "B2" too. */
export function mergedFromA1(a1: string): MergedRange | null {
  const r = parseRange(a1.replace(/^.*!/, ""));
  return r && { startRow: r.top - 1, startCol: r.left - 1, endRow: r.bottom - 1, endCol: r.right - 1 };
}

/**
 * Where merged areas are read: near the header only (what recognition needs; a fixed number of
 * calls), or everywhere (what a plan that writes into existing sheets must know, so it is never
 * refused half-way; one call per merged area).
 */
export type MergeScope = "header" | "all";

/** Rows `top`..`top + count - 1` (1-based) of a sheet: values and formulas in two calls. */
export function readRows(sheet: SheetPort, top: number, count: number, cols: number, toSerial: DateToSerial): { values: CellValue[][]; formulas: (string | null)[][] | null } {
  const range = sheet.getRange(top, 1, count, cols);
  const raw = range.getValues();
  const rawFormulas = range.getFormulas();
  const values: CellValue[][] = new Array<CellValue[]>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const src = raw[r] ?? [];
    const row: CellValue[] = new Array<CellValue>(src.length);
    for (let c = 0; c < src.length; c++) row[c] = cellFromGas(src[c], toSerial);
    values[r] = row;
  }
  let anyFormula = false;
  const formulas: (string | null)[][] = new Array<(string | null)[]>(rawFormulas.length);
  for (let r = 0; r < rawFormulas.length; r++) {
    const src = rawFormulas[r] ?? [];
    const row: (string | null)[] = new Array<string | null>(src.length);
    for (let c = 0; c < src.length; c++) {
      const f = src[c];
      if (typeof f === "string" && f !== "") {
        row[c] = f;
        anyFormula = true;
      } else row[c] = null;
    }
    formulas[r] = row;
  }
  return { values, formulas: anyFormula ? formulas : null };
}

/**
 * The merged areas recognition needs: whether the sheet has any, and where they are near the
 * header (or everywhere, for plans that write into the sheet).
 */
export function readMerges(sheet: SheetPort, rows: number, cols: number, mergeScope: MergeScope): MergedRange[] | null {
  const all = sheet.getRange(1, 1, rows, cols).getMergedRanges();
  if (all.length === 0) return null;
  const areas = mergeScope === "all" ? all : sheet.getRange(1, 1, Math.min(rows, HEADER_AREA_ROWS), cols).getMergedRanges();
  const merges: MergedRange[] = [];
  for (const m of areas) {
    const mr = mergedFromA1(m.getA1Notation());
    if (mr) merges.push(mr);
  }
  return merges;
}

/** One sheet in a fixed number of calls: size, values, formulas, and merges. */
export function readSheet(sheet: SheetPort, name: string, rows: number, cols: number, toSerial: DateToSerial, mergeScope: MergeScope = "header"): SheetGrid {
  if (rows === 0 || cols === 0) return { name, values: [] };
  const { values, formulas } = readRows(sheet, 1, rows, cols, toSerial);
  const grid: { name: string; values: CellValue[][]; formulas?: (string | null)[][]; merges?: MergedRange[] } = { name, values };
  if (formulas) grid.formulas = formulas;
  // Whether the sheet has merges at all matters to recognition; where they are matters only
  // near the header. Positions are read for the header area alone, so the calls do not grow
  // with merged blocks further down (one per item in many risk sheets).
  const merges = readMerges(sheet, rows, cols, mergeScope);
  if (merges) grid.merges = merges;
  return grid;
}

/**
 * Every sheet, in tab order, within the limits: a sheet that would take the run past the cell
 * budget is skipped (smaller ones after it are still read), and once the read deadline has
 * passed the remaining sheets are skipped. Skipped sheets are reported, never dropped silently.
 */
export function readWorkbook(ss: SpreadsheetPort, limits: ReadLimits, mergeScope: MergeScope = "header"): ReadOutcome {
  const timeZone = ss.getSpreadsheetTimeZone();
  const toSerial = dateToSerial(timeZone);
  const all = ss.getSheets();
  const sized = all.map((sheet) => {
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    return { sheet, name: sheet.getName(), rows, cols, cells: rows * cols };
  });
  const totalCells = sized.reduce((n, s) => n + s.cells, 0);
  const out: ReadOutcome = { grids: [], sheets: [], skipped: [], totalCells, timeZone };
  let budget = limits.maxCells;
  let timedOut = false;
  for (const s of sized) {
    if (!timedOut && limits.now() - limits.startedAt > limits.readDeadlineMs) timedOut = true;
    if (timedOut) {
      out.skipped.push({ name: s.name, cells: s.cells, reason: "time" });
      continue;
    }
    if (s.cells > budget) {
      out.skipped.push({ name: s.name, cells: s.cells, reason: "size" });
      continue;
    }
    budget -= s.cells;
    out.grids.push(readSheet(s.sheet, s.name, s.rows, s.cols, toSerial, mergeScope));
    out.sheets.push(s.sheet);
  }
  return out;
}

/** Where a continued read goes on: a sheet (its index in tab order) and a row in it (1-based). */
export interface ReadCursor {
  sheet: number;
  row: number;
}

/** A run of rows of one sheet, as a continued read hands them to the sidebar. */
export interface SheetPiece {
  name: string;
  /** 1-based first row. */
  top: number;
  values: CellValue[][];
  formulas?: (string | null)[][];
  /** With the sheet's first piece. */
  merges?: MergedRange[];
}

export interface ReadPart {
  pieces: SheetPiece[];
  /** Where the next call goes on; null when every sheet has been read. */
  next: ReadCursor | null;
  /** Sheets in the spreadsheet, and those read to the end so far. */
  total: number;
  done: number;
  timeZone: string;
}

/**
 * One call's share of a read that goes on over several calls (the sidebar's "check the
 * remaining sheets"): from `cursor`, whole sheets or runs of rows, until `maxCells` cells or the
 * read deadline. Each call is a fresh execution with its own time limit, so nothing is too large
 * to read in the end; the sidebar puts the pieces together and checks them.
 */
export function readPart(ss: SpreadsheetPort, cursor: ReadCursor, limits: ReadLimits): ReadPart {
  const timeZone = ss.getSpreadsheetTimeZone();
  const toSerial = dateToSerial(timeZone);
  const all = ss.getSheets();
  const pieces: SheetPiece[] = [];
  let left = limits.maxCells;
  let at: ReadCursor | null = { sheet: Math.max(0, cursor.sheet), row: Math.max(1, cursor.row) };
  while (at && at.sheet < all.length) {
    if (pieces.length > 0 && (left <= 0 || limits.now() - limits.startedAt > limits.readDeadlineMs)) break;
    const sheet = all[at.sheet] as SheetPort;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    if (rows === 0 || cols === 0 || at.row > rows) {
      if (at.row === 1) pieces.push({ name: sheet.getName(), top: 1, values: [] });
      at = { sheet: at.sheet + 1, row: 1 };
      continue;
    }
    const count = Math.max(1, Math.min(rows - at.row + 1, Math.floor(left / cols)));
    const { values, formulas } = readRows(sheet, at.row, count, cols, toSerial);
    const piece: SheetPiece = { name: sheet.getName(), top: at.row, values, ...(formulas ? { formulas } : {}) };
    if (at.row === 1) {
      const merges = readMerges(sheet, rows, cols, "header");
      if (merges) piece.merges = merges;
    }
    pieces.push(piece);
    left -= count * cols;
    at = at.row + count > rows ? { sheet: at.sheet + 1, row: 1 } : { sheet: at.sheet, row: at.row + count };
  }
  const next = at && at.sheet < all.length ? at : null;
  return { pieces, next, total: all.length, done: next ? next.sheet : all.length, timeZone };
}
