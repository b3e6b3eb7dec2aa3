import type { ReadBudget } from "./budget";
import type { PartCounter } from "./zip";

/**
 * Counters for the read budget (budget.ts) of files that go to SheetJS: they count, from the
 * bytes alone and as they stream past, the cells SheetJS would build, before SheetJS builds any.
 * A "cell" here is what a grid holds: every position from the first column to the last filled
 * one in a row (blanks between filled cells take memory too), plus one for each row. Repeats
 * are multiplied out (an ODS cell repeated 16,384 times in a row repeated a million times is
 * what SheetJS would expand, from a few bytes of XML).
 */

const COL_LIMIT = 16384;

/** Calls `onTag` for each start or end tag in XML that arrives in chunks (tags may straddle chunks). */
class TagStream {
  private carry = "";

  constructor(
    private readonly pattern: RegExp,
    private readonly onTag: (m: RegExpExecArray) => void,
  ) {}

  push(chunk: Buffer): void {
    // Tag names and attributes are ASCII: a Latin-1 view finds them, whatever the text's encoding.
    let text = this.carry + chunk.toString("latin1");
    const lastLt = text.lastIndexOf("<");
    if (lastLt >= 0 && text.indexOf(">", lastLt) < 0) {
      this.carry = text.slice(lastLt);
      text = text.slice(0, lastLt);
      // An endless "tag" is not a tag: keep the carry small.
      if (this.carry.length > 65536) this.carry = "";
    } else this.carry = "";
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) this.onTag(m);
  }
}

/** Characters of UTF-8 text seen as Latin-1 (continuation bytes do not start a character). */
function utf8Chars(latin1: string): number {
  let n = 0;
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c < 0x80 || c > 0xbf) n++;
  }
  return n;
}

function attrValue(tag: string, name: string): string | undefined {
  const at = tag.indexOf(`${name}=`);
  if (at < 0) return undefined;
  const quote = tag[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + name.length + 2);
  return end < 0 ? undefined : tag.slice(at + name.length + 2, end);
}

function colFromRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

function clampedInt(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = parseInt(value, 10);
  if (!Number.isFinite(n) || n < 1) return fallback;
  return Math.min(n, max);
}

/**
 * The cells a sheet's rows cost as a grid holds them: each row up to its last cell, and the empty
 * rows skipped before it. Rows are numbered from `firstRow` (1 in SpreadsheetML, 0 in BIFF12).
 */
class RowCells {
  inRow = false;
  private width = 0;
  private col = -1;
  private lastRow: number;
  private row: number;

  constructor(
    private readonly sheet: string,
    private readonly budget: ReadBudget,
    firstRow: number,
  ) {
    this.lastRow = firstRow - 1;
    this.row = this.lastRow;
  }

  /** A row starts: at its stated number, or right after the last one. */
  start(row: number | undefined): void {
    this.end();
    this.inRow = true;
    this.row = row ?? this.lastRow + 1;
  }

  /** A cell at its stated column, or right after the last one; `opens` starts a row when none is open. */
  cell(col: number | undefined, opens = false): void {
    if (opens) this.inRow = true;
    this.col = Math.min(col ?? this.col + 1, COL_LIMIT - 1);
    if (this.col + 1 > this.width) this.width = this.col + 1;
  }

  end(): void {
    if (this.inRow) {
      this.budget.addCells(this.sheet, this.width + 1 + Math.max(0, this.row - this.lastRow - 1));
      if (this.row > this.lastRow) this.lastRow = this.row;
    }
    this.inRow = false;
    this.width = 0;
    this.col = -1;
  }
}

/**
 * An .xlsx worksheet part (SpreadsheetML): cells by their r attribute, or in sequence, and the
 * characters of inline texts and formulas.
 */
export function worksheetCounter(sheet: string, budget: ReadBudget): PartCounter {
  const rows = new RowCells(sheet, budget, 1);
  const startRow = (attrs: string) => {
    const r = attrValue(attrs, "r");
    const n = r !== undefined ? parseInt(r, 10) : NaN;
    rows.start(Number.isFinite(n) && n > 0 ? Math.min(n, 1_048_576) : undefined);
  };
  const endRow = () => rows.end();
  const tags = new TagStream(/<(\/?)(row|c|t|f)(?=[\s>/])([^<>]*)>([^<]*)/g, (m) => {
    const name = m[2];
    if (name === "t" || name === "f") {
      if (!m[1] && m[4]) budget.addText(utf8Chars(m[4]));
      return;
    }
    if (name === "row") {
      if (m[1]) endRow();
      else {
        startRow(m[3] ?? "");
        if ((m[3] ?? "").endsWith("/")) endRow();
      }
      return;
    }
    if (m[1]) return;
    if (!rows.inRow) rows.start(undefined);
    const r = attrValue(m[3] ?? "", "r");
    const c = r !== undefined ? colFromRef(r) : -1;
    rows.cell(c >= 0 ? c : undefined);
  });
  return { push: (chunk) => tags.push(chunk), end: endRow };
}

