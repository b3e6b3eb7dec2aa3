import type { CellValue, Lang, WriteOp, WritePlan } from "@pmark/core";
import type { ConditionalFormatRulePort, GasServices, PropertiesPort, SheetPort, SpreadsheetPort } from "../gas/ports";
import { parseRange, rectA1, solidBlocks } from "./a1";
import { applyHighlights, type HighlightRequest } from "./highlights";

/**
 * Applies a core WritePlan to the open spreadsheet in blocks: one setValues/setFormulas per
 * hole-free rectangle of an op, one insertRowsAfter or deleteRows per block of rows, one
 * RangeList call per highlight colour, one read and one write of the conditional-format rules
 * per sheet. The number of calls grows with ops, sheets and colours, never with rows.
 */

export interface ApplyOptions {
  lang: Lang;
}

export interface ApplyOutcome {
  /** Values and formulas written plus cells highlighted. */
  written: number;
  /** Sheets the plan added, under the names actually given ("台帳 (2)" when taken). */
  addedSheets: string[];
  highlighted: number;
  /** Set when the highlight memory would exceed its quota: nothing was painted. */
  highlightRefused?: number;
}

/**
 * Text is written as text. setValues parses strings as if typed: "=…", "+…", "-…" and "@…"
 * would become formulas. Plan builders already put their strings behind the text prefix (an
 * apostrophe, Sheets' own "this is text" mark, not part of the stored value), which also keeps
 * "001" or "2024/4/1" from turning into numbers and dates; as a last line of defence any other
 * string that would start a formula gets the prefix here. (setNumberFormat("@") on the block
 * would instead change how the numbers written in the same block display.)
 */
export function guardText(s: string): string {
  return /^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s;
}

function gasValue(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return guardText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v;
}

/**
 * Plan widths are in characters, as every builder writes them and the Excel adapter reads them
 * (about 7 px a character plus padding); Sheets takes pixels.
 */
export function columnPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

class SheetIndex {
  private byName = new Map<string, SheetPort>();
  private names: Set<string> | null = null;
  /** Plan sheet name → the name the added sheet actually got. */
  readonly renamed = new Map<string, string>();

  constructor(private readonly ss: SpreadsheetPort) {}

  private allNames(): Set<string> {
    if (!this.names) {
      this.names = new Set();
      for (const s of this.ss.getSheets()) {
        const name = s.getName();
        this.names.add(name);
        this.byName.set(name, s);
      }
    }
    return this.names;
  }

  resolve(planName: string): SheetPort | null {
    const name = this.renamed.get(planName) ?? planName;
    this.allNames();
    const hit = this.byName.get(name);
    if (hit) return hit;
    const found = this.ss.getSheetByName(name);
    if (found) this.byName.set(name, found);
    return found;
  }

  /** A deleted sheet's name is free again (a report replacing its previous version takes it). */
  forget(name: string): void {
    const names = this.allNames();
    for (const n of [...names]) {
      if (n.toLowerCase() !== name.toLowerCase()) continue;
      names.delete(n);
      this.byName.delete(n);
    }
  }

  /** Plans arrive placed (core's preparePlan gave added sheets free names); the loop is a guard. */
  add(planName: string): { sheet: SheetPort; name: string } {
    const names = this.allNames();
    const taken = new Set([...names].map((n) => n.toLowerCase()));
    let name = planName;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${planName} (${i})`;
    const sheet = this.ss.insertSheet(name, names.size);
    names.add(name);
    this.byName.set(name, sheet);
    this.renamed.set(planName, name);
    return { sheet, name };
  }

}

export class SheetMissingError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet not found: ${sheet}`);
  }
}

function need(index: SheetIndex, name: string): SheetPort {
  const sheet = index.resolve(name);
  if (!sheet) throw new SheetMissingError(name);
  return sheet;
}

/**
 * A sheet's grid has a size (a new sheet: 1,000 rows × 26 columns) and Apps Script refuses a
 * range beyond it, so the grid is grown first when a block reaches past it: one read of the
 * size per sheet, one insert when it is too small.
 */
class SheetSizes {
  private sizes = new Map<SheetPort, { rows: number; cols: number }>();

