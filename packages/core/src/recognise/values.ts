import { formulaAt, isBlank, type CellValue, type SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import type { PhaseDef } from "../profile/schema";
import { readInfoCategory } from "../read/category";
import { readCount } from "../read/count";
import { readDate } from "../read/date";
import { readLevel, readScale } from "../read/level";
import { readMedium } from "../read/medium";
import { readPhase } from "../read/phase";
import { readYesNo } from "../read/yesno";

/**
 * What the cells of a column hold, whatever its header says: the evidence a column's role is
 * chosen from together with its header (a column headed 「リスクの予想発生箇所」 that holds 取得 /
 * 移送 / 利用 is the phase column; a 「脅威」 column of sentences is no rating).
 */
export const VALUE_CLASSES = ["phase", "rating", "levelWord", "yesno", "category", "medium", "count", "date", "number", "shortText", "longText"] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

export const VALUE_CLASS_LABELS: Readonly<Record<ValueClass, LocalisedText>> = {
  phase: { ja: "局面名", en: "phase names" },
  rating: { ja: "数値の評点", en: "numeric ratings" },
  levelWord: { ja: "高・中・低などの段階", en: "level words (高/中/低, H/M/L)" },
  yesno: { ja: "有無の値", en: "yes/no values" },
  category: { ja: "個人情報の区分", en: "categories of personal information" },
  medium: { ja: "媒体", en: "media (paper/electronic)" },
  count: { ja: "件数", en: "counts" },
  date: { ja: "日付", en: "dates" },
  number: { ja: "数値", en: "numbers" },
  shortText: { ja: "短い文字列", en: "short texts" },
  longText: { ja: "文章", en: "sentences" },
};

export interface ColumnValues {
  col: number;
  /** Non-blank cells read (a bounded sample of the rows below the header). */
  cells: number;
  /** How many of those read as each class (a cell may count in several: 「3」 is a rating and a number). */
  counts: Readonly<Record<ValueClass, number>>;
  /** Cells whose value a formula gives. */
  formulas: number;
  /** Share of steps between neighbouring sampled numbers that are +1 (a row counter is 1). */
  sequence: number;
  /** The largest whole-number rating read (0 when none). */
  maxRating: number;
  /** Distinct values among the cells read. */
  distinct: number;
  /** Sampled rows with anything in them, in any column: how many rows the column could have filled. */
  rows: number;
}

/** Rows read per column: enough to tell a column's nature, bounded whatever the sheet's size. */
const SAMPLE_HEAD = 100;
const SAMPLE_SPREAD = 60;

/** The rows a column profile reads: all of a small table, else its head and an even spread. */
export function sampleRows(first: number, end: number): number[] {
  const total = end - first;
  const rows: number[] = [];
  if (total <= SAMPLE_HEAD + SAMPLE_SPREAD) {
    for (let r = first; r < end; r++) rows.push(r);
    return rows;
  }
  for (let r = first; r < first + SAMPLE_HEAD; r++) rows.push(r);
  const rest = total - SAMPLE_HEAD;
  for (let k = 0; k < SAMPLE_SPREAD; k++) rows.push(first + SAMPLE_HEAD + Math.floor(((k + 0.5) * rest) / SAMPLE_SPREAD));
  return rows;
}

/** The longest phase name, rating word, flag or medium read as one ("Transfer and transmission" is 25). */
const SHORT_WORD = 30;
/** Several categories fit in one cell (「個人情報・要配慮個人情報・特定個人情報」). */
const CATEGORY_WORDS = 40;
/** Texts this long, or with sentence punctuation, are prose rather than a label or code. */
const LONG_TEXT = 12;
const PROSE = /[、。,.;；]|\s\S+\s/;
/** A number written as text (「6」「１２」「3.5」), which a score column may hold. */
const NUMERIC_TEXT = /^[-+]?[0-9０-９]+(?:[.．][0-9０-９]+)?$/;

function classify(v: CellValue, phases: readonly PhaseDef[] | undefined, into: Record<ValueClass, number>): number | null {
  if (typeof v === "number") {
    into.number++;
    if (Number.isInteger(v) && v >= 0 && v <= 10) {
      into.rating++;
      return v;
    }
    return null;
  }
  if (typeof v === "boolean") {
    into.yesno++;
    return null;
  }
  const text = typeof v === "string" ? v.trim() : "";
  if (NUMERIC_TEXT.test(text)) into.number++;
  // Phases, ratings, flags, categories and media are short words: longer texts (names,
  // purposes, risks) are not read by those readers at all.
  let rating: number | null = null;
  if (text.length <= SHORT_WORD) {
    const phase = readPhase(text, phases);
    if (phase?.ok && phase.hint === undefined) into.phase++;
    const scale = readScale(text, 0, 10);
    if (scale?.ok) {
      into.rating++;
      rating = scale.value;
    } else if (readLevel(text)?.ok) into.levelWord++;
    if (readYesNo(text)?.ok) into.yesno++;
    if (readMedium(text)?.ok) into.medium++;
  }
  if (text.length <= CATEGORY_WORDS && readInfoCategory(text)?.ok) into.category++;
  if (/\d/.test(text)) {
    if (readCount(text)?.ok) into.count++;
    if (readDate(text)?.ok) into.date++;
  }
  if (text.length >= LONG_TEXT || PROSE.test(text)) into.longText++;
  else into.shortText++;
  return rating;
}

function emptyCounts(): Record<ValueClass, number> {
  const out = {} as Record<ValueClass, number>;
  for (const c of VALUE_CLASSES) out[c] = 0;
  return out;
}

/** The value profile of each column `0 … width-1` over the sampled rows. */
export function profileColumns(grid: SheetGrid, rows: readonly number[], width: number, phases?: readonly PhaseDef[]): ColumnValues[] {
  const out: ColumnValues[] = [];
  let filledRows = 0;
  for (const r of rows) {
    const row = grid.values[r];
    if (row && row.some((v) => !isBlank(v))) filledRows++;
  }
  for (let c = 0; c < width; c++) {
    const counts = emptyCounts();
    let cells = 0;
    let formulas = 0;
    let steps = 0;
    let ups = 0;
    let maxRating = 0;
    let previous: number | null = null;
    const seen = new Set<CellValue>();
    for (const r of rows) {
      const v = grid.values[r]?.[c];
      if (isBlank(v)) continue;
      cells++;
      seen.add(v);
      if (formulaAt(grid, r, c) !== undefined) formulas++;
      const rating = classify(v, phases, counts);
      if (rating !== null && rating > maxRating) maxRating = rating;
      if (typeof v === "number") {
        if (previous !== null) {
          steps++;
          if (v === previous + 1) ups++;
        }
        previous = v;
      } else previous = null;
    }
    out.push({ col: c, cells, counts, formulas, sequence: steps > 0 ? ups / steps : 0, maxRating, distinct: seen.size, rows: filledRows });
  }
  return out;
}

/**
 * Share of a column's cells that read as one of `classes` (0 for an empty column). Pass classes
 * that exclude each other (rating and levelWord do), or one class.
 */
export function share(values: ColumnValues, ...classes: ValueClass[]): number {
  if (values.cells === 0) return 0;
  let n = 0;
  for (const c of classes) n += values.counts[c];
  return Math.min(1, n / values.cells);
}