/** The shared-strings part: one text per `<si>`, and its characters. */
export function sharedStringsCounter(budget: ReadBudget): PartCounter {
  const tags = new TagStream(/<(si|t)(?=[\s>/])[^<>]*>([^<]*)/g, (m) => {
    if (m[1] === "si") budget.addStrings(1);
    else if (m[2]) budget.addText(utf8Chars(m[2]));
  });
  return { push: (chunk) => tags.push(chunk), end: () => undefined };
}

/**
 * An OpenDocument content.xml: every table (sheet), with rows and cells multiplied out by their
 * repeat counts, and the characters of their text. A row's width runs to its last cell with a
 * value; cells after it, however often repeated, cost nothing (LibreOffice pads every row with
 * repeated empty cells).
 */
export function odsContentCounter(part: string, budget: ReadBudget): PartCounter {
  let sheet = part;
  let rowRepeat = 1;
  let col = 0;
  let width = 0;
  let inRow = false;
  // Empty rows cost a grid row each only when a row with a value follows them (LibreOffice ends
  // every table with a million repeated empty rows, which no reader keeps).
  let emptyRows = 0;
  const endRow = () => {
    if (inRow && width > 0) {
      budget.addCells(sheet, (width + 1) * rowRepeat + emptyRows);
      emptyRows = 0;
    } else if (inRow) emptyRows += rowRepeat;
    inRow = false;
    width = 0;
    col = 0;
  };
  const tags = new TagStream(/<(\/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell|text:[a-z-]+)(?=[\s>/])([^<>]*)>([^<]*)/g, (m) => {
    const close = m[1] === "/";
    const name = (m[2] ?? "").slice((m[2] ?? "").indexOf(":") + 1);
    const attrs = m[3] ?? "";
    // Text is counted once per cell element: SheetJS shares one string among a cell's repeats.
    if (m[4] && (m[2] ?? "").startsWith("text:")) budget.addText(utf8Chars(m[4]));
    if ((m[2] ?? "").startsWith("text:")) return;
    if (name === "table") {
      endRow();
      emptyRows = 0;
      if (!close) sheet = attrValue(attrs, "table:name") ?? part;
      return;
    }
    if (name === "table-row") {
      endRow();
      if (close) return;
      inRow = true;
      rowRepeat = clampedInt(attrValue(attrs, "table:number-rows-repeated"), 1, 1_048_576);
      if (attrs.endsWith("/")) endRow();
      return;
    }
    if (close) return;
    const repeat = clampedInt(attrValue(attrs, "table:number-columns-repeated"), 1, COL_LIMIT);
    const valued = attrs.includes("office:value-type=") || !attrs.endsWith("/");
    col = Math.min(COL_LIMIT, col + repeat);
    if (valued) width = col;
  });
  return { push: (chunk) => tags.push(chunk), end: endRow };
}

/**
 * An .xlsb worksheet part (BIFF12 records: a variable-length type and size, then the body): rows
 * from BrtRowHdr (type 0), cells from the cell records, whose body starts with the column
 * (types 2–11), or which take the next column (the short cells, 13–18). Blank cells (1, 12)
 * are skipped, as SheetJS skips them.
 */
export function xlsbSheetCounter(sheet: string, budget: ReadBudget): PartCounter {
  const rows = new RowCells(sheet, budget, 0);
  let state: "type" | "size" | "body" = "type";
  let varint = 0;
  let shift = 0;
  let type = 0;
  let size = 0;
  let left = 0;
  let head = 0;
  let headBytes = 0;
  const onRecord = () => {
    if (type === 0) {
      // BrtRowHdr starts with the 0-based row.
      rows.start(headBytes >= 4 ? Math.min(head >>> 0, 1_048_575) : undefined);
      return;
    }
    // String cells, string formulas and shared-string items: UTF-16 text, two bytes a character.
    if (type === 6 || type === 8 || type === 17 || type === 19) budget.addText(size >>> 1);
    if (type >= 2 && type <= 11) rows.cell(headBytes >= 4 ? head >>> 0 : undefined, true);
    else if (type >= 13 && type <= 18) rows.cell(undefined, true);
  };
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i] as number;
        if (state !== "body") {
          varint |= (b & 0x7f) << shift;
          shift += 7;
          if (b & 0x80 && shift < 28) continue;
          if (state === "type") {
            type = varint;
            state = "size";
          } else {
            size = varint;
            left = varint;
            head = 0;
            headBytes = 0;
            if (left === 0) {
              onRecord();
              state = "type";
            } else state = "body";
          }
          varint = 0;
          shift = 0;
          continue;
        }
        // Only the first 4 bytes of a body matter; the rest is skipped in one step.
        if (headBytes < 4) head |= b << (8 * headBytes++);
        left--;
        if (headBytes === 4 && left > 0) {
          const jump = Math.min(left, chunk.length - i - 1);
          i += jump;
          left -= jump;
        }
        if (left === 0) {
          onRecord();
          state = "type";
        }
      }
    },
    end: () => rows.end(),
  };
}

