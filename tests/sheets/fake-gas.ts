/**
 * Hand-written fakes of the Apps Script services the add-on uses, faithful where the add-on
 * depends on the behaviour:
 * - getValues() returns Date objects for date-formatted cells (the instant at which the
 *   spreadsheet's time zone shows that date), "" for blanks, the cached result for formulas;
 * - setValues() parses strings as Sheets does when typing: "=…" (and "+…", "-…", "@…" that are
 *   not numbers) become formulas, numbers and dates become numbers, TRUE/FALSE booleans, and
 *   a leading apostrophe keeps the rest as text;
 * - getBackgrounds() reports "no fill" as "#ffffff"; setBackground(null) resets;
 * - setConditionalFormatRules() replaces every rule of the sheet;
 * - insertSheet() refuses a name that exists; Properties refuse values over 9 KB and stores
 *   over 500 KB; getRange() refuses empty ranges.
 * Every call on a SpreadsheetApp object (app, spreadsheet, sheet, range, range list, builders,
 * rules, UI) is counted, by method.
 */
import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";

export class Calls {
  total = 0;
  byMethod = new Map<string, number>();
  hit(name: string): void {
    this.total++;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) + 1);
  }
  reset(): void {
    this.total = 0;
    this.byMethod.clear();
  }
  of(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }
  summary(): Record<string, number> {
    return Object.fromEntries([...this.byMethod].sort(([a], [b]) => a.localeCompare(b)));
  }
}

interface Cell {
  v: string | number | boolean | null;
  f: string | null;
  bg: string | null;
  fmt: string | null;
  quote: boolean;
  bold?: boolean;
  wrap?: boolean;
  font?: string | null;
  validation?: FakeDataValidation | null;
}

const emptyCell = (): Cell => ({ v: null, f: null, bg: null, fmt: null, quote: false });

const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();
const dateCache = new Map<string, number>();

/** Offset (ms) of `timeZone` at instant t: wall clock minus UTC. */
function offsetAt(timeZone: string, t: number): number {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  })));
  const parts = format.formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(t / 1000) * 1000;
}

