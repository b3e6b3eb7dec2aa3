import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { compact, fail, hasFullWidthDigit, ok, prepare, stripBrackets, readByText, type ReadResult } from "./result";

export type Level = "high" | "medium" | "low";

/** Three-step ratings seen in risk sheets (影響度・発生可能性・リスク評価), normalised. */
const LEVEL_WORDS: Record<Level, readonly string[]> = {
  high: ["高", "高い", "大", "大きい", "高リスク", "高程度", "h", "high", "3"],
  medium: ["中", "中程度", "中リスク", "m", "medium", "mid", "middle", "2"],
  low: ["低", "低い", "小", "小さい", "低リスク", "低程度", "l", "low", "1"],
};

const LEVELS = new Map<string, Level>(
  (Object.keys(LEVEL_WORDS) as Level[]).flatMap((level) => LEVEL_WORDS[level].map((w) => [w, level] as const)),
);

/** Contents of parenthesised notes after NFKC: 「3(高)」 → 「高」. */
const NOTE = /\(([^()]*)\)/g;

/**
 * Reads a three-step level: 高/中/低, 大/中/小, H/M/L, High/Medium/Low, 高リスク, 中程度, and
 * 3/2/1. A note that is itself a level must agree: 「3(高)」 and 「高(3)」 are high, 「3(低)」 is
 * not a level. Letter grades (A/B/C) are not read: their direction differs between companies.
 */
export function readLevel(v: CellValue): ReadResult<Level> | null {
  return readByText("level", v, readLevelOnce, undefined);
}

function readLevelOnce(v: CellValue): ReadResult<Level> | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number": {
      const level = LEVELS.get(String(cell.value));
      if (level) return ok(level);
      return Number.isInteger(cell.value) ? fail("範囲外") : fail();
    }
    case "boolean":
    case "tooLong":
      return fail();
    case "text": {
      const s = compact(nfkc(cell.text).toLowerCase());
      const level = LEVELS.get(stripBrackets(s));
      if (!level) return fail();
      for (const note of s.matchAll(NOTE)) {
        const noted = LEVELS.get(note[1] ?? "");
        if (noted && noted !== level) return fail();
      }
      return ok(level, hasFullWidthDigit(cell.text) ? "全角数字" : undefined);
    }
  }
}

function inRange(n: number, min: number, max: number, hint?: string): ReadResult<number> {
  if (!Number.isInteger(n)) return NOT_READ;
  if (n < min || n > max) return OUT_OF_RANGE;
  if (hint === undefined && n >= 0 && n < SMALL.length) return SMALL[n] as ReadResult<number>;
  return ok(n + 0, hint); // + 0 turns -0 into 0
}

// Ratings and scores are mostly small whole numbers read on every row by several rules: their
// results are shared, frozen objects (as TextMemo's are), so reading one allocates nothing.
const SMALL: readonly ReadResult<number>[] = Array.from({ length: 101 }, (_, n) => Object.freeze(ok(n)));
const NOT_READ: ReadResult<number> = Object.freeze(fail());
const OUT_OF_RANGE: ReadResult<number> = Object.freeze(fail("範囲外"));

/**
 * Reads an integer rating on a min..max scale (発生可能性 1–3, 影響度 1–5): numbers, numeric text
 * (full-width too) and text holding exactly one number, such as 「3(高)」, 「高(3)」 or 「3点」.
 * Out of range: hint 「範囲外」. Non-integers and text with several numbers are not a rating.
 */
export function readScale(v: CellValue, min: number, max: number): ReadResult<number> | null {
  if (typeof v === "number") return Number.isFinite(min) && Number.isFinite(max) && min <= max ? inRange(v, min, max) : NOT_READ;
  return readScaleOnce(v, { min, max });
}

function readScaleOnce(v: CellValue, { min, max }: { min: number; max: number }): ReadResult<number> | null {
  const cell = prepare(v);
  if (cell.kind === "blank") return null;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return fail();
  switch (cell.kind) {
    case "number":
      return inRange(cell.value, min, max);
    case "boolean":
    case "tooLong":
      return fail();
    case "text": {
      const numbers = nfkc(cell.text).match(/-?\d+(?:\.\d+)?/g);
      if (!numbers || numbers.length !== 1) return fail();
      return inRange(Number(numbers[0]), min, max, hasFullWidthDigit(cell.text) ? "全角数字" : undefined);
    }
  }
}

const SCORE_TEXT = /^(-?)(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:点|pt|pts|ポイント)?$/;

/**
 * Reads a score (リスク値 = 影響度 × 発生可能性, etc.): a finite non-negative number, from a
 * number or from text such as 「6」, 「６」, 「6点」, 「12.5」. Negative: hint 「範囲外」.
 */
export function readScore(v: CellValue): ReadResult<number> | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      if (!Number.isFinite(cell.value)) return NOT_READ;
      if (cell.value < 0) return OUT_OF_RANGE;
      if (Number.isInteger(cell.value) && cell.value < SMALL.length) return SMALL[cell.value] as ReadResult<number>;
      return ok(cell.value + 0);
    case "boolean":
    case "tooLong":
      return fail();
    case "text": {
      const m = SCORE_TEXT.exec(compact(nfkc(cell.text).toLowerCase()));
      if (!m) return fail();
      const n = Number((m[2] ?? "").replace(/,/g, ""));
      if (!Number.isFinite(n)) return fail();
      if (m[1] === "-" && n !== 0) return fail("範囲外");
      return ok(n, hasFullWidthDigit(cell.text) ? "全角数字" : undefined);
    }
  }
}
