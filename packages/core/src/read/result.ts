import { byText, type Store } from "../memo";
import type { CellValue } from "../grid/grid";

/**
 * What a value reader returns for a non-blank cell. Readers return `null` for a blank cell.
 *
 * `hint` is a short Japanese word naming what the reader saw and had to interpret
 * (「全角数字」, 「概数」, 「範囲」, 「和暦」, 「シリアル値」, 「年月のみ」, 「範囲外」…);
 * messages quote it, e.g. 「和暦として読み取りました」 or 「日付として読めません（和暦）」.
 * When several apply, each reader documents which one wins: there is only one hint.
 */
export type ReadResult<T> = { ok: true; value: T; hint?: string } | { ok: false; hint?: string };

/**
 * Readers only parse text up to this many characters (after trimming). Real cell values are
 * short; capping keeps every regex cheap however odd the input (100k-character pastes).
 */
export const MAX_TEXT_LENGTH = 200;

// ---- Internal helpers shared by the readers (not re-exported from the package). ----

export function ok<T>(value: T, hint?: string): ReadResult<T> {
  return hint === undefined ? { ok: true, value } : { ok: true, value, hint };
}

export function fail(hint?: string): { ok: false; hint?: string } {
  return hint === undefined ? { ok: false } : { ok: false, hint };
}

/** A cell value sorted by what the readers do with it. `text` is trimmed but not normalised. */
export type Prepared =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; text: string }
  | { kind: "tooLong" };

/** Whitespace plus the invisible format characters (zero-width, bidi marks, BOM) seen in pastes. */
const SPACE_CHAR = /[\s\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/;

/** Trims whitespace and invisible characters from both ends, in linear time. */
export function trimCell(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE_CHAR.test(s.charAt(start))) start++;
  while (end > start && SPACE_CHAR.test(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

export function prepare(v: CellValue): Prepared {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (typeof v !== "string") return { kind: "tooLong" }; // not a CellValue; treat as unreadable
  const text = trimCell(v);
  if (text === "") return { kind: "blank" };
  if (text.length > MAX_TEXT_LENGTH) return { kind: "tooLong" };
  return { kind: "text", text };
}

/**
 * A reader remembered by text (memo.ts): a sheet repeats the same few spellings (高/中/低, ○/×,
 * phase names) down thousands of rows, and each distinct text is read once. The result is frozen
 * and shared by every call for that text. Numbers, booleans and long texts are read directly.
 */
export function readByText<T, A>(store: Store, v: CellValue, reader: (v: CellValue, arg: A) => ReadResult<T> | null, arg: A, owner?: object): ReadResult<T> | null {
  if (typeof v !== "string" || v.length > MAX_TEXT_LENGTH) return reader(v, arg);
  return byText(store, v, frozenRead as (text: string, r: { reader: typeof reader; arg: A }) => ReadResult<T> | null, { reader, arg }, owner);
}

function frozenRead<T, A>(text: string, r: { reader: (v: CellValue, arg: A) => ReadResult<T> | null; arg: A }): ReadResult<T> | null {
  const out = r.reader(text, r.arg);
  return out === null ? null : Object.freeze(out);
}

/** Hyphens, dashes, minus signs and the long-vowel mark users type for "nothing here". */
const DASH_ONLY = /^[-‐‑‒–—―−ー－ｰ─━⁃]+$/;

export function isDashOnly(text: string): boolean {
  return DASH_ONLY.test(text);
}

export function hasFullWidthDigit(text: string): boolean {
  return /[０-９]/.test(text);
}

/** Removes whitespace and invisible characters anywhere (text is already capped). */
export function compact(text: string): string {
  return text.replace(/[\s\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]+/g, "");
}

/** Bracket pairs after NFKC (full-width parentheses have become ASCII). */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|<[^<>]*>|「[^「」]*」|『[^『』]*』|【[^【】]*】|〔[^〔〕]*〕|〈[^〈〉]*〉|《[^《》]*》/g;

/**
 * Removes bracketed notes, innermost first (bounded), then any stray bracket characters.
 * With `keepContent`, only the bracket characters go: 「【保管】」 → 「保管」.
 */
export function stripBrackets(text: string, keepContent = false): string {
  return (keepContent ? text : removeBracketed(text)).replace(/[()[\]{}<>「」『』【】〔〕〈〉《》]/g, "");
}

/** Removes bracketed notes with their content, innermost first (bounded); unpaired brackets stay. */
export function removeBracketed(text: string): string {
  let cur = text;
  for (let i = 0; i < 4; i++) {
    const next = cur.replace(BRACKETED, "");
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
