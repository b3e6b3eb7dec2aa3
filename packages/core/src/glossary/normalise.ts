import { byText } from "../memo";

/**
 * Text normalisation shared by header matching and value reading.
 *
 * NFKC folds full-width letters and digits (「ＮＯ．」 → "NO.", 「１，０００」 → "1,000") and
 * half-width katakana; we then lower-case, drop whitespace (including line breaks inside a
 * header cell) and, for headers, the bracketed notes and markers that templates add around a
 * label: 「保管場所（必須）」, 「利用目的 ※記入例参照」, 「①取得方法」, 「【保管】」.
 */
export function nfkc(text: string): string {
  // Most texts are plain ASCII, kana and kanji, which NFKC leaves as they are: no ICU call, and
  // nothing for the memo to hold (per-item texts are unique and would only churn it).
  if (isNfkcStable(text)) return text;
  // Cell texts repeat (高/中/低, ○/×, phase names) and normalize() is an ICU call.
  return byText("nfkc", text, icuNfkc);
}

function icuNfkc(text: string): string {
  return text.normalize("NFKC");
}

/**
 * Whether every character is one NFKC maps to itself and that never composes with a neighbour:
 * printable ASCII, tab and line breaks, hiragana ぁ–ゖ, katakana ァ–ヺ, ・ and ー, 、 。 「 」, and
 * CJK unified ideographs 一–鿿. Full-width forms, half-width katakana, the full-width space,
 * voiced-sound marks, circled numbers and the like are not listed: those texts take the ICU path.
 */
export function isNfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c >= 0x3041 && c <= 0x3096) continue;
    if (c >= 0x30a1 && c <= 0x30fc) continue;
    if (c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3001 || c === 0x3002 || c === 0x300c || c === 0x300d) continue;
    return false;
  }
  return true;
}

/** NFKC + lower case + no whitespace. Used for values. */
export function normaliseValue(text: string): string {
  return nfkc(text).toLowerCase().replace(/[\s\u200b-\u200f\u2028-\u202f\u2060\ufeff]+/g, "");
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|「[^「」]*」|『[^『』]*』|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|〈[^〈〉]*〉|《[^《》]*》/g;

/** Circled numbers ①–⑳ ㉑–㊿ survive NFKC as digits; we remove them before NFKC. */
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u277f\u2780-\u2793]/g;

/**
 * Invisible format characters that NFKC keeps and \s does not match: soft hyphen, zero-width
 * space, joiners, bidi marks, embeddings, overrides and isolates, word joiner and invisible
 * operators, BOM. Pasted into a header word (「利用\u200b目的」) they would hide the column.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Header normal form: brackets and their content, notes after ※ or *, leading numbering
 * ("1.", "(1)", "①"), punctuation such as ・／/、, and whitespace are removed.
 * A header that is *only* a bracketed label (「【保管】」) keeps its content.
 */
export function normaliseHeader(text: string): string {
  // Recognition asks for the same label once per sheet kind and candidate row: normalise it once.
  return byText("header", text, normaliseHeaderOnce);
}

function normaliseHeaderOnce(text: string): string {
  let s = text.replace(CIRCLED, "").replace(INVISIBLE, "");
  s = nfkc(s).toLowerCase();
  s = s.replace(/[\r\n]+/g, " ");
  // Notes: "利用目的 ※必須", "保管場所*".
  s = s.replace(/[※*＊].*$/u, "");
  const withoutBrackets = stripBracketed(s);
  const inner = s.replace(/[()[\]{}「」『』【】〔〕<>〈〉《》]/g, "");
  s = compactHeader(withoutBrackets) === "" ? inner : withoutBrackets;
  return compactHeader(s);
}

function stripBracketed(s: string): string {
  let prev = "";
  let cur = s;
  // Nested brackets: strip inner-most first until stable (bounded).
  for (let i = 0; i < 4 && cur !== prev; i++) {
    prev = cur;
    cur = cur.replace(BRACKETED, "");
  }
  return cur;
}

function compactHeader(s: string): string {
  return s
    .replace(/^\s*(?:no\.?\s*)?\d{1,2}[.)\-:]\s*(?=\S)/u, "") // "1. 利用目的", "2) 件数" (but not "No" alone)
    .replace(/[\s\u3000・･/／、,，.。:：;；!！?？'"`~〜～\-‐－ー_=|｜+]/gu, (ch) => (ch === "ー" ? ch : ""))
    .trim();
}
