import type { Lang } from "@pmark/core";

/**
 * Text from a workbook, a file name or an argument, made safe to print on a terminal: nothing
 * in it can move the cursor, clear the screen, set the window title or the clipboard, reorder
 * the line (bidi overrides) or hide characters. Every such character is shown as a visible
 * escape (`\x1b`, `\n`, `\u202e`), and a text longer than `max` characters is cut with a marker
 * that says how much was left out. Printable text, Japanese included, is unchanged, and
 * escaping is stable: a safe text escaped again stays the same.
 *
 * Used for every line pmark writes to a terminal or to stderr (text report, failures, warnings,
 * usage errors, progress); JSON and SARIF keep the text exact, escaped by their own syntax.
 */
export interface TerminalTextOptions {
  /** Characters (code points) kept before the cut marker; default: no limit. */
  max?: number;
  /** Language of the cut marker; default en. */
  lang?: Lang;
}

/** Lengths the text report and stderr lines cut user-supplied texts at. */
export const TEXT_LIMITS = {
  /** A file name or path. */
  file: 300,
  /** A sheet name (Excel allows 31 characters; other writers any number). */
  sheet: 100,
  /** A finding's message (core quotes at most a short excerpt of a cell). */
  message: 600,
  /** A hint, a department or a phase label. */
  label: 100,
  /** A whole stderr line: the last guard, after each part was cut. */
  line: 2000,
} as const;

const NAMED: Record<number, string> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r" };

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

function isPictographic(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Extended_Pictographic}/u.test(ch);
}

/**
 * Format characters that change what a line shows without being seen: bidi marks, embeddings,
 * overrides and isolates; zero-width space and non-joiner, word joiner, invisible operators,
 * BOM, soft hyphen, Mongolian vowel separator, Hangul fillers, interlinear annotation marks,
 * line and paragraph separators. The zero-width joiner is kept between two pictographs, where
 * it builds one emoji (👨‍👩‍👧).
 */
function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x034f ||
    code === 0x061c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0x3164 ||
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

/** Characters of the Unicode tag block: invisible, except as the tail of a flag (🏴 + tags). */
function isTag(code: number): boolean {
  return code >= 0xe0000 && code <= 0xe007f;
}

/** Whether `text` needs any escaping (most texts do not: then they are returned as they are). */
function needsEscape(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x00ad || c === 0x034f || c === 0x061c) return true;
    if (c >= 0x1100 && (isInvisible(c) || (c >= 0xd800 && c <= 0xdfff))) return true;
  }
  return false;
}

function escapeRange(text: string, end: number): string {
  if (!needsEscape(text, end)) return end === text.length ? text : text.slice(0, end);
  let out = "";
  let flag = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // Surrogates: a valid pair is one character; a lone half is shown as its code.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        if (isTag(cp) && !flag) out += `\\u{${hex(cp, 5)}}`;
        else out += text.slice(i, i + 2);
        flag = cp === 0x1f3f4 || (flag && isTag(cp));
        i++;
        continue;
      }
    }
    flag = false;
    if (c >= 0xd800 && c <= 0xdfff) out += `\\u${hex(c, 4)}`;
    else if (c < 0x20 || c === 0x7f) out += NAMED[c] ?? `\\x${hex(c, 2)}`;
    else if (c >= 0x80 && c <= 0x9f) out += `\\u${hex(c, 4)}`;
    else if (c === 0x200d && isPictographic(prevChar(text, i)) && isPictographic(nextChar(text, i + 1, end))) out += "\u200d";
    else if (isInvisible(c)) out += `\\u${hex(c, 4)}`;
    else out += text[i];
  }
  return out;
}

function prevChar(text: string, i: number): string | undefined {
  if (i === 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function nextChar(text: string, i: number, end: number): string | undefined {
  if (i >= end) return undefined;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) return text.slice(i, i + 2);
  return text[i];
}

/** Where the first `max` code points of `text` end (a surrogate pair is never split). */
function cutAt(text: string, max: number): number {
  let i = 0;
  for (let n = 0; n < max && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

function countCodePoints(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

function cutMarker(left: number, lang: Lang): string {
  const n = left.toLocaleString("en-US");
  return lang === "ja" ? `…(以下 ${n} 文字省略)` : `…(${n} more characters)`;
}

/** `text` made safe for a terminal: see the module comment. */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const max = options.max;
  const end = max !== undefined && text.length > max ? cutAt(text, max) : text.length;
  const safe = escapeRange(text, end);
  if (end >= text.length) return safe;
  return safe + cutMarker(countCodePoints(text, end), options.lang ?? "en");
}

/** One line on stderr, `pmark: …`: a file name or an argument in it can never add a line or an escape. */
export function stderrLine(stderr: { write(text: string): unknown }, text: string, lang: Lang): void {
  stderr.write(`pmark: ${terminalText(text, { max: TEXT_LIMITS.line, lang })}\n`);
}

/** A file name or an argument as it goes into a line. */
export function shownName(name: string, lang: Lang): string {
  return terminalText(name, { max: TEXT_LIMITS.file, lang });
}