/**
 * A legacy .xls Workbook stream (BIFF5/8 records): per sheet (BOF … EOF), each row's width to
 * its last cell, for every record that holds cells (numbers, RK and MULRK, labels and shared
 * strings, formulas, booleans and errors; blanks too, since SheetJS walks them). Returns the
 * cells of each substream in order (the workbook globals first, with none), the number of
 * distinct shared strings the SST record declares, and the bytes of text records (an upper
 * bound of their characters).
 */
export function biffCells(stream: Uint8Array): { sheets: number[]; strings: number; textBytes: number } {
  const sheets: number[] = [];
  let strings = 0;
  let textBytes = 0;
  let widths = new Map<number, number>();
  let depth = 0;
  const close = () => {
    // Every row up to the last one with a cell (empty ones too), and each row's cells.
    let n = 0;
    let maxRow = -1;
    for (const [row, w] of widths) {
      n += w;
      if (row > maxRow) maxRow = row;
    }
    sheets.push(n + maxRow + 1);
    widths = new Map();
  };
  const u16 = (at: number) => (stream[at] ?? 0) | ((stream[at + 1] ?? 0) << 8);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = u16(p);
    const len = u16(p + 2);
    const at = p + 4;
    p = at + len;
    if (p > stream.length) break;
    // LABEL and RSTRING hold their text in the cell record.
    if (type === 0x0204 || type === 0x00d6) textBytes += len;
    switch (type) {
      case 0x00fc: // SST: total, unique, then the strings (continued in CONTINUE records)
        if (len >= 8) strings += (u16(at + 4) | (u16(at + 6) << 16)) >>> 0;
        textBytes += len;
        break;
      case 0x003c: // CONTINUE
        textBytes += len;
        break;
      case 0x0809: // BOF (BIFF5/8)
        depth++;
        break;
      case 0x000a: // EOF
        if (depth > 0) depth--;
        if (depth === 0) close();
        break;
      case 0x0203: // NUMBER
      case 0x027e: // RK
      case 0x00fd: // LABELSST
      case 0x0204: // LABEL
      case 0x00d6: // RSTRING
      case 0x0006: // FORMULA
      case 0x0205: // BOOLERR
      case 0x0201: {
        // BLANK
        if (len < 4) break;
        const row = u16(at);
        const col = u16(at + 2);
        if (col + 1 > (widths.get(row) ?? 0)) widths.set(row, col + 1);
        break;
      }
      case 0x00bd: // MULRK: row, first col, …, last col
      case 0x00be: {
        // MULBLANK
        if (len < 6) break;
        const row = u16(at);
        const last = u16(at + len - 2);
        if (last + 1 > (widths.get(row) ?? 0)) widths.set(row, last + 1);
        break;
      }
    }
  }
  if (widths.size > 0) close();
  return { sheets, strings, textBytes };
}

/**
 * HTML tables and SpreadsheetML 2003 (markup saved as .xls): cells by their spans and indexes,
 * rows by their tags, and the characters of the text that starts each cell.
 */
export function markupCells(text: string): { cells: number; chars: number } {
  let found = 0;
  let chars = 0;
  let col = 0;
  let inRow = false;
  const endRow = () => {
    if (inRow) found += col + 1;
    inRow = false;
    col = 0;
  };
  const re = /<(\/?)(tr|td|th|row|cell|data)(?=[\s>/])([^<>]*)>([^<]*)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[2] ?? "").toLowerCase();
    const attrs = m[3] ?? "";
    if (!m[1] && m[4] && name !== "tr" && name !== "row") chars += utf8Chars(m[4]);
    if (name === "data") continue;
    if (name === "tr" || name === "row") {
      endRow();
      if (!m[1]) inRow = true;
      continue;
    }
    if (m[1]) continue;
    inRow = true;
    if (name === "cell") {
      const index = clampedInt(attrValue(attrs, "ss:Index"), 0, COL_LIMIT);
      if (index > 0) col = index - 1;
      col = Math.min(COL_LIMIT, col + 1 + clampedInt(attrValue(attrs, "ss:MergeAcross"), 0, COL_LIMIT));
    } else {
      const span = clampedInt(attrValue(attrs.toLowerCase(), "colspan"), 1, COL_LIMIT);
      const down = clampedInt(attrValue(attrs.toLowerCase(), "rowspan"), 1, 1_048_576);
      col = Math.min(COL_LIMIT, col + span);
      // A cell spanning rows pushes the cells of the rows below to the right.
      if (down > 1) found += span * (down - 1);
    }
  }
  endRow();
  return { cells: found, chars };
}
