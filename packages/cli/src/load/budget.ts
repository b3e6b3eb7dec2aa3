/**
 * The one memory and work budget for reading a workbook, whichever reader handles it: the file's
 * size, the sum of the inflated sizes of the parts a reader actually reads (and each part's),
 * the cells per sheet and in the whole workbook, and the characters of text the cells hold.
 * Every reader counts against it as it goes and stops at the first limit passed, before memory
 * grows further:
 *
 * - the CLI's own .xlsx reader (ooxml.ts) checks a part's declared size before inflating it
 *   (inflation is capped at that size) and counts cells and texts as it reads them;
 * - files for SheetJS (.xls, .ods, .xlsb, markup, and the .xlsx files the own reader declines)
 *   are scanned first: every ZIP part is inflated as a stream and counted (bytes, CRC, cells;
 *   ODS repeat counts multiplied out), a legacy .xls's cell records and an HTML table's cells
 *   are counted, and only a file within the budget reaches SheetJS. SheetJS keeps an object
 *   per cell and every part in memory at once, so it gets half of each limit;
 * - the CSV reader counts fields and their characters as it parses.
 *
 * The limits are sized so that reading a file of up to 200 MB stays within about 1 GB of memory
 * (the README states them and what they were measured on). Over budget, the file gets one line
 * naming the limit (exit 2); the other files are still checked.
 */
export const READ_LIMITS = {
  /** The file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Sum of the inflated sizes of the ZIP parts a reader reads. */
  inflatedBytes: 320 * 1024 * 1024,
  /** One inflated part (a worksheet, the shared strings). */
  partBytes: 192 * 1024 * 1024,
  /** Cells with a value (or a formula) in the whole workbook; shared strings count apart, against the same number. */
  cells: 6_000_000,
  /** Cells with a value (or a formula) in one sheet. */
  sheetCells: 5_000_000,
  /**
   * Characters of text the grids hold: each shared string once, each inline text, formula and
   * CSV field. The checks work on every text, so text volume drives memory as much as cells do.
   */
  textChars: 48_000_000,
  /** Sum of the sizes all ZIP entries declare (work: every entry is inflated once to be verified). */
  declaredBytes: 1024 * 1024 * 1024,
  /** ZIP entries. */
  entries: 100_000,
  /** A part that expands more than this ratio, and to more than `ratioAbove` bytes, is a zip bomb. */
  ratio: 200,
  ratioAbove: 50 * 1024 * 1024,
} as const;

export type ReadLimits = { -readonly [K in keyof typeof READ_LIMITS]: number };

/** The share of the byte and cell limits SheetJS gets (it holds about twice the memory per cell). */
export const SHEETJS_SHARE = 0.5;

export type BudgetLimit =
  | "file-size"
  | "expanded-size"
  | "inflated-size"
  | "part-size"
  | "cells"
  | "sheet-cells"
  | "strings"
  | "text"
  | "entries"
  | "compression-ratio"
  | "memory";

/** A limit passed: which one, its value, and where (a part or a sheet), for the one-line message. */
export interface OverBudgetInfo {
  limit: BudgetLimit;
  /** The limit's value in the unit of the limit (bytes, cells, entries). */
  max?: number;
  /** The part or sheet that passed it. */
  where?: string;
  /** Read by SheetJS, under its share of the budget. */
  sheetjs?: boolean;
}

export class OverBudget extends Error {
  constructor(readonly info: OverBudgetInfo) {
    super(`over the read budget: ${info.limit}${info.where ? ` (${info.where})` : ""}`);
  }
}

/** Counts one workbook's reading against the limits; throws OverBudget at the first one passed. */
export class ReadBudget {
  readonly limits: ReadLimits;
  private inflated = 0;
  private cells = 0;
  private strings = 0;
  private text = 0;
  private readonly sheetCells = new Map<string, number>();

  constructor(
    readonly reader: "direct" | "sheetjs",
    base: typeof READ_LIMITS | ReadLimits = READ_LIMITS,
  ) {
    const share = reader === "sheetjs" ? SHEETJS_SHARE : 1;
    this.limits = {
      ...base,
      inflatedBytes: Math.floor(base.inflatedBytes * share),
      partBytes: Math.floor(base.partBytes * share),
      cells: Math.floor(base.cells * share),
      sheetCells: Math.floor(base.sheetCells * share),
      textChars: Math.floor(base.textChars * share),
    };
  }

  private over(limit: BudgetLimit, max: number, where?: string): never {
    const info: OverBudgetInfo = { limit, max };
    if (where !== undefined) info.where = where.length > 80 ? `${where.slice(0, 77)}...` : where;
    if (this.reader === "sheetjs") info.sheetjs = true;
    throw new OverBudget(info);
  }

  /**
   * Before a part is inflated: its declared size fits one part, and what is left of the total
   * after the parts already counted and `planned` more bytes (parts declared but not yet read).
   */
  willInflate(part: string, declared: number, planned = 0): void {
    if (declared > this.limits.partBytes) this.over("part-size", this.limits.partBytes, part);
    if (this.inflated + planned + declared > this.limits.inflatedBytes) this.over("inflated-size", this.limits.inflatedBytes, part);
  }

  /** Bytes a part really inflated to (counted as they stream). */
  addInflated(part: string, bytes: number, partTotal: number): void {
    this.inflated += bytes;
    if (partTotal > this.limits.partBytes) this.over("part-size", this.limits.partBytes, part);
    if (this.inflated > this.limits.inflatedBytes) this.over("inflated-size", this.limits.inflatedBytes, part);
  }

  /** Cells read in a sheet (or a sheet part, before sheets have names). */
  addCells(sheet: string, n: number): void {
    if (n <= 0) return;
    this.cells += n;
    const inSheet = (this.sheetCells.get(sheet) ?? 0) + n;
    this.sheetCells.set(sheet, inSheet);
    if (inSheet > this.limits.sheetCells) this.over("sheet-cells", this.limits.sheetCells, sheet);
    if (this.cells > this.limits.cells) this.over("cells", this.limits.cells);
  }

  /** Shared-string items: each a text kept for the whole read. */
  addStrings(n: number): void {
    this.strings += n;
    if (this.strings > this.limits.cells) this.over("strings", this.limits.cells);
  }

  /** What has been counted so far. */
  usage(): { inflatedBytes: number; cells: number; strings: number; textChars: number } {
    return { inflatedBytes: this.inflated, cells: this.cells, strings: this.strings, textChars: this.text };
  }

  /** Characters of text the grids will hold. */
  addText(chars: number): void {
    this.text += chars;
    if (this.text > this.limits.textChars) this.over("text", this.limits.textChars);
  }
}
