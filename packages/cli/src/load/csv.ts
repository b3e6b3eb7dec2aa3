import type { CellValue, SheetGrid } from "@pmark/core";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "shift_jis";

/**
 * Decodes a CSV file as Excel and Japanese systems save it: UTF-8 with or without a BOM,
 * UTF-16 with a BOM ("Unicode text"), else Shift_JIS / CP932 when the bytes are not UTF-8.
 */
export function decodeText(buf: Uint8Array): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(buf.subarray(3)), encoding: "utf-8-bom" };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(buf.subarray(2)), encoding: "utf-16le" };
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(buf.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    // CP932 as saved by Japanese Excel; Node's "shift_jis" decoder covers the CP932 extensions.
    return { text: new TextDecoder("shift_jis").decode(buf), encoding: "shift_jis" };
  }
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

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
 * CRLF, LF or CR line ends. Lenient like Excel: text after a closing quote is kept.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let atFieldStart = true;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = "";
    atFieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  // The last line, unless the text ended with a line break.
  if (!atFieldStart || field !== "" || row.length > 0 || quoted) endRow();
  return rows;
}

const PLAIN_NUMBER = /^[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** A CSV field as a cell value: plain numbers become numbers, blanks null, the rest stays text. */
export function csvCell(raw: string): CellValue {
  if (raw === "") return null;
  const t = raw.trim();
  if (PLAIN_NUMBER.test(t) && t.replace(/[^0-9]/g, "").length <= 15) return Number(t);
  return raw;
}

export function csvToGrid(name: string, text: string): SheetGrid {
  const rows = parseCsv(text, sniffDelimiter(text));
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
