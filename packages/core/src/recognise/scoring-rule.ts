import { a1, formulaAt, isBlank, type SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import { readLevel } from "../read/level";
import { levelRank } from "../scoring/levels";
import { FormulaEvaluator, isError, parseFormula, referencedCells, scoreShape, unguarded, UNKNOWN_SHEET, type CellReader, type FormulaNode, type FormulaValue } from "./formula";
import type { ColumnMapping } from "./types";

/**
 * The scoring rule a risk sheet's own formulas state: how the score is formed (=E5*F5,
 * =MAX(J5:L5)) and where the level bands lie (=IF(G5>=15,"高",IF(G5>=8,"中","低"))). That is the
 * company's criterion; the checker applies it to every row instead of the profile's bands. Read
 * from the first rows below the header whose cells hold a formula of that shape.
 */

/** Where a rule was read: a 0-based cell and its formula. */
export interface RuleSource {
  row: number;
  col: number;
  formula: string;
}

export interface ScoreFormula {
  op: "mul" | "add" | "max";
  /** The input fields, in formula order. */
  fields: string[];
  at: RuleSource;
}

export interface LevelBands {
  /** The least score that is 中 and the least that is 高 (Infinity when the level never occurs). */
  medium: number;
  high: number;
  at: RuleSource;
}

export interface ScoringPair {
  score: ScoreFormula | null;
  bands: LevelBands | null;
}

export interface SheetScoringRule {
  inherent: ScoringPair;
  residual: ScoringPair;
  /** 資産価値 = MAX(機密性, 完全性, 可用性), when the sheet computes it. */
  assetValue: ScoreFormula | null;
  /** Columns whose values the sheet computes: a typed value there is typed over the rule. */
  computedCols: readonly number[];
}

/** Formulas looked at per column before giving up on a shape. */
const MAX_FORMULAS = 12;
/** The largest score a level formula is evaluated for. */
const MAX_SCORE = 1000;

const INPUT_SETS: readonly (readonly string[])[] = [
  ["likelihood", "impact"],
  ["assetValue", "threat", "vulnerability"],
  ["confidentiality", "integrity", "availability"],
];

function columnsOf(columns: readonly ColumnMapping[], field: string): number[] {
  return columns.filter((m) => m.field === field).map((m) => m.col);
}

/** The formulas down a column below the header, parsed one at a time until `use` finds its rule in one. */
function firstFormula<T>(grid: SheetGrid, col: number, from: number, to: number, use: (f: { row: number; text: string; node: FormulaNode }) => T | null): T | null {
  let tried = 0;
  for (let r = from; r < to && tried < MAX_FORMULAS; r++) {
    const text = formulaAt(grid, r, col);
    if (text === undefined) continue;
    tried++;
    const node = parseFormula(text);
    if (!node) continue;
    const found = use({ row: r, text, node });
    if (found !== null) return found;
  }
  return null;
}

/** Input columns a score formula reads, and the roles they take when no header named them. */
export interface FormulaInputs {
  score: ScoreFormula | null;
  /** Columns the formula reads that no header named, with the field they play. */
  found: { col: number; field: string; at: RuleSource }[];
}

function readScoreFormula(grid: SheetGrid, columns: readonly ColumnMapping[], scoreCols: readonly number[], from: number, to: number): FormulaInputs {
  const fieldAt = new Map(columns.map((m) => [m.col, m.field]));
  for (const col of scoreCols) {
    const read = firstFormula(grid, col, from, to, (f): FormulaInputs | null => {
      const shape = scoreShape(f.node, f.row);
      if (!shape) return null;
      const known = shape.cols.map((c) => fieldAt.get(c) ?? null);
      // The fields the formula's inputs play: the input set its known columns belong to.
      const set = INPUT_SETS.find((s0) => known.some((k) => k !== null && s0.includes(k))) ?? (shape.cols.length === 2 ? INPUT_SETS[0] : INPUT_SETS[1]);
      if (!set || shape.cols.length > set.length + 1) return null;
      const free = set.filter((f0) => !known.includes(f0));
      const at = { row: f.row, col, formula: f.text };
      const found: FormulaInputs["found"] = [];
      const fields = known.map((k, i) => {
        if (k !== null) return k;
        const field = free.shift() ?? "";
        found.push({ col: shape.cols[i] ?? -1, field, at });
        return field;
      });
      if (fields.some((x) => x === "")) return null;
      return { score: { op: shape.op, fields, at }, found };
    });
    if (read) return read;
  }
  return { score: null, found: [] };
}

/** The level a formula's result names (高/中/低, 大/中/小, H/M/L), or null. */
function levelOf(v: FormulaValue): "high" | "medium" | "low" | null {
  if (v === null || Array.isArray(v) || isError(v)) return null;
  const r = readLevel(v);
  return r && r.ok ? r.value : null;
}

/** A reader of the sheet's own cells and, by name, of the workbook's other sheets (a criteria sheet). */
function readerOf(grid: SheetGrid, workbook: readonly SheetGrid[]): CellReader {
  return (r, c, sheet) => {
    if (sheet === undefined) return grid.values[r]?.[c];
    const other = workbook.find((g) => g.name === sheet);
    return other ? other.values[r]?.[c] : UNKNOWN_SHEET;
  };
}

/**
 * The bands a level formula draws, found by evaluating it for every score from 0 up: the level
 * formula may read the score cell, or the inputs themselves through the score formula's shape.
 */
function readBands(workbook: readonly SheetGrid[], grid: SheetGrid, levelCols: readonly number[], scoreCols: readonly number[], score: ScoreFormula | null, from: number, to: number, maxScore: number): LevelBands | null {
  const read = readerOf(grid, workbook);
  for (const col of levelCols) {
    const bands = firstFormula(grid, col, from, to, (f): LevelBands | null => {
      const node = unguarded(f.node);
      const refs = referencedCells(node).filter((r) => r.row === f.row);
      if (refs.length === 0) return null;
      const readsScore = refs.every((r) => scoreCols.includes(r.col));
      let levelAt: ((s: number) => ReturnType<typeof levelOf>) | null = null;
      if (readsScore) {
        const scoreCol = refs[0]?.col ?? -1;
        levelAt = (s) => levelOf(new FormulaEvaluator((r, c, sheet) => (sheet === undefined && r === f.row && c === scoreCol ? s : read(r, c, sheet))).evaluate(node));
      } else if (score && score.op !== "max") {
        // A level computed from the inputs (=IF(E5*F5>=15,"高",…)): put the score on the first input.
        const first = refs[0]?.col ?? -1;
        const others = new Set(refs.slice(1).map((r) => r.col));
        levelAt = (s) =>
          levelOf(new FormulaEvaluator((r, c, sheet) => (sheet !== undefined ? read(r, c, sheet) : r === f.row && c === first ? s : r === f.row && others.has(c) ? (score.op === "mul" ? 1 : 0) : grid.values[r]?.[c])).evaluate(node));
      }
      if (!levelAt) return null;
      const b = bandsOf(levelAt, maxScore);
      return b ? { ...b, at: { row: f.row, col, formula: f.text } } : null;
    });
    if (bands) return bands;
  }
  return null;
}

function bandsOf(levelAt: (s: number) => ReturnType<typeof levelOf>, maxScore: number): { medium: number; high: number } | null {
  let medium = Number.POSITIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  let last = 0;
  let seen = 0;
  for (let s = 0; s <= maxScore; s++) {
    const level = levelAt(s);
    if (level === null) continue;
    const rank = levelRank(level);
    // Bands only rise with the score; a formula that does otherwise is not a band rule.
    if (rank < last) return null;
    last = rank;
    seen++;
    if (rank >= 2 && s < medium) medium = s;
    if (rank >= 3 && s < high) high = s;
  }
  if (seen === 0) return null;
  return { medium: Math.min(medium, high), high };
}

function largestStored(grid: SheetGrid, cols: readonly number[], from: number, to: number): number {
  let max = 0;
  for (const c of cols) {
    for (let r = from; r < to; r++) {
      const v = grid.values[r]?.[c];
      if (typeof v === "number" && Number.isFinite(v) && v > max) max = v;
    }
  }
  return max;
}

/**
 * Reads the rule from the formulas below `headerRow`, and the columns it reveals: a score formula
 * reading a column no header named gives that column the input's role.
 */
export function readScoringRule(grid: SheetGrid, columns: readonly ColumnMapping[], headerRow: number, rows: number, workbook: readonly SheetGrid[] = []): { rule: SheetScoringRule | null; found: FormulaInputs["found"] } {
  const from = headerRow + 1;
  const to = rows;
  const found: FormulaInputs["found"] = [];
  const pair = (scoreField: string, levelField: string): ScoringPair => {
    const scoreCols = columnsOf(columns, scoreField);
    const read = readScoreFormula(grid, columns, scoreCols, from, to);
    for (const f of read.found) if (!found.some((x) => x.col === f.col)) found.push(f);
    const maxScore = Math.min(MAX_SCORE, Math.max(27, Math.ceil(largestStored(grid, scoreCols, from, Math.min(to, from + 2000))) + 1));
    return { score: read.score, bands: readBands(workbook, grid, columnsOf(columns, levelField), scoreCols, read.score, from, to, maxScore) };
  };
  const inherent = pair("score", "level");
  const residual = pair("residualScore", "residualLevel");
  const asset = readScoreFormula(grid, columns, columnsOf(columns, "assetValue"), from, to).score;
  const assetValue = asset && asset.op === "max" ? asset : null;
  const computedCols: number[] = [];
  for (const x of [inherent.score, inherent.bands, residual.score, residual.bands, assetValue]) if (x !== null) computedCols.push(x.at.col);
  if (computedCols.length === 0) return { rule: null, found };
  return { rule: { inherent, residual, assetValue, computedCols }, found };
}

/** Where a rule came from, in the user's words: 「G5の数式」. */
export function sourceText(at: RuleSource): LocalisedText {
  const cell = a1(at.row + 1, at.col + 1);
  return { ja: `${cell}の数式 ${at.formula}`, en: `the formula in ${cell}: ${at.formula}` };
}

/** Whether a cell of a computed column was typed over (a value where the column's rule is a formula). */
export function typedOver(grid: SheetGrid, row: number, col: number): boolean {
  return !isBlank(grid.values[row]?.[col]) && formulaAt(grid, row, col) === undefined;
}