/** The Date Apps Script returns for a date serial in a spreadsheet of `timeZone`. */
export function dateForSerial(serial: number, timeZone: string): Date {
  const key = `${timeZone}|${serial}`;
  const hit = dateCache.get(key);
  if (hit !== undefined) return new Date(hit);
  const wall = Math.round((serial - 25569) * DAY_MS);
  let t = wall - offsetAt(timeZone, wall);
  t = wall - offsetAt(timeZone, t);
  dateCache.set(key, t);
  return new Date(t);
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1Range(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const r1 = Number(m[2]);
  const c1 = colNumber(m[1] as string);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function a1Of(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${colLetters(col)}${row}`;
  return rows === 1 && cols === 1 ? start : `${start}:${colLetters(col + cols - 1)}${row + rows - 1}`;
}

const DATE_FORMAT = "yyyy-mm-dd";

/** What typing `s` into a cell stores, the way Sheets reads input. */
function parseTyped(s: string): Pick<Cell, "v" | "f" | "fmt" | "quote"> {
  if (s.startsWith("'")) return { v: s.slice(1), f: null, fmt: null, quote: true };
  if (s === "") return { v: null, f: null, fmt: null, quote: false };
  if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) return { v: Number(s), f: null, fmt: null, quote: false };
  if (/^(true|false)$/i.test(s.trim())) return { v: /^true$/i.test(s.trim()), f: null, fmt: null, quote: false };
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s.trim());
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / DAY_MS + 25569;
    return { v: serial, f: null, fmt: DATE_FORMAT, quote: false };
  }
  if (/^[=+\-@]/.test(s) && s.length > 1) return { v: "#ERROR!", f: s.startsWith("=") ? s : `=${s}`, fmt: null, quote: false };
  return { v: s, f: null, fmt: null, quote: false };
}

export class FakeDataValidation {
  constructor(
    readonly values: string[],
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getHelpText(): string {
    return this.helpText;
  }
  getCriteriaType(): unknown {
    return "VALUE_IN_LIST";
  }
  getCriteriaValues(): unknown[] {
    return [[...this.values], this.showDropdown];
  }
}

class FakeDataValidationBuilder {
  private values: string[] = [];
  private dropdown = true;
  private allowInvalid = true;
  private help = "";
  constructor(private readonly calls: Calls) {}
  requireValueInList(values: string[], showDropdown = true) {
    this.calls.hit("DataValidationBuilder.requireValueInList");
    this.values = [...values];
    this.dropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.calls.hit("DataValidationBuilder.setAllowInvalid");
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.calls.hit("DataValidationBuilder.setHelpText");
    this.help = text;
    return this;
  }
  build() {
    this.calls.hit("DataValidationBuilder.build");
    return new FakeDataValidation(this.values, this.dropdown, this.allowInvalid, this.help);
  }
}

class FakeBooleanCondition {
  constructor(
    private readonly calls: Calls,
    readonly text: string,
    readonly background: string | null,
    readonly fontColor: string | null,
  ) {}
  getBackground() {
    this.calls.hit("BooleanCondition.getBackground");
    return this.background;
  }
  getFontColor() {
    this.calls.hit("BooleanCondition.getFontColor");
    return this.fontColor;
  }
  getCriteriaType() {
    this.calls.hit("BooleanCondition.getCriteriaType");
    return "TEXT_EQUAL_TO";
  }
  getCriteriaValues() {
    this.calls.hit("BooleanCondition.getCriteriaValues");
    return [this.text];
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly calls: Calls,
    readonly ranges: FakeRange[],
    readonly condition: FakeBooleanCondition | null,
  ) {}
  getRanges() {
    this.calls.hit("ConditionalFormatRule.getRanges");
    return this.ranges;
  }
  getBooleanCondition() {
    this.calls.hit("ConditionalFormatRule.getBooleanCondition");
    return this.condition;
  }
}

class FakeConditionalFormatRuleBuilder {
  private text = "";
  private background: string | null = null;
  private font: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly calls: Calls) {}
  whenTextEqualTo(text: string) {
    this.calls.hit("ConditionalFormatRuleBuilder.whenTextEqualTo");
    this.text = text;
    return this;
  }
  setBackground(color: string | null) {
    this.calls.hit("ConditionalFormatRuleBuilder.setBackground");
    this.background = color;
    return this;
  }
  setFontColor(color: string | null) {
    this.calls.hit("ConditionalFormatRuleBuilder.setFontColor");
    this.font = color;
    return this;
  }
  setRanges(ranges: FakeRange[]) {
    this.calls.hit("ConditionalFormatRuleBuilder.setRanges");
    this.ranges = ranges;
    return this;
  }
  build() {
    this.calls.hit("ConditionalFormatRuleBuilder.build");
    return new FakeConditionalFormatRule(this.calls, this.ranges, new FakeBooleanCondition(this.calls, this.text, this.background, this.font));
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    if (rows < 1 || cols < 1) throw new Error("The number of rows in the range must be at least 1.");
  }
  private get calls() {
    return this.sheet.calls;
  }
  private each<T>(fn: (cell: Cell, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.cols; c++) row.push(fn(this.sheet.cell(this.row + r, this.col + c), r, c));
      out.push(row);
    }
    return out;
  }
  private checkShape(data: unknown[][], what: string): void {
    if (data.length !== this.rows || data.some((row) => row.length !== this.cols)) {
      throw new Error(`The number of rows or columns in the ${what} does not match the range.`);
    }
  }
  getValues() {
    this.calls.hit("Range.getValues");
    this.sheet.spreadsheet.clock.advance(this.rows * this.cols * this.sheet.spreadsheet.msPerCellRead);
    return this.each((cell): unknown => {
      if (cell.v === null) return "";
      if (typeof cell.v === "number" && cell.fmt === DATE_FORMAT) return dateForSerial(cell.v, this.sheet.spreadsheet.timeZone);
      return cell.v;
    });
  }
  getFormulas() {
    this.calls.hit("Range.getFormulas");
    return this.each((cell) => cell.f ?? "");
  }
  getBackgrounds() {
    this.calls.hit("Range.getBackgrounds");
    return this.each((cell) => cell.bg ?? "#ffffff");
  }
  getMergedRanges() {
    this.calls.hit("Range.getMergedRanges");
    return this.sheet.merges
      .filter((m) => m.row <= this.row + this.rows - 1 && m.row + m.rows - 1 >= this.row && m.col <= this.col + this.cols - 1 && m.col + m.cols - 1 >= this.col)
      .map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }
  getA1Notation() {
    this.calls.hit("Range.getA1Notation");
    return a1Of(this.row, this.col, this.rows, this.cols);
  }
  getRow() {
    this.calls.hit("Range.getRow");
    return this.row;
  }
  getColumn() {
    this.calls.hit("Range.getColumn");
    return this.col;
  }
  getNumRows() {
    this.calls.hit("Range.getNumRows");
    return this.rows;
  }
  getNumColumns() {
    this.calls.hit("Range.getNumColumns");
    return this.cols;
  }
  setValues(values: unknown[][]) {
    this.calls.hit("Range.setValues");
    this.checkShape(values, "data");
    this.sheet.assertEditable(this.row, this.col, this.rows, this.cols);
    this.each((cell, r, c) => {
      const v = values[r]?.[c];
      if (Object.prototype.toString.call(v) === "[object Date]") throw new Error("fake: Date written");
      if (typeof v === "string") Object.assign(cell, parseTyped(v));
      else if (v === null || v === undefined || v === "") Object.assign(cell, { v: null, f: null, quote: false });
      else Object.assign(cell, { v: v as number | boolean, f: null, quote: false });
    });
    return this;
  }
  setFormulas(formulas: string[][]) {
    this.calls.hit("Range.setFormulas");
    this.checkShape(formulas, "data");
    this.sheet.assertEditable(this.row, this.col, this.rows, this.cols);
    this.each((cell, r, c) => {
      const f = formulas[r]?.[c] ?? "";
      if (f === "") Object.assign(cell, { v: null, f: null, quote: false });
      else if (!f.startsWith("=")) Object.assign(cell, parseTyped(f));
      else Object.assign(cell, { v: "", f, quote: false });
    });
    return this;
  }
  setBackground(color: string | null) {
    this.calls.hit("Range.setBackground");
    this.each((cell) => (cell.bg = color === null || color.toLowerCase() === "#ffffff" ? null : color.toLowerCase()));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]) {
    this.calls.hit("Range.setBackgrounds");
    this.checkShape(colors, "data");
    this.each((cell, r, c) => {
      const color = colors[r]?.[c] ?? null;
      cell.bg = color === null || color.toLowerCase() === "#ffffff" ? null : color.toLowerCase();
    });
    return this;
  }
  setNumberFormat(format: string) {
    this.calls.hit("Range.setNumberFormat");
    this.each((cell) => (cell.fmt = format));
    return this;
  }
  setFontWeight(weight: string | null) {
    this.calls.hit("Range.setFontWeight");
    this.each((cell) => (cell.bold = weight === "bold"));
    return this;
  }
  setFontColor(color: string | null) {
    this.calls.hit("Range.setFontColor");
    this.each((cell) => (cell.font = color));
    return this;
  }
  setWrap(wrap: boolean | null) {
    this.calls.hit("Range.setWrap");
    this.each((cell) => (cell.wrap = wrap === true));
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null) {
    this.calls.hit("Range.setDataValidation");
    this.each((cell) => (cell.validation = rule));
    return this;
  }
  getDataValidations() {
    this.calls.hit("Range.getDataValidations");
    return this.each((cell) => cell.validation ?? null);
  }
  clearContent() {
    this.calls.hit("Range.clearContent");
    this.sheet.assertEditable(this.row, this.col, this.rows, this.cols);
    this.each((cell) => {
      cell.v = null;
      cell.f = null;
      cell.quote = false;
    });
    return this;
  }
  activate() {
    this.calls.hit("Range.activate");
    this.sheet.spreadsheet.active = { sheet: this.sheet.name, range: a1Of(this.row, this.col, this.rows, this.cols) };
    return this;
  }
}

class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}
  setBackground(color: string | null) {
    this.sheet.calls.hit("RangeList.setBackground");
    for (const r of this.ranges) {
      for (let i = 0; i < r.rows; i++) {
        for (let j = 0; j < r.cols; j++) {
          this.sheet.cell(r.row + i, r.col + j).bg = color === null || color.toLowerCase() === "#ffffff" ? null : color.toLowerCase();
        }
      }
    }
    return this;
  }
}

export interface FakeSheetInit {
  name: string;
  /** Values as a host would hold them; numbers in `dateCells` are shown as dates. */
  values?: readonly (readonly CellValue[])[];
  formulas?: readonly (readonly (string | null | undefined)[])[];
  /** Merged areas, 0-based inclusive (SheetGrid's shape). */
  merges?: SheetGrid["merges"];
  /** Which numeric cells are date-formatted. */
  isDate?: (value: number, row: number, col: number) => boolean;
  /** Reports this size without holding the cells (for budget tests). */
  virtualSize?: { rows: number; cols: number };
}

export class FakeSheet {
  readonly grid: Cell[][] = [];
  merges: { row: number; col: number; rows: number; cols: number }[] = [];
  conditionalRules: FakeConditionalFormatRule[] = [];
  frozen = { rows: 0, cols: 0 };
  widths = new Map<number, number>();
  tabColor: string | null = null;
  hidden = false;
  /** Protections the current user may not edit (a whole sheet, or A1 ranges). */
  protections: { type: "SHEET" | "RANGE"; range?: string; editable: boolean }[] = [];
  virtualSize: { rows: number; cols: number } | null = null;
  /** Rows inserted (delta > 0) or deleted below 1-based row `after`, in order. */
  rowEdits: { after: number; delta: number }[] = [];
  /** The grid's size: a new sheet has 1,000 rows and 26 columns; ranges beyond it are refused. */
  maxRows = 1000;
  maxCols = 26;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  get calls(): Calls {
    return this.spreadsheet.calls;
  }

  cell(row: number, col: number): Cell {
    while (this.grid.length < row) this.grid.push([]);
    const r = this.grid[row - 1] as Cell[];
    while (r.length < col) r.push(emptyCell());
    return r[col - 1] as Cell;
  }

  /** Test access without counting. */
  peek(a1: string): Cell {
    const r = parseA1Range(a1);
    return this.cell(r.row, r.col);
  }

  assertEditable(row = 1, col = 1, rows = 1, cols = 1): void {
    for (const p of this.protections) {
      if (p.editable) continue;
      const r = p.type === "SHEET" ? null : parseA1Range(p.range ?? "A1");
      const hit = !r || (r.row <= row + rows - 1 && row <= r.row + r.rows - 1 && r.col <= col + cols - 1 && col <= r.col + r.cols - 1);
      if (hit) throw new Error(`You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`);
    }
  }

  /** Every cell with content: its value, formula and text mark (empty cells left out, however the grid grew). */
  contentSnapshot(): Record<string, { v: Cell["v"]; f: string | null; quote: boolean }> {
    const out: Record<string, { v: Cell["v"]; f: string | null; quote: boolean }> = {};
    this.grid.forEach((row, r) => row.forEach((c, k) => (c.v !== null || c.f !== null) && (out[a1Of(r + 1, k + 1)] = { v: c.v, f: c.f, quote: c.quote })));
    return out;
  }

  /** Every filled cell and its fill (cells with no fill are left out, however the grid grew). */
  backgroundsSnapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    this.grid.forEach((row, r) => row.forEach((c, k) => c.bg !== null && (out[a1Of(r + 1, k + 1)] = c.bg)));
    return out;
  }

  lastRow(): number {
    if (this.virtualSize) return this.virtualSize.rows;
    for (let r = this.grid.length; r >= 1; r--) if ((this.grid[r - 1] ?? []).some((c) => c.v !== null || c.f !== null)) return r;
    return 0;
  }

  lastCol(): number {
    if (this.virtualSize) return this.virtualSize.cols;
    let max = 0;
    for (const row of this.grid) for (let c = row.length; c > max; c--) if (row[c - 1] && (row[c - 1]?.v !== null || row[c - 1]?.f !== null)) max = c;
    return max;
  }

  getName() {
    this.calls.hit("Sheet.getName");
    return this.name;
  }
  getSheetId() {
    this.calls.hit("Sheet.getSheetId");
    return this.id;
  }
  getLastRow() {
    this.calls.hit("Sheet.getLastRow");
    return this.lastRow();
  }
  getLastColumn() {
    this.calls.hit("Sheet.getLastColumn");
    return this.lastCol();
  }
  getMaxRows() {
    this.calls.hit("Sheet.getMaxRows");
    return this.maxRows;
  }
  getMaxColumns() {
    this.calls.hit("Sheet.getMaxColumns");
    return this.maxCols;
  }
  insertRowsAfter(after: number, count: number) {
    this.calls.hit("Sheet.insertRowsAfter");
    if (after < 1 || after > this.maxRows) throw new Error("Those rows are out of bounds.");
    if (after < this.maxRows) this.moveRows(after, count);
    this.maxRows += count;
    return this;
  }
  insertRowsBefore(before: number, count: number) {
    this.calls.hit("Sheet.insertRowsBefore");
    if (before < 1 || before > this.maxRows) throw new Error("Those rows are out of bounds.");
    this.moveRows(before - 1, count);
    this.maxRows += count;
    return this;
  }
  deleteRows(row: number, count: number) {
    this.calls.hit("Sheet.deleteRows");
    if (row < 1 || row + count - 1 > this.maxRows) throw new Error("Those rows are out of bounds.");
    if (count >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.moveRows(row - 1, -count);
    this.maxRows -= count;
  }
  /** What Sheets moves when rows go in below 1-based `after` (delta > 0) or come out from it: cells (with their fills and dropdowns) and merges. */
  private moveRows(after: number, delta: number): void {
    if (this.protections.some((p) => p.type === "SHEET" && !p.editable)) throw new Error("You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.");
    this.rowEdits.push({ after, delta });
    if (delta > 0) {
      if (this.grid.length > after) {
        const blank: Cell[][] = [];
        for (let i = 0; i < delta; i++) blank.push([]);
        this.grid.splice(after, 0, ...blank);
      }
    } else this.grid.splice(after, -delta);
    const next: typeof this.merges = [];
    for (const m of this.merges) {
      const last = m.row + m.rows - 1;
      if (delta > 0) {
        if (m.row > after) next.push({ ...m, row: m.row + delta });
        else if (last > after) next.push({ ...m, rows: m.rows + delta });
        else next.push(m);
      } else {
        const first = after + 1;
        const end = after - delta;
        if (last < first) next.push(m);
        else if (m.row > end) next.push({ ...m, row: m.row + delta });
      }
    }
    this.merges = next;
  }
  insertColumnsAfter(after: number, count: number) {
    this.calls.hit("Sheet.insertColumnsAfter");
    if (after !== this.maxCols) throw new Error("fake: only appending columns is modelled");
    this.maxCols += count;
    return this;
  }
  /** Apps Script refuses a range outside the grid. */
  inside(row: number, col: number, rows: number, cols: number): void {
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }
  getDataRange() {
    this.calls.hit("Sheet.getDataRange");
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastCol()));
  }
  getRange(a: string | number, b?: number, c?: number, d?: number) {
    this.calls.hit("Sheet.getRange");
    if (typeof a === "string") {
      const r = parseA1Range(a);
      this.inside(r.row, r.col, r.rows, r.cols);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    }
    this.inside(a, b ?? 1, c ?? 1, d ?? 1);
    return new FakeRange(this, a, b ?? 1, c ?? 1, d ?? 1);
  }
  getRangeList(a1s: string[]) {
    this.calls.hit("Sheet.getRangeList");
    return new FakeRangeList(
      this,
      a1s.map((a) => {
        const r = parseA1Range(a);
        this.inside(r.row, r.col, r.rows, r.cols);
        return new FakeRange(this, r.row, r.col, r.rows, r.cols);
      }),
    );
  }
  getProtections(type: "SHEET" | "RANGE") {
    this.calls.hit("Sheet.getProtections");
    return this.protections
      .filter((p) => p.type === type)
      .map((p) => ({
        canEdit: () => {
          this.calls.hit("Protection.canEdit");
          return p.editable;
        },
        getRange: () => {
          this.calls.hit("Protection.getRange");
          const r = parseA1Range(p.range ?? "A1");
          return new FakeRange(this, r.row, r.col, r.rows, r.cols);
        },
      }));
  }
  getConditionalFormatRules() {
    this.calls.hit("Sheet.getConditionalFormatRules");
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]) {
    this.calls.hit("Sheet.setConditionalFormatRules");
    this.conditionalRules = [...rules];
  }
  setFrozenRows(rows: number) {
    this.calls.hit("Sheet.setFrozenRows");
    this.frozen.rows = rows;
  }
  setFrozenColumns(cols: number) {
    this.calls.hit("Sheet.setFrozenColumns");
    this.frozen.cols = cols;
  }
  setColumnWidths(start: number, count: number, width: number) {
    this.calls.hit("Sheet.setColumnWidths");
    for (let i = 0; i < count; i++) this.widths.set(start + i, width);
    return this;
  }
  setTabColor(color: string | null) {
    this.calls.hit("Sheet.setTabColor");
    this.tabColor = color;
    return this;
  }
  hideSheet() {
    this.calls.hit("Sheet.hideSheet");
    this.hidden = true;
    return this;
  }
  activate() {
    this.calls.hit("Sheet.activate");
    this.spreadsheet.active = { sheet: this.name, range: "A1" };
    return this;
  }
}

/** A controllable clock for the time-limit tests (Date.now inside the sandbox reads it). */
export class FakeClock {
  now = Date.UTC(2025, 5, 30, 1, 0, 0);
  advance(ms: number): void {
    this.now += ms;
  }
}

export class FakeSpreadsheet {
  readonly calls = new Calls();
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { msg: string; title: string }[] = [];
  readonly clock = new FakeClock();
  /** Simulated read cost, for the time-limit tests. */
  msPerCellRead = 0;
  active: { sheet: string; range: string } | null = null;
  private nextId = 1001;

  constructor(readonly timeZone = "Asia/Tokyo") {}

  addSheet(init: FakeSheetInit): FakeSheet {
    const sheet = new FakeSheet(this, init.name, this.nextId++);
    const isDate = init.isDate ?? (() => false);
    (init.values ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const cell = sheet.cell(r + 1, c + 1);
        cell.v = v;
        if (typeof v === "number" && isDate(v, r, c)) cell.fmt = DATE_FORMAT;
      }),
    );
    (init.formulas ?? []).forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === "string" && f.startsWith("=")) sheet.cell(r + 1, c + 1).f = f;
      }),
    );
    sheet.maxRows = Math.max(1000, (init.values ?? []).length, init.virtualSize?.rows ?? 0);
    sheet.maxCols = Math.max(26, ...(init.values ?? []).map((r) => r.length), init.virtualSize?.cols ?? 0);
    sheet.merges = (init.merges ?? []).map((m) => ({ row: m.startRow + 1, col: m.startCol + 1, rows: m.endRow - m.startRow + 1, cols: m.endCol - m.startCol + 1 }));
    if (init.virtualSize) sheet.virtualSize = init.virtualSize;
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  getSheets() {
    this.calls.hit("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    this.calls.hit("Spreadsheet.getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    this.calls.hit("Spreadsheet.insertSheet");
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    this.calls.hit("Spreadsheet.deleteSheet");
    if (sheet.protections.some((p) => p.type === "SHEET" && !p.editable)) throw new Error("You can't remove a protected sheet.");
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error("Sheet not found.");
    this.sheets.splice(at, 1);
  }
  getSpreadsheetTimeZone() {
    this.calls.hit("Spreadsheet.getSpreadsheetTimeZone");
    return this.timeZone;
  }
  toast(msg: string, title: string) {
    this.calls.hit("Spreadsheet.toast");
    this.toasts.push({ msg, title });
  }
}

export class FakeMenu {
  readonly items: ({ caption: string; fn: string } | "separator")[] = [];
  added = false;
  constructor(private readonly calls: Calls) {}
  addItem(caption: string, fn: string) {
    this.calls.hit("Menu.addItem");
    this.items.push({ caption, fn });
    return this;
  }
  addSeparator() {
    this.calls.hit("Menu.addSeparator");
    this.items.push("separator");
    return this;
  }
  addToUi() {
    this.calls.hit("Menu.addToUi");
    this.added = true;
  }
}

export class FakeHtmlOutput {
  title = "";
  constructor(readonly file: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
}

export class FakeProperties {
  readonly store = new Map<string, string>();
  calls = 0;
  getProperties() {
    this.calls++;
    return Object.fromEntries(this.store);
  }
  getProperty(key: string) {
    this.calls++;
    return this.store.get(key) ?? null;
  }
  setProperties(values: Record<string, string>, deleteAllOthers = false) {
    this.calls++;
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(values)) {
      if (Buffer.byteLength(k, "utf8") + Buffer.byteLength(v, "utf8") > 9 * 1024) throw new Error(`Argument too large: ${k}`);
      this.store.set(k, v);
    }
    let total = 0;
    for (const [k, v] of this.store) total += Buffer.byteLength(k, "utf8") + Buffer.byteLength(v, "utf8");
    if (total > 500 * 1024) throw new Error("You have exceeded the property storage quota.");
    return this;
  }
  deleteProperty(key: string) {
    this.calls++;
    this.store.delete(key);
    return this;
  }
}

export interface FakeServices {
  SpreadsheetApp: {
    ProtectionType: { SHEET: "SHEET"; RANGE: "RANGE" };
    DataValidationCriteria: { VALUE_IN_LIST: "VALUE_IN_LIST" };
    getActiveSpreadsheet(): FakeSpreadsheet;
    getUi(): { createAddonMenu(): FakeMenu; showSidebar(html: FakeHtmlOutput): void };
    newDataValidation(): FakeDataValidationBuilder;
    newConditionalFormatRule(): FakeConditionalFormatRuleBuilder;
  };
  HtmlService: { createHtmlOutputFromFile(name: string): FakeHtmlOutput };
  Session: { getActiveUserLocale(): string };
  PropertiesService: { getDocumentProperties(): FakeProperties };
  Logger: { log(...args: unknown[]): void };
}

export interface Fakes {
  services: FakeServices;
  ss: FakeSpreadsheet;
  props: FakeProperties;
  menus: FakeMenu[];
  sidebars: FakeHtmlOutput[];
  logs: unknown[][];
  setLocale(locale: string): void;
}

export function makeFakes(ss: FakeSpreadsheet, locale = "ja"): Fakes {
  const props = new FakeProperties();
  const menus: FakeMenu[] = [];
  const sidebars: FakeHtmlOutput[] = [];
  const logs: unknown[][] = [];
  let userLocale = locale;
  const calls = ss.calls;
  const ui = {
    createAddonMenu() {
      calls.hit("Ui.createAddonMenu");
      const m = new FakeMenu(calls);
      menus.push(m);
      return m;
    },
    showSidebar(html: FakeHtmlOutput) {
      calls.hit("Ui.showSidebar");
      sidebars.push(html);
    },
  };
  const services: FakeServices = {
    SpreadsheetApp: {
      ProtectionType: { SHEET: "SHEET", RANGE: "RANGE" },
      DataValidationCriteria: { VALUE_IN_LIST: "VALUE_IN_LIST" },
      getActiveSpreadsheet() {
        calls.hit("SpreadsheetApp.getActiveSpreadsheet");
        return ss;
      },
      getUi() {
        calls.hit("SpreadsheetApp.getUi");
        return ui;
      },
      newDataValidation() {
        calls.hit("SpreadsheetApp.newDataValidation");
        return new FakeDataValidationBuilder(calls);
      },
      newConditionalFormatRule() {
        calls.hit("SpreadsheetApp.newConditionalFormatRule");
        return new FakeConditionalFormatRuleBuilder(calls);
      },
    },
    HtmlService: { createHtmlOutputFromFile: (name: string) => new FakeHtmlOutput(name) },
    Session: { getActiveUserLocale: () => userLocale },
    PropertiesService: { getDocumentProperties: () => props },
    Logger: { log: (...args: unknown[]) => void logs.push(args) },
  };
  return { services, ss, props, menus, sidebars, logs, setLocale: (l) => (userLocale = l) };
}

/** A fake spreadsheet holding the given grids (numbers that look like recent dates shown as dates). */
export function spreadsheetOf(grids: readonly SheetGrid[], timeZone = "Asia/Tokyo"): FakeSpreadsheet {
  const ss = new FakeSpreadsheet(timeZone);
  for (const g of grids) {
    ss.addSheet({
      name: g.name,
      values: g.values,
      ...(g.formulas ? { formulas: g.formulas } : {}),
      ...(g.merges ? { merges: g.merges } : {}),
      isDate: (v) => Number.isInteger(v) && v >= 40_000 && v <= 50_000,
    });
  }
  return ss;
}
