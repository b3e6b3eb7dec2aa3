import { cellsOf, parseRange, rectAddress, textCell, type CellValue, type Rect } from "@pmark/core";

/**
 * Bookkeeping of the add-in's highlights, kept in the workbook itself (a very hidden sheet) so
 * that Clear restores the user's own fills exactly, also after the workbook was closed and
 * opened again. One row per painted rectangle: sheet, rectangle, colour painted, and the fills
 * the cells had before, run-length encoded (most cells had none).
 */

export const HIGHLIGHT_SHEET = "pmark_highlights";

/** A cell's fill as getCellProperties reports it; `color: null` means no fill. */
export interface FillState {
  color: string | null;
  pattern?: string;
  patternColor?: string;
}

export interface HighlightRecord {
  sheet: string;
  rect: Rect;
  painted: string;
  /** One state per cell of `rect`, row by row. */
  original: FillState[];
}

/** Fill of a cell from getCellProperties' `format.fill`: no fill when the pattern is None. */
export function fillStateOf(fill: { color?: string; pattern?: string; patternColor?: string } | undefined): FillState {
  if (!fill || fill.pattern === "None" || fill.color === undefined) return { color: null };
  const state: FillState = { color: fill.color.toUpperCase() };
  if (fill.pattern && fill.pattern !== "Solid") {
    state.pattern = fill.pattern;
    if (fill.patternColor) state.patternColor = fill.patternColor.toUpperCase();
  }
  return state;
}

export function sameFill(a: FillState, b: FillState): boolean {
  return a.color === b.color && (a.pattern ?? "Solid") === (b.pattern ?? "Solid") && (a.patternColor ?? "") === (b.patternColor ?? "");
}

function token(s: FillState): string {
  if (s.color === null) return "";
  return s.pattern ? `${s.color}|${s.pattern}|${s.patternColor ?? ""}` : s.color;
}

function fromToken(t: string): FillState {
  if (t === "") return { color: null };
  const [color, pattern, patternColor] = t.split("|");
  const s: FillState = { color: color ?? null };
  if (pattern) s.pattern = pattern;
  if (patternColor) s.patternColor = patternColor;
  return s;
}

/** "token*count;token*count": the states of a rectangle, row by row. */
export function encodeFills(states: readonly FillState[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < states.length) {
    const t = token(states[i] as FillState);
    let n = 1;
    while (i + n < states.length && token(states[i + n] as FillState) === t) n++;
    runs.push(`${t}*${n}`);
    i += n;
  }
  return runs.join(";");
}

export function decodeFills(text: string): FillState[] {
  const out: FillState[] = [];
  if (text === "") return out;
  for (const run of text.split(";")) {
    const star = run.lastIndexOf("*");
    const n = Number(run.slice(star + 1));
    if (star < 0 || !Number.isInteger(n) || n < 0) throw new Error(`bad highlight record: ${run}`);
    const state = fromToken(run.slice(0, star));
    for (let k = 0; k < n; k++) out.push(state);
  }
  return out;
}

/** The rows of the bookkeeping sheet (all text, behind the text prefix). */
export function recordsToRows(records: readonly HighlightRecord[]): CellValue[][] {
  return records.map((r) => [textCell(r.sheet), textCell(rectAddress(r.rect)), textCell(r.painted), textCell(encodeFills(r.original))]);
}

/** Records read back from the bookkeeping sheet's values; malformed rows are dropped. */
export function rowsToRecords(rows: readonly (readonly CellValue[])[]): HighlightRecord[] {
  const out: HighlightRecord[] = [];
  for (const row of rows) {
    const [sheet, address, painted, fills] = row.map((v) => (v === null || v === undefined ? "" : String(v)));
    const rect = parseRange(address ?? "");
    if (!sheet || !rect || !painted) continue;
    try {
      const original = decodeFills(fills ?? "");
      if (original.length !== (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1)) continue;
      out.push({ sheet, rect, painted, original });
    } catch {
      continue;
    }
  }
  return out;
}

/** Per-cell view of records: "sheet\0A1" → the original fill and painted colour. */
export function recordCells(records: readonly HighlightRecord[]): Map<string, { sheet: string; row: number; col: number; original: FillState; painted: string }> {
  const out = new Map<string, { sheet: string; row: number; col: number; original: FillState; painted: string }>();
  for (const r of records) {
    let i = 0;
    for (const c of cellsOf(r.rect)) {
      out.set(`${r.sheet}\u0000${c.row}:${c.col}`, { sheet: r.sheet, row: c.row, col: c.col, original: r.original[i++] as FillState, painted: r.painted });
    }
  }
  return out;
}

/** Cells of an encoded run longer than this are split into several rows (Excel cells hold 32,767 characters). */
export const MAX_RECORD_TEXT = 30_000;

/** Splits records whose encoding would not fit in one cell, by rows of the rectangle. */
export function splitLargeRecords(records: readonly HighlightRecord[]): HighlightRecord[] {
  const out: HighlightRecord[] = [];
  for (const r of records) {
    const text = encodeFills(r.original);
    const rows = r.rect.bottom - r.rect.top + 1;
    if (text.length <= MAX_RECORD_TEXT || rows === 1) {
      out.push(r);
      continue;
    }
    const width = r.rect.right - r.rect.left + 1;
    const half = Math.floor(rows / 2);
    const halves = splitLargeRecords([
      { ...r, rect: { ...r.rect, bottom: r.rect.top + half - 1 }, original: r.original.slice(0, half * width) },
      { ...r, rect: { ...r.rect, top: r.rect.top + half }, original: r.original.slice(half * width) },
    ]);
    for (const h of halves) out.push(h);
  }
  return out;
}
