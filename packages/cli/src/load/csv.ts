import type { CellValue, SheetGrid } from "@pmark/core";
import type { ReadBudget } from "./budget";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "shift_jis";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Byte sequences that were not valid in the chosen encoding, each read as U+FFFD. */
  replaced: number;
  /** Where in `text` the first of them is (-1 when none). */
  firstReplaced: number;
}

/**
 * UTF-8 as the WHATWG decoder reads it: the number of valid multi-byte characters, and of the
 * invalid sequences it replaces with U+FFFD (each maximal invalid subpart counts once, as the
 * decoder replaces it), with the byte offset of the first.
 */
function scanUtf8(buf: Uint8Array, from: number): { multi: number; invalid: number; firstInvalid: number } {
  let multi = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const bad = (at: number) => {
    if (invalid++ === 0) firstInvalid = at;
  };
  const n = buf.length;
  let i = from;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      bad(i);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = buf[j];
      const lo = k === 0 ? lower : 0x80;
      const hi = k === 0 ? upper : 0xbf;
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
    }
    if (ok) {
      multi++;
      i = j;
    } else {
      // The decoder replaces the valid prefix as one sequence and resumes at the offending byte.
      bad(i);
      i = j;
    }
  }
  return { multi, invalid, firstInvalid };
}

function countReplacement(text: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let at = text.indexOf("\ufffd"); at >= 0; at = text.indexOf("\ufffd", at + 1)) {
    if (count++ === 0) first = at;
  }
  return { count, first };
}

/** UTF-16 code units that are half a surrogate pair: the decoder replaces each. */
function loneSurrogates(text: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    if (count++ === 0) first = i;
  }
  return { count, first };
}

function utf16(buf: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedText {
  const body = buf.subarray(2);
  // Decoded without replacement first, to find lone surrogates where they are.
  const raw =
    encoding === "utf-16le"
      ? Buffer.from(body.buffer, body.byteOffset, body.length - (body.length % 2)).toString("utf16le")
      : Buffer.from(body.subarray(0, body.length - (body.length % 2))).swap16().toString("utf16le");
  const lone = loneSurrogates(raw);
  const odd = body.length % 2;
  const text = new TextDecoder(encoding).decode(body);
  return {
    text,
    encoding,
    replaced: lone.count + odd,
    firstReplaced: lone.count > 0 ? lone.first : odd ? text.length - 1 : -1,
  };
}

function utf8(buf: Uint8Array, from: number, encoding: "utf-8" | "utf-8-bom", scan: { invalid: number; firstInvalid: number }): DecodedText {
  const body = buf.subarray(from);
  const text = new TextDecoder("utf-8").decode(body);
  if (scan.invalid === 0) return { text, encoding, replaced: 0, firstReplaced: -1 };
  // The bytes before the first invalid one are valid: their length as text is where it landed.
  const firstReplaced = new TextDecoder("utf-8").decode(body.subarray(0, scan.firstInvalid - from)).length;
  return { text, encoding, replaced: scan.invalid, firstReplaced };
}

/**
 * Decodes a CSV file as Excel and Japanese systems save it: UTF-8 with or without a BOM,
 * UTF-16 with a BOM ("Unicode text"), else Shift_JIS / CP932. Without a BOM the choice is
 * judged on the whole file, not on its first invalid byte: a file that is UTF-8 but for a few
 * damaged bytes (valid multi-byte characters outnumber the invalid sequences four to one, or
 * Shift_JIS would need as many replacements) is read as UTF-8 with those bytes replaced;
 * `replaced` says how many, so the caller can warn.
 */
export function decodeText(buf: Uint8Array): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf, 3, "utf-8-bom", scanUtf8(buf, 3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf, "utf-16le");
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf, "utf-16be");
  const scan = scanUtf8(buf, 0);
  if (scan.invalid === 0 || scan.multi >= 4 * scan.invalid) return utf8(buf, 0, "utf-8", scan);
  // CP932 as saved by Japanese Excel; Node's "shift_jis" decoder covers the CP932 extensions.
  const sjis = new TextDecoder("shift_jis").decode(buf);
  const bad = countReplacement(sjis);
  if (bad.count > scan.invalid) return utf8(buf, 0, "utf-8", scan);
  return { text: sjis, encoding: "shift_jis", replaced: bad.count, firstReplaced: bad.first };
}

