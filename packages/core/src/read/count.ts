import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { compact, fail, hasFullWidthDigit, isDashOnly, ok, prepare, removeBracketed, type ReadResult, readByText } from "./result";

/**
 * A number of records (件数). An exact count has min === max; an open range such as 「3,000件以上」
 * has max = Infinity. `approximate` is true whenever the cell does not state a single exact
 * number: an approximation marker (約, 程度, 数百…), a range, or an open bound.
 */
export interface CountValue {
  min: number;
  max: number;
  approximate: boolean;
}

type Bound = "atLeast" | "over" | "atMost" | "under";

type Token =
  | { t: "num"; text: string }
  | { t: "mult"; n: number }
  | { t: "rough" } // 数 as in 数百
  | { t: "pre" } // 約
  | { t: "post" } // 程度
  | { t: "bound"; bound: Bound }
  | { t: "unit" }
  | { t: "sep"; tilde: boolean };

const word = (token: Token, ...spellings: string[]): [string, Token][] => spellings.map((s) => [s, token]);

/** Every word the count grammar knows, longest first so that 「人分」 wins over 「人」. */
const WORDS: readonly [string, Token][] = [
  ...word({ t: "pre" }, "約", "概数", "概算", "およそ", "おおよそ", "凡そ", "概ね", "おおむね", "大体", "だいたい", "推定", "approx.", "approx", "ca.", "about"),
  ...word({ t: "post" }, "程度", "前後", "くらい", "ぐらい", "位", "ほど", "強", "弱", "余り", "余"),
  ...word({ t: "bound", bound: "atLeast" }, "以上", "+"),
  ...word({ t: "bound", bound: "over" }, "超"),
  ...word({ t: "bound", bound: "atMost" }, "以下"),
  ...word({ t: "bound", bound: "under" }, "未満"),
  ...word({ t: "unit" }, "件分", "名分", "人分", "件", "名", "人", "枚", "通", "レコード", "records", "record"),
  ...word({ t: "sep", tilde: true }, "〜", "~", "から"),
  ...word({ t: "sep", tilde: false }, "-", "‐", "‑", "–", "—", "―", "−", "ー"),
  ...word({ t: "mult", n: 10 }, "十"),
  ...word({ t: "mult", n: 100 }, "百"),
  ...word({ t: "mult", n: 1000 }, "千"),
  ...word({ t: "mult", n: 10_000 }, "万"),
  ...word({ t: "mult", n: 100_000_000 }, "億"),
  ...word({ t: "rough" }, "数"),
].sort((a, b) => b[0].length - a[0].length);

/** Digits with optional well-formed thousands separators and an optional decimal part. */
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/y;

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < s.length) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m) {
      tokens.push({ t: "num", text: m[0] });
      i += m[0].length;
      continue;
    }
    for (const [w, token] of WORDS) {
      if (s.startsWith(w, i)) {
        tokens.push(token);
        i += w.length;
        continue outer;
      }
    }
    return null;
  }
  return tokens;
}

interface Side {
  min: number;
  max: number;
  approx: boolean;
}

/** Recursive-descent parser over the tokens of one cell. */
class Parser {
  private i = 0;
  approx = false;
  private unitSeen = false;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Leading 「〜」 as in 「〜100件」 (up to 100). */
  leadingTilde(): boolean {
    const t = this.peek();
    if (t?.t === "sep" && t.tilde) {
      this.i++;
      return true;
    }
    return false;
  }

  sep(): boolean {
    if (this.peek()?.t !== "sep") return false;
    this.i++;
    return true;
  }

  bound(): Bound | undefined {
    const t = this.peek();
    if (t?.t !== "bound") return undefined;
    this.i++;
    return t.bound;
  }

  prefixes(): void {
    while (this.peek()?.t === "pre") {
      this.i++;
      this.approx = true;
    }
  }

  /** Units (once per side) and approximation words after a number. */
  suffixes(): void {
    for (;;) {
      const t = this.peek();
      if (t?.t === "post") this.approx = true;
      else if (t?.t === "unit" && !this.unitSeen) this.unitSeen = true;
      else return;
      this.i++;
    }
  }

  /** 約 + quantity + units/approximation words. */
  side(): Side | null {
    this.unitSeen = false; // 「100件〜500件」: one unit per side
    this.prefixes();
    const q = this.quantity();
    if (!q) return null;
    this.suffixes();
    return q;
  }

