import { a1, cellText, columnLetters, parseA1, type CellValue } from "../grid/grid";

/**
 * Cell-level helpers shared by the plan builders and the hosts: text that stays text, and
 * rectangles of cells (highlights are painted and restored per rectangle, never per cell).
 */

/** The text prefix Excel and Google Sheets both understand: the cell stores what follows it. */
export const TEXT_PREFIX = "'";

/**
 * A string as a plan writes it: always behind the text prefix, so that 「=1+1」, 「-分析」,
 * 「@x」, 「2024/4/1」 or 「00123」 stay exactly the text they are (never a formula, a date or
 * a number), whatever the host.
 */
export function textCell(text: string): string {
  return TEXT_PREFIX + text;
}

/** Characters that make a spreadsheet read a typed or written string as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** True when a raw string written to a cell would be taken for a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A host's last line of defence for a `values` op written by any builder: a string that would
 * start a formula gets the text prefix; strings already behind it, and non-strings, pass as is.
 */
export function guardText(v: CellValue): CellValue {
  return typeof v === "string" && startsLikeFormula(v) ? TEXT_PREFIX + v : v;
}

/** What the cell holds after `v` is written: the text prefix is not part of the value. */
export function storedValue(v: CellValue): CellValue {
  return typeof v === "string" && v.startsWith(TEXT_PREFIX) ? v.slice(TEXT_PREFIX.length) : v;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectAddress(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** "C5", "B2:D9", "$B$2:$D$9" → a rectangle; whole rows/columns and sheet-qualified names are not accepted. */
export function parseRange(address: string): Rect | null {
  const parts = address.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parseA1(parts[0] ?? "");
  const b = parts.length === 2 ? parseA1(parts[1] ?? "") : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rectSize(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The smallest rectangle holding every given rectangle. */
export function boundingRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const out = { ...(rects[0] as Rect) };
  for (const r of rects) {
    out.top = Math.min(out.top, r.top);
    out.left = Math.min(out.left, r.left);
    out.bottom = Math.max(out.bottom, r.bottom);
    out.right = Math.max(out.right, r.right);
  }
  return out;
}

/**
 * Merges cells into rectangles: horizontal runs per row first, then runs with the same columns
 * on consecutive rows. Exact (no cell outside the input), deterministic, and far fewer areas
 * than cells for the column-shaped findings sheets produce.
 */
export function rectanglesOf(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let set = byRow.get(row);
    if (!set) byRow.set(row, (set = new Set()));
    set.add(col);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const row of rows) {
    const cols = [...(byRow.get(row) ?? [])].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    let i = 0;
    while (i < cols.length) {
      const left = cols[i] as number;
      let right = left;
      while (i + 1 < cols.length && cols[i + 1] === right + 1) right = cols[++i] as number;
      i++;
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, { top: row, left, bottom: row, right });
      }
    }
    for (const r of open.values()) done.push(r);
    open = next;
  }
  for (const r of open.values()) done.push(r);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Every cell of a rectangle, row by row. */
export function* cellsOf(r: Rect): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

/** A column's letters for a 1-based column; re-exported for builders. */
export { columnLetters };

/** Two cell values hold the same content as a user would see it. */
export function sameContent(a: CellValue, b: CellValue): boolean {
  return cellText(a) === cellText(b);
}