  ensure(sheet: SheetPort, lastRow: number, lastCol: number): void {
    let size = this.sizes.get(sheet);
    if (!size) {
      size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
      this.sizes.set(sheet, size);
    }
    if (lastRow > size.rows) {
      sheet.insertRowsAfter(size.rows, lastRow - size.rows);
      size.rows = lastRow;
    }
    if (lastCol > size.cols) {
      sheet.insertColumnsAfter(size.cols, lastCol - size.cols);
      size.cols = lastCol;
    }
  }

  /** Rows inserted below `after` or deleted: the grid grows or shrinks by as many (Apps Script keeps the sheet's other rows). */
  rowsChanged(sheet: SheetPort, delta: number): void {
    const size = this.sizes.get(sheet);
    if (size) size.rows += delta;
  }

  ensureRange(sheet: SheetPort, range: string): void {
    const r = parseRange(range);
    if (r) this.ensure(sheet, r.row + r.rows - 1, r.col + r.cols - 1);
  }
}

function writeBlock<T>(
  sheet: SheetPort,
  top: number,
  left: number,
  data: readonly (readonly T[])[],
  isHole: (r: number, c: number) => boolean,
  write: (range: ReturnType<SheetPort["getRange"]>, block: T[][]) => void,
): number {
  const rows = data.length;
  const cols = data.reduce((n, row) => Math.max(n, row.length), 0);
  const holeAt = (r: number, c: number) => c >= (data[r]?.length ?? 0) || isHole(r, c);
  let written = 0;
  for (const b of solidBlocks(rows, cols, holeAt)) {
    const block: T[][] = [];
    for (let r = 0; r < b.rows; r++) block.push((data[b.row + r] as T[]).slice(b.col, b.col + b.cols));
    write(sheet.getRange(top + b.row, left + b.col, b.rows, b.cols), block);
    written += b.rows * b.cols;
  }
  return written;
}

function sameRule(rule: ConditionalFormatRulePort, range: string, equals: string, fill: string): boolean {
  const cond = rule.getBooleanCondition();
  if (!cond) return false;
  const values = cond.getCriteriaValues();
  if (values.length !== 1 || String(values[0]) !== equals) return false;
  if ((cond.getBackground() ?? "").toLowerCase() !== fill.toLowerCase()) return false;
  const ranges = rule.getRanges();
  return ranges.length === 1 && ranges[0]?.getA1Notation() === range;
}

type ConditionalOp = Extract<WriteOp, { op: "conditionalFormat" }>;

function applyConditionalFormats(services: GasServices, sheet: SheetPort, ops: readonly ConditionalOp[]): void {
  const existing = sheet.getConditionalFormatRules();
  const added: ConditionalFormatRulePort[] = [];
  for (const op of ops) {
    const rect = parseRange(op.range);
    if (!rect) continue;
    const a1Range = rectA1(rect);
    const range = sheet.getRange(a1Range);
    for (const r of op.rules) {
      if (existing.some((e) => sameRule(e, a1Range, r.equals, r.fill))) continue; // applied before
      let builder = services.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(r.equals).setBackground(r.fill);
      if (r.font) builder = builder.setFontColor(r.font);
      added.push(builder.setRanges([range]).build());
    }
  }
  // setConditionalFormatRules replaces every rule of the sheet: the user's own come first, kept.
  if (added.length > 0) sheet.setConditionalFormatRules(existing.concat(added));
}