  private multiplier(): number {
    let product = 1;
    for (let t = this.peek(); t?.t === "mult"; t = this.peek()) {
      product *= t.n;
      this.i++;
    }
    return product;
  }

  /** 「1,200」, 「2.5万」, 「1万2千」, 「数百」. */
  private quantity(): Side | null {
    if (this.peek()?.t === "rough") {
      this.i++;
      const p = this.multiplier();
      if (p > 1) return { min: p, max: p * 10 - 1, approx: true }; // 「数百」 = 100–999
      // 「数名」「数件」 mean a handful; a bare 「数」 means nothing.
      return this.peek()?.t === "unit" ? { min: 2, max: 9, approx: true } : null;
    }
    let total = 0;
    let lastMult = Infinity;
    let any = false;
    for (let t = this.peek(); t?.t === "num"; t = this.peek()) {
      this.i++;
      const digits = t.text.replace(/,/g, "");
      const mult = this.multiplier();
      // A decimal point only makes sense before 万/千 (「2.5万」); 「1.000」 is not one thousand.
      if (mult === 1 && digits.includes(".")) return null;
      // Groups must descend: 「1万2千」 yes, 「2千1万」 no.
      if (mult >= lastMult) return null;
      total += Number(digits) * mult;
      lastMult = mult;
      any = true;
      if (mult === 1) break;
    }
    if (!any) return null;
    const rounded = Math.round(total);
    if (Math.abs(total - rounded) > 1e-6 || !Number.isSafeInteger(rounded)) return null;
    return { min: rounded, max: rounded, approx: false };
  }
}

interface Parsed {
  value: CountValue;
  marked: boolean; // an approximation word or 数百 was present
}

function parseCount(s: string): Parsed | null {
  const tokens = tokenize(s);
  if (!tokens || tokens.length === 0) return null;
  const p = new Parser(tokens);
  let min: number;
  let max: number;
  let marked: boolean;

  if (p.leadingTilde()) {
    const upper = p.side();
    if (!upper) return null;
    min = 0;
    max = upper.max;
    marked = upper.approx;
  } else {
    const left = p.side();
    if (!left) return null;
    min = left.min;
    max = left.max;
    marked = left.approx;
    if (p.sep()) {
      if (p.atEnd()) {
        max = Infinity; // 「1,000件〜」
      } else {
        const right = p.side();
        if (!right || right.max < left.min) return null;
        max = right.max;
        marked ||= right.approx;
      }
    } else {
      const bound = p.bound();
      if (bound === "atLeast") max = Infinity;
      else if (bound === "over") [min, max] = [left.min + 1, Infinity];
      else if (bound === "atMost") min = 0;
      else if (bound === "under") [min, max] = [0, left.max - 1];
      if (max < min) return null; // 「0件未満」
      if (bound) p.suffixes();
    }
  }
  if (!p.atEnd()) return null;
  marked ||= p.approx;
  return { value: { min, max, approximate: marked || min !== max }, marked };
}

/**
 * Reads a 件数 cell: 1000, 「1,000件」, 「約５００名」, 「100〜500件」, 「3,000件以上」, 「2.5万人」,
 * 「数百」. Bracketed notes are ignored. Blank and dash-only cells are null. Hint: 「概数」 for approximation words and 数百,
 * else 「範囲」 for ranges and bounds, else 「全角数字」 for full-width digits.
 */
export function readCount(v: CellValue): ReadResult<CountValue> | null {
  return readByText("count", v, readCountOnce, undefined);
}

function readCountOnce(v: CellValue): ReadResult<CountValue> | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      return Number.isSafeInteger(cell.value) && cell.value >= 0
        ? ok({ min: cell.value + 0, max: cell.value + 0, approximate: false }) // + 0 turns -0 into 0
        : fail();
    case "boolean":
    case "tooLong":
      return fail();
    case "text": {
      if (isDashOnly(cell.text)) return null;
      // Bracketed notes are not part of the count: 「約1,000件（2024年4月時点）」.
      const parsed = parseCount(compact(removeBracketed(nfkc(cell.text).toLowerCase())));
      if (!parsed) return fail();
      const { value, marked } = parsed;
      const hint = marked
        ? "概数"
        : value.min !== value.max
          ? "範囲"
          : hasFullWidthDigit(cell.text)
            ? "全角数字"
            : undefined;
      return ok(value, hint);
    }
  }
}
