import { a1, columnLetters, parseA1 } from "@pmark/core";

/** A 1-based rectangle on a sheet. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface CellPos {
  row: number;
  col: number;
}

/** "B2:D9", "B2" or "$B$2" → a rectangle; null when not an A1 range. */
export function parseRange(range: string): Rect | null {
  const [from, to, extra] = range.trim().split(":");
  if (from === undefined || extra !== undefined) return null;
  const start = parseA1(from);
  const end = to === undefined ? start : parseA1(to);
  if (!start || !end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return { row, col, rows: Math.abs(end.row - start.row) + 1, cols: Math.abs(end.col - start.col) + 1 };
}

export function rectA1(r: Rect): string {
  const start = a1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Every cell of an A1 range ("B2:B4" → B2, B3, B4). */
export function cellsOf(range: string): CellPos[] {
  const r = parseRange(range);
  if (!r) return [];
  const out: CellPos[] = [];
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j });
  return out;
}

export const cellKey = (p: CellPos): string => a1(p.row, p.col);

/**
 * Cells as few A1 ranges as vertical runs allow ("B2", "B3", "B4" → "B2:B4"), so that a
 * RangeList or a stored record stays short. Duplicates are dropped.
 */
export function compressCells(cells: readonly CellPos[]): string[] {
  const byCol = new Map<number, Set<number>>();
  for (const c of cells) {
    let rows = byCol.get(c.col);
    if (!rows) byCol.set(c.col, (rows = new Set()));
    rows.add(c.row);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...(byCol.get(col) ?? [])].sort((a, b) => a - b);
    let start = rows[0];
    let prev = start;
    const flush = () => {
      if (start === undefined || prev === undefined) return;
      const letters = columnLetters(col);
      out.push(start === prev ? `${letters}${start}` : `${letters}${start}:${letters}${prev}`);
    };
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i] as number;
      if (r === (prev as number) + 1) prev = r;
      else {
        flush();
        start = prev = r;
      }
    }
    flush();
  }
  return out;
}

/**
 * Bounding rectangles of scattered cells, split into row bands when one rectangle would hold
 * more than `maxCells` cells, so a read of backgrounds stays bounded in memory.
 */
export function boundingRects(cells: readonly CellPos[], maxCells = 500_000): Rect[] {
  if (cells.length === 0) return [];
  let minRow = Infinity;
  let maxRow = -Infinity;
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (const c of cells) {
    if (c.row < minRow) minRow = c.row;
    if (c.row > maxRow) maxRow = c.row;
    if (c.col < minCol) minCol = c.col;
    if (c.col > maxCol) maxCol = c.col;
  }
  const cols = maxCol - minCol + 1;
  const band = Math.max(1, Math.floor(maxCells / cols));
  const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  const rects: Rect[] = [];
  let i = 0;
  while (i < rows.length) {
    const top = rows[i] as number;
    let bottom = top;
    while (i < rows.length && (rows[i] as number) < top + band) bottom = rows[i++] as number;
    rects.push({ row: top, col: minCol, rows: bottom - top + 1, cols });
  }
  return rects;
}

/**
 * Splits a block into hole-free rectangles: one rectangle when there is no hole; otherwise
 * per column the runs of cells to write, with neighbouring columns of identical runs merged.
 * The number of rectangles grows with holes and ragged columns, not with rows.
 */
export function solidBlocks(rows: number, cols: number, isHole: (r: number, c: number) => boolean): Rect[] {
  const runsByCol: string[] = [];
  const runs: [number, number][][] = [];
  let anyHole = false;
  for (let c = 0; c < cols; c++) {
    const colRuns: [number, number][] = [];
    let start = -1;
    for (let r = 0; r < rows; r++) {
      const hole = isHole(r, c);
      if (hole) anyHole = true;
      if (!hole && start < 0) start = r;
      if ((hole || r === rows - 1) && start >= 0) {
        colRuns.push([start, hole ? r - 1 : r]);
        start = -1;
      }
    }
    runs.push(colRuns);
    runsByCol.push(colRuns.map(([a, b]) => `${a}-${b}`).join(","));
  }
  if (!anyHole) return rows > 0 && cols > 0 ? [{ row: 0, col: 0, rows, cols }] : [];
  const out: Rect[] = [];
  let c = 0;
  while (c < cols) {
    let end = c;
    while (end + 1 < cols && runsByCol[end + 1] === runsByCol[c]) end++;
    for (const [a, b] of runs[c] ?? []) out.push({ row: a, col: c, rows: b - a + 1, cols: end - c + 1 });
    c = end + 1;
  }
  return out;
}