/** Comma unless the first line has tabs and no commas outside quotes (Excel "Unicode text"). */
export function sniffDelimiter(text: string): "," | "\t" {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === "\t") tabs++;
  }
  return tabs > 0 && commas === 0 ? "\t" : ",";
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF, LF or CR line ends. Lenient like Excel: text after a closing quote is kept. Fields are
 * cut out of the text in slices (a field is never built a character at a time). `onCells`, when
 * given, is told of the cells as they are made (each field, and one per row) and of their
 * characters, in batches, so a budget can stop the parse before a huge row or file is built.
 */
export function parseCsv(text: string, delimiter = ",", onCells?: (cells: number, chars: number) => void): string[][] {
  const rows: string[][] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  let uncounted = 0;
  let chars = 0;
  const report = () => {
    onCells?.(uncounted, chars);
    uncounted = 0;
    chars = 0;
  };
  const endRow = () => {
    rows.push(row);
    row = [];
    if (++uncounted >= 65536) report();
  };
  for (;;) {
    let field: string;
    let quoted = false;
    if (text.charCodeAt(i) === QUOTE) {
      quoted = true;
      let parts = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          parts += text.slice(j);
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        parts += text.slice(j, q);
        j = q + 1;
        break;
      }
      let k = j;
      for (let c = text.charCodeAt(k); k < n && c !== delim && c !== CR && c !== LF; c = text.charCodeAt(++k));
      field = k > j ? parts + text.slice(j, k) : parts;
      i = k;
    } else {
      let k = i;
      for (let c = text.charCodeAt(k); k < n && c !== delim && c !== CR && c !== LF; c = text.charCodeAt(++k));
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    chars += field.length;
    if (++uncounted >= 65536 || chars >= 1 << 22) report();
    if (i >= n) {
      // The last line, unless the text ended with a line break.
      if (row.length > 1 || field !== "" || quoted) endRow();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRow();
    if (i >= n) break;
  }
  if (uncounted > 0) report();
  return rows;
}

/**
 * The CSV row (1-based, as a spreadsheet shows it) that holds the character at `offset`, with
 * the delimiter parseCsv splits it by, without building the rows again.
 */
export function csvRowAt(text: string, offset: number): number {
  const delim = sniffDelimiter(text).charCodeAt(0);
  let row = 1;
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === QUOTE && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === CR || c === LF) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      row++;
      atFieldStart = true;
    } else atFieldStart = c === delim;
  }
  return row;
}

const PLAIN_NUMBER = /^[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** A CSV field as a cell value: plain numbers become numbers, blanks null, the rest stays text. */
export function csvCell(raw: string): CellValue {
  if (raw === "") return null;
  const t = raw.trim();
  if (PLAIN_NUMBER.test(t) && t.replace(/[^0-9]/g, "").length <= 15) return Number(t);
  return raw;
}

/**
 * One sheet from CSV text. With a budget, each row's fields (and the row itself) are charged as
 * the row is parsed, so an oversized file stops with OverBudget before its grid is built.
 */
export function csvToGrid(name: string, text: string, budget?: ReadBudget): SheetGrid {
  const onCells = budget
    ? (cells: number, chars: number) => {
        budget.addCells(name, cells);
        budget.addText(chars);
      }
    : undefined;
  const rows = parseCsv(text, sniffDelimiter(text), onCells);
  const values: CellValue[][] = rows.map((r) => {
    const out = r.map(csvCell);
    let end = out.length;
    while (end > 0 && out[end - 1] === null) end--;
    out.length = end;
    return out;
  });
  let last = values.length;
  while (last > 0 && (values[last - 1] as CellValue[]).length === 0) last--;
  values.length = last;
  return { name, values };
}
