import { RATING_FIELDS } from "../glossary/fields";
import { cellText, type SheetGrid } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import type { ColumnMapping, SkippedRow } from "./types";

/**
 * The rating scale a sheet states in its own words: in a rating column's header
 * (「発生可能性(1～3)」), in a legend row under the header (「(1～4)」), or in a note or the title
 * block (「※発生可能性・影響度は1～3の3段階」). A stated scale is the sheet's rule: a value off it is
 * an invalid entry, however the other values run.
 */
export interface StatedScale {
  min: number;
  max: number;
  /** 0-based cell the scale was read from. */
  row: number;
  col: number;
}

/** Words that say a note is about the ratings. */
const RATING_WORDS = /発生可能性|発生頻度|頻度|可能性|影響度|影響|被害|重要度|脅威|脆弱性|評価|評点|likelihood|impact|rating|scale/i;
const RANGE = /([0-9]{1,2})\s*[～~〜\-－―ー]\s*([0-9]{1,2})/;
const STEPS = /([0-9]{1,2})\s*段階/;

function scaleIn(text: string): { min: number; max: number } | null {
  const t = nfkc(text);
  const range = RANGE.exec(t);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if ((min === 0 || min === 1) && max >= 2 && max <= 10) return { min, max };
  }
  const steps = STEPS.exec(t);
  if (steps) {
    const n = Number(steps[1]);
    if (n >= 2 && n <= 10) return { min: 1, max: n };
  }
  return null;
}

export function statedScale(grid: SheetGrid, headerRows: readonly number[], columns: readonly ColumnMapping[], skipped: readonly SkippedRow[]): StatedScale | null {
  const ratingCols = columns.filter((m) => RATING_FIELDS.has(m.field)).map((m) => m.col);
  if (ratingCols.length === 0) return null;
  const at = (row: number, col: number): StatedScale | null => {
    const s = scaleIn(cellText(grid.values[row]?.[col]));
    return s ? { ...s, row, col } : null;
  };
  // A rating column's own header, or a legend under it.
  const legends = skipped.filter((s) => s.role === "subHeading").map((s) => s.row);
  for (const row of [...headerRows, ...legends]) {
    for (const col of ratingCols) {
      const found = at(row, col);
      if (found) return found;
    }
  }
  // A note about the ratings, below the table or in the title block above it.
  const notes = skipped.filter((s) => s.role === "note").map((s) => s.row);
  const title: number[] = [];
  for (let r = 0; r < (headerRows[0] ?? 0); r++) title.push(r);
  for (const row of [...notes, ...title]) {
    const cells = grid.values[row] ?? [];
    for (let col = 0; col < cells.length; col++) {
      const text = cellText(cells[col]);
      if (text === "" || !RATING_WORDS.test(text)) continue;
      const found = at(row, col);
      if (found) return found;
    }
  }
  return null;
}