/** Applies every op of the plan in order; highlights and conditional formats are batched at the end. */
export function applyWritePlan(services: GasServices, ss: SpreadsheetPort, props: PropertiesPort | null, plan: WritePlan, options: ApplyOptions): ApplyOutcome {
  const index = new SheetIndex(ss);
  const sizes = new SheetSizes();
  const outcome: ApplyOutcome = { written: 0, addedSheets: [], highlighted: 0 };
  const highlights: HighlightRequest[] = [];
  const conditional = new Map<SheetPort, ConditionalOp[]>();

  for (const op of plan.ops) {
    switch (op.op) {
      case "addSheet": {
        const { sheet, name } = index.add(op.sheet);
        if (op.tabColor) sheet.setTabColor(op.tabColor);
        if (op.hidden) sheet.hideSheet();
        outcome.addedSheets.push(name);
        break;
      }
      case "values": {
        const sheet = need(index, op.sheet);
        sizes.ensure(sheet, op.row + op.values.length - 1, op.col + op.values.reduce((w, r) => Math.max(w, r.length), 1) - 1);
        // null or undefined leaves a cell alone (unconfirmed overwrites are nulled by preparePlan).
        const skip = (r: number, c: number) => op.values[r]?.[c] === null || op.values[r]?.[c] === undefined;
        outcome.written += writeBlock(sheet, op.row, op.col, op.values, skip, (range, block) =>
          range.setValues(block.map((row) => row.map(gasValue))),
        );
        break;
      }
      case "formulas": {
        const sheet = need(index, op.sheet);
        sizes.ensure(sheet, op.row + op.formulas.length - 1, op.col + op.formulas.reduce((w, r) => Math.max(w, r.length), 1) - 1);
        const hole = (r: number, c: number) => op.formulas[r]?.[c] === null || op.formulas[r]?.[c] === undefined;
        outcome.written += writeBlock(sheet, op.row, op.col, op.formulas, hole, (range, block) =>
          range.setFormulas(block.map((row) => row.map((f) => f ?? ""))),
        );
        break;
      }
      case "validation": {
        const sheet = need(index, op.sheet);
        sizes.ensureRange(sheet, op.range);
        // Not strict: other input is flagged, not refused (spellings a sheet already has stay usable).
        let builder = services.SpreadsheetApp.newDataValidation().requireValueInList(op.list, true).setAllowInvalid(op.strict !== true);
        if (op.prompt) builder = builder.setHelpText(op.prompt[options.lang]);
        sheet.getRange(op.range).setDataValidation(builder.build());
        break;
      }
      case "conditionalFormat": {
        const sheet = need(index, op.sheet);
        sizes.ensureRange(sheet, op.range);
        conditional.set(sheet, [...(conditional.get(sheet) ?? []), op]);
        break;
      }
      case "highlight": {
        highlights.push({ sheet: need(index, op.sheet), cells: op.cells, fill: op.fill });
        break;
      }
      case "format": {
        const sheet = need(index, op.sheet);
        sizes.ensureRange(sheet, op.range);
        const range = sheet.getRange(op.range);
        if (op.bold !== undefined) range.setFontWeight(op.bold ? "bold" : "normal");
        if (op.fill !== undefined) range.setBackground(op.fill);
        if (op.wrap !== undefined) range.setWrap(op.wrap);
        if (op.numberFormat !== undefined) range.setNumberFormat(op.numberFormat);
        break;
      }
      case "columnWidths": {
        const sheet = need(index, op.sheet);
        sizes.ensure(sheet, 1, op.col + op.widths.length - 1);
        let i = 0;
        while (i < op.widths.length) {
          let j = i;
          while (j + 1 < op.widths.length && op.widths[j + 1] === op.widths[i]) j++;
          const width = op.widths[i] as number;
          if (width > 0) sheet.setColumnWidths(op.col + i, j - i + 1, columnPixels(width));
          i = j + 1;
        }
        break;
      }
      case "freeze": {
        const sheet = need(index, op.sheet);
        sheet.setFrozenRows(op.rows);
        sheet.setFrozenColumns(op.cols);
        break;
      }
      case "deleteSheet": {
        ss.deleteSheet(need(index, op.sheet));
        index.forget(op.sheet);
        break;
      }
      case "clear": {
        need(index, op.sheet).getRange(op.range).clearContent();
        break;
      }
      case "removeValidation": {
        need(index, op.sheet).getRange(op.range).setDataValidation(null);
        break;
      }
      case "insertRows": {
        // One call per block of rows, whatever its size; rows below move down, as a user's insert.
        const sheet = need(index, op.sheet);
        if (op.after > 0) sheet.insertRowsAfter(op.after, op.count);
        else sheet.insertRowsBefore(1, op.count);
        sizes.rowsChanged(sheet, op.count);
        break;
      }
      case "deleteRows": {
        const sheet = need(index, op.sheet);
        sheet.deleteRows(op.row, op.count);
        sizes.rowsChanged(sheet, -op.count);
        break;
      }
    }
  }

  for (const [sheet, ops] of conditional) applyConditionalFormats(services, sheet, ops);

  if (highlights.length > 0 && props) {
    const result = applyHighlights(ss, props, highlights);
    if (result.ok) {
      outcome.highlighted = result.cells;
      outcome.written += result.cells;
    } else outcome.highlightRefused = result.cells;
  }
  return outcome;
}
