import {
  guardText,
  textCell,
  parseRange,
  rectAddress,
  rectanglesOf,
  rectSize,
  type CellValue,
  type ExistingValidation,
  type Lang,
  type MergedRange,
  type Rect,
  type SheetGrid,
  type WriteOp,
  type WritePlan,
} from "@pmark/core";
import { BridgeError, CheckCancelled } from "@pmark/ui";
import {
  HIGHLIGHT_SHEET,
  fillStateOf,
  recordCells,
  recordsToRows,
  rowsToRecords,
  sameFill,
  splitLargeRecords,
  type FillState,
  type HighlightRecord,
} from "./highlight-store";

/**
 * The Excel adapter: reads the workbook into SheetGrids and applies write plans, with the
 * number of `context.sync` round trips driven by payload size, never by the number of cells,
 * rows or findings. Every function takes the request context; `withExcel` (errors.ts) owns
 * `Excel.run`. Only Excel.* rich APIs are used, string literals for enums.
 */

/** Optional requirement sets, detected once by the bridge (ExcelApi 1.9 is the manifest's minimum). */
export interface Features {
  /** ExcelApi 1.13: getMergedAreasOrNullObject, to refuse writes into part of a merged cell. */
  mergedAreas: boolean;
  /** ExcelApi 1.14: `triggerSource` on change events, to ignore the add-in's own writes. */
  triggerSource: boolean;
}

export const NO_FEATURES: Features = { mergedAreas: false, triggerSource: false };

/** Bytes per round trip: under Excel on the web's 5 MB request/response cap, with headroom. */
export const DEFAULT_BUDGET = 4_000_000;
/** Excel reads at most 5,000,000 cells per request: a sheet with more real data is skipped with a notice. */
export const MAX_SHEET_CELLS = 5_000_000;
/** The first rows (and columns) of each sheet, read up front to estimate the bytes per cell of the full read. */
const SAMPLE_RANGE = "A1:CV64";
/** Address text per getRanges call: reported failures start around 8,200 characters. */
export const MAX_ADDRESS_CHARS = 7_000;
/** Bytes per cell assumed when a sheet's first rows are empty (nothing to sample). */
const FALLBACK_CELL_BYTES = 40;
/** Response bytes per cell of getCellProperties({format: {fill}}). */
const FILL_BYTES_PER_CELL = 90;

export interface SheetInfo {
  name: string;
  protected: boolean;
  /** Rows and columns of the data read, counted from A1. */
  rows: number;
  cols: number;
}

/** A sheet left out of the check: its real data is more than Excel can hand over in reasonable time. */
export interface SkippedSheet {
  name: string;
  cells: number;
}

export interface WorkbookRead {
  grids: SheetGrid[];
  sheets: SheetInfo[];
  structureProtected: boolean;
  /** The add-in's highlight records (when asked for), for sheets that still exist. */
  highlights: HighlightRecord[];
  highlightSheetExists: boolean;
  /** Sheets too large to read, reported with a notice instead of failing the whole check. */
  skipped: SkippedSheet[];
}

export interface ReadOptions {
  budget?: number;
  features?: Features;
  /** Also read the highlight bookkeeping (no extra round trip). */
  withHighlights?: boolean;
  /** Checked between round trips: a stopped check stops reading. */
  signal?: AbortSignal;
  /** Sheets read so far, after each round trip. */
  onProgress?(progress: { done: number; total: number }): void;
}

function isPayloadError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : "";
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code) || /payload/i.test(typeof err?.message === "string" ? err.message : "");
}

function tooLarge(what: string): BridgeError {
  return new BridgeError("too-large", {
    ja: `${what}が大きすぎて Excel から一度に読み書きできません。シートを分けるか、コマンドライン版 pmark でチェックしてください。`,
    en: `${what} is too large to read or write through Excel. Split the sheet, or check the file with the pmark command line.`,
  });
}

/** A rectangle of one sheet to read, 0-based. */
interface Area {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Block extends Area {
  bytes: number;
}

/** Packs blocks into round trips of at most `budget` estimated bytes, in order. */
function packBlocks(blocks: readonly Block[], budget: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    if (current.length > 0 && size + b.bytes > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += b.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function toFormula(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/** A used range larger than this may be inflated by a stray value far away: its real data is found block by block. */
export const INFLATED_CELLS = 1_000_000;
/** The blocks a large used range is probed in (one small response each). */
const PROBE_ROWS = 65_536;
const PROBE_COLS = 256;
/** Rows missing between blocks of data: one shared empty row, so a stray value a million rows down costs nothing. */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

function checkStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CheckCancelled();
}

/**
 * Reads every worksheet's values and formulas (its real data, from A1):
 * round trip 1 lists the sheets, round trip 2 gets each values-only used range, protection,
 * merged areas and a sample of its first rows. A used range over a million cells (often one
 * stray value at AD200000 or A1048576) is then probed in blocks in one more round trip, and only
 * the blocks with data are read; a sheet whose real data is still over Excel's 5,000,000-cell
 * limit is skipped and reported, never failing the whole check. The values and formulas come in
 * as few round trips as the estimated payload allows: one while the workbook fits the byte
 * budget, row blocks beyond that. The count is the same for 10 rows as for 10,000.
 */
export async function readGrids(ctx: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const features = options.features ?? NO_FEATURES;

  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name");
  const wbProtection = ctx.workbook.protection;
  wbProtection.load("protected");
  await ctx.sync();
  checkStopped(options.signal);

  const all = worksheets.items;
  const highlightSheet = all.find((ws) => ws.name === HIGHLIGHT_SHEET) ?? null;
  const user = all.filter((ws) => ws.name !== HIGHLIGHT_SHEET);
  const probes = user.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    ws.protection.load("protected");
    // The sample's columns are bounded too: a stray value in XFD1 must not make it a million cells.
    const sample = ws.getRange(SAMPLE_RANGE).getUsedRangeOrNullObject(true);
    sample.load("values,formulas,rowCount,columnCount");
    const merged = features.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
    return { ws, used, sample, merged };
  });
  let bookkeeping: Excel.Range | null = null;
  if (options.withHighlights && highlightSheet) {
    bookkeeping = highlightSheet.getUsedRangeOrNullObject(true);
    bookkeeping.load("values");
  }
  await ctx.sync();
  checkStopped(options.signal);

  // Where each sheet's data is: the used range from A1, or, for a large one, the blocks that hold data.
  const areas: Area[][] = probes.map(() => []);
  const blockProbes: { sheet: number; range: Excel.Range }[] = [];
  probes.forEach((p, i) => {
    if (p.used.isNullObject) return;
    const rows = p.used.rowIndex + p.used.rowCount;
    const cols = p.used.columnIndex + p.used.columnCount;
    if (rows * cols <= INFLATED_CELLS) {
      (areas[i] as Area[]).push({ sheet: i, top: 0, left: 0, rows, cols });
      return;
    }
    for (let top = 0; top < rows; top += PROBE_ROWS) {
      for (let left = 0; left < cols; left += PROBE_COLS) {
        const range = p.ws.getRangeByIndexes(top, left, Math.min(PROBE_ROWS, rows - top), Math.min(PROBE_COLS, cols - left)).getUsedRangeOrNullObject(true);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        blockProbes.push({ sheet: i, range });
      }
    }
  });
  if (blockProbes.length > 0) {
    await ctx.sync();
    checkStopped(options.signal);
    for (const b of blockProbes) {
      if (b.range.isNullObject) continue;
      // The block's data from column A on the first blocks, so headers and row labels stay in place.
      const left = b.range.columnIndex < PROBE_COLS ? 0 : b.range.columnIndex;
      (areas[b.sheet] as Area[]).push({ sheet: b.sheet, top: b.range.rowIndex, left, rows: b.range.rowCount, cols: b.range.columnIndex + b.range.columnCount - left });
    }
  }

  const sheets: SheetInfo[] = [];
  const skipped: SkippedSheet[] = [];
  const reading = new Set<number>();
  const blocks: Block[] = [];
  probes.forEach((p, i) => {
    const mine = areas[i] as Area[];
    const rows = mine.reduce((n, a) => Math.max(n, a.top + a.rows), 0);
    const cols = mine.reduce((n, a) => Math.max(n, a.left + a.cols), 0);
    const cells = mine.reduce((n, a) => n + a.rows * a.cols, 0);
    sheets.push({ name: p.ws.name, protected: p.ws.protection.protected, rows, cols });
    if (cells === 0) return;
    if (cells > MAX_SHEET_CELLS) {
      skipped.push({ name: p.ws.name, cells });
      return;
    }
    reading.add(i);
    let cellBytes = FALLBACK_CELL_BYTES;
    if (!p.sample.isNullObject && p.sample.rowCount * p.sample.columnCount > 0) {
      const sampled = JSON.stringify(p.sample.values).length + JSON.stringify(p.sample.formulas).length;
      cellBytes = Math.max(4, sampled / (p.sample.rowCount * p.sample.columnCount));
    }
    for (const a of mine) {
      // A quarter of headroom over the sample's density, plus the array punctuation per row.
      const rowBytes = Math.ceil(cellBytes * a.cols * 1.25) + 16;
      const perBlock = Math.max(1, Math.min(Math.floor(budget / rowBytes), Math.floor(1_000_000 / a.cols)));
      for (let start = 0; start < a.rows; start += perBlock) {
        const count = Math.min(perBlock, a.rows - start);
        blocks.push({ ...a, top: a.top + start, rows: count, bytes: count * rowBytes });
      }
    }
  });

  const values: CellValue[][][] = probes.map(() => []);
  const formulas: (string | null)[][][] = probes.map(() => []);
  const hasFormula = probes.map(() => false);
  const place = <T>(target: T[][], top: number, left: number, rows: readonly (readonly T[])[]) => {
    rows.forEach((row, j) => {
      const at = top + j;
      if (left === 0 && target[at] === undefined) {
        target[at] = row as T[];
        return;
      }
      const into = target[at] === undefined || target[at] === (EMPTY_ROW as unknown) ? [] : (target[at] as T[]);
      row.forEach((v, c) => (into[left + c] = v));
      target[at] = into;
    });
  };
  const readGroup = async (group: Block[], depth: number): Promise<void> => {
    const ranges = group.map((b) => {
      const r = (probes[b.sheet] as (typeof probes)[number]).ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols);
      r.load("values,formulas");
      return r;
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e) || depth > 8) throw e;
      // The estimate was short: halve the blocks and read them again.
      const halves = group.flatMap((b) =>
        b.rows === 1
          ? [b]
          : [
              { ...b, rows: Math.ceil(b.rows / 2), bytes: b.bytes / 2 },
              { ...b, top: b.top + Math.ceil(b.rows / 2), rows: Math.floor(b.rows / 2), bytes: b.bytes / 2 },
            ],
      );
      if (halves.length === group.length && group.every((b) => b.rows === 1)) throw tooLarge(`「${(probes[group[0]?.sheet ?? 0] as (typeof probes)[number]).ws.name}」`);
      for (const g of packBlocks(halves, Math.max(1, group.reduce((s, b) => s + b.bytes, 0) / 2))) await readGroup(g, depth + 1);
      return;
    }
    checkStopped(options.signal);
    group.forEach((b, k) => {
      const r = ranges[k] as Excel.Range;
      place(values[b.sheet] as CellValue[][], b.top, b.left, r.values as CellValue[][]);
      const f = r.formulas.map((row) => row.map(toFormula));
      if (f.some((row) => row.some((x) => x !== null))) hasFormula[b.sheet] = true;
      place(formulas[b.sheet] as (string | null)[][], b.top, b.left, f);
    });
  };
  const groups = packBlocks(blocks, budget);
  const lastGroupOf = new Map<number, number>();
  groups.forEach((g, n) => g.forEach((b) => lastGroupOf.set(b.sheet, n)));
  for (let n = 0; n < groups.length; n++) {
    await readGroup(groups[n] as Block[], 0);
    const done = [...lastGroupOf.values()].filter((last) => last <= n).length;
    options.onProgress?.({ done, total: reading.size });
  }

  const names = new Set(user.map((ws) => ws.name));
  const grids: SheetGrid[] = [];
  probes.forEach((p, i) => {
    if (skipped.some((s) => s.name === p.ws.name)) return;
    const merges: MergedRange[] = [];
    if (p.merged && !p.merged.isNullObject) {
      for (const area of p.merged.areas.items) {
        merges.push({ startRow: area.rowIndex, startCol: area.columnIndex, endRow: area.rowIndex + area.rowCount - 1, endCol: area.columnIndex + area.columnCount - 1 });
      }
    }
    const v = values[i] as CellValue[][];
    const f = formulas[i] as (string | null)[][];
    for (let r = 0; r < v.length; r++) {
      if (v[r] === undefined) v[r] = EMPTY_ROW as CellValue[];
      if (f[r] === undefined) f[r] = EMPTY_ROW as (string | null)[];
    }
    grids.push({
      name: p.ws.name,
      values: v,
      ...(hasFormula[i] ? { formulas: f } : {}),
      ...(merges.length > 0 ? { merges } : {}),
    });
  });
  const highlights = bookkeeping && !bookkeeping.isNullObject ? rowsToRecords(bookkeeping.values).filter((r) => names.has(r.sheet)) : [];
  return { grids, sheets, structureProtected: wbProtection.protected, highlights, highlightSheetExists: highlightSheet !== null, skipped };
}

/**
 * Queues commands into round trips of at most `budget` estimated bytes: a command that would
 * overflow the current round trip syncs it first. Commands are queued in order, so a failure
 * leaves an ordered prefix written.
 */
class Batcher {
  private size = 0;
  syncs = 0;
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: number,
    /** Runs after each round trip (to collect what it loaded). */
    private readonly afterSync: () => void = () => undefined,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.size > 0 && this.size + bytes > this.budget) await this.flush();
    queue();
    this.size += bytes;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    await this.ctx.sync();
    this.syncs++;
    this.size = 0;
    this.afterSync();
  }
}

/** Splits addresses into comma-joined lists under MAX_ADDRESS_CHARS characters each. */
export function addressChunks(addresses: readonly string[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 1 + a.length > max) {
      out.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") out.push(current);
  return out;
}

/** Excel column width in points for a width in characters (about 7 px a character plus padding). */
function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function rectangular<T>(block: readonly (readonly T[])[], fill: T): T[][] {
  const width = block.reduce((w, row) => Math.max(w, row.length), 0);
  return block.map((row) => {
    const r = [...row];
    while (r.length < width) r.push(fill);
    return r;
  });
}

function rowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 2;
}

export interface ApplyOptions {
  lang: Lang;
  budget?: number;
  /** The grids the plan was checked against: what a failed write is rolled back to. */
  grids: readonly SheetGrid[];
}

export interface ApplyOutcome {
  written: number;
  syncs: number;
}

/**
 * Writes a checked plan (see core's `preparePlan`; highlights go through `applyHighlights`)
 * in as few round trips as its payload allows, screen updating suspended. Text is written as
 * text. If a round trip fails, the sheets added are deleted and the cells written are put back,
 * so nothing is left half-written.
 */
export async function applyPlan(ctx: Excel.RequestContext, plan: WritePlan, options: ApplyOptions): Promise<ApplyOutcome> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const batch = new Batcher(ctx, budget);
  const sheets = new Map<string, Excel.Worksheet>();
  const added: string[] = [];
  const touched: Touched[] = [];
  const rows = new RowLog();
  let written = 0;
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  try {
    let editing = false;
    for (const op of plan.ops) {
      const edit = op.op === "insertRows" || op.op === "deleteRows";
      // Row insertions and deletions travel in round trips of their own: once one has gone
      // through, every one of them is known to be done, so a rollback removes exactly those.
      if (edit !== editing) {
        await batch.flush();
        if (editing) rows.commit();
        editing = edit;
      }
      if (edit) {
        const o = op;
        await batch.add(150, () => {
          const range = sheet(o.sheet).getRangeByIndexes(o.op === "insertRows" ? o.after : o.row - 1, 0, o.count, 1).getEntireRow();
          if (o.op === "insertRows") range.insert("Down");
          else range.delete("Up");
        });
        rows.queue(o);
        continue;
      }
      written += await queueOp(ctx, op, batch, sheet, sheets, added, touched, options.lang, budget, rows);
    }
    await batch.flush();
    rows.commit();
  } catch (e) {
    // Excel keeps what a failed round trip ran before the failing command, the first one's too.
    await rollback(ctx, added, touched, options.grids, rows).catch(() => undefined);
    throw e;
  }
  return { written, syncs: batch.syncs };
}

/** Cells a plan wrote on an existing sheet, in the rows as they were when written (after `edits` row edits). */
interface Touched {
  sheet: string;
  rect: Rect;
  edits: number;
}

/**
 * The rows a plan inserted and deleted, in order: the rows done (their round trip went through)
 * and those queued. A rollback maps each cell written back to the row it was read from, and
 * takes the inserted rows out again, last first.
 */
class RowLog {
  readonly done: { sheet: string; insert: boolean; row: number; count: number }[] = [];
  private pending: { sheet: string; insert: boolean; row: number; count: number }[] = [];

  queue(op: Extract<WriteOp, { op: "insertRows" | "deleteRows" }>): void {
    this.pending.push({ sheet: op.sheet, insert: op.op === "insertRows", row: op.op === "insertRows" ? op.after : op.row, count: op.count });
  }

  commit(): void {
    for (const e of this.pending) this.done.push(e);
    this.pending = [];
  }

  /** The row as read for a 1-based row after the first `n` edits; null for a row the plan inserted (or a row it deleted). */
  original(sheet: string, row: number, n: number): number | null {
    let r = row;
    for (let i = Math.min(n, this.done.length) - 1; i >= 0; i--) {
      const e = this.done[i] as RowLog["done"][number];
      if (e.sheet !== sheet) continue;
      if (e.insert) {
        if (r > e.row + e.count) r -= e.count;
        else if (r > e.row) return null;
      } else if (r >= e.row) r += e.count;
    }
    return r;
  }

  /** Where a row as read is now, after every edit done; null when the plan deleted it. */
  current(sheet: string, row: number): number | null {
    let r = row;
    for (const e of this.done) {
      if (e.sheet !== sheet) continue;
      if (e.insert) {
        if (r > e.row) r += e.count;
      } else if (r >= e.row + e.count) r -= e.count;
      else if (r >= e.row) return null;
    }
    return r;
  }
}

async function queueOp(
  ctx: Excel.RequestContext,
  op: WriteOp,
  batch: Batcher,
  sheet: (name: string) => Excel.Worksheet,
  sheets: Map<string, Excel.Worksheet>,
  added: string[],
  touched: Touched[],
  lang: Lang,
  budget: number,
  rows: RowLog,
): Promise<number> {
  switch (op.op) {
    case "addSheet":
      await batch.add(200, () => {
        const ws = ctx.workbook.worksheets.add(op.sheet);
        sheets.set(op.sheet, ws);
        if (op.tabColor) ws.tabColor = op.tabColor;
        if (op.hidden) ws.visibility = "Hidden";
      });
      added.push(op.sheet);
      return 0;
    case "values":
    case "formulas": {
      const isValues = op.op === "values";
      const block = isValues ? rectangular(op.values.map((row) => row.map((v) => (v === undefined ? null : guardText(v)))), null as CellValue) : rectangular(op.formulas, null as string | null);
      const width = block[0]?.length ?? 0;
      if (block.length === 0 || width === 0) return 0;
      let n = 0;
      for (const row of block) for (const v of row) if (v !== null) n++;
      // Row blocks sized to the byte budget: one block for any plan that fits.
      let start = 0;
      while (start < block.length) {
        let bytes = 0;
        let end = start;
        while (end < block.length && (end === start || bytes + rowBytes(block[end] as unknown[]) <= budget * 0.9)) bytes += rowBytes(block[end++] as unknown[]);
        const part = block.slice(start, end);
        const top = op.row + start;
        await batch.add(bytes + 200, () => {
          const range = sheet(op.sheet).getRangeByIndexes(top - 1, op.col - 1, part.length, width);
          if (isValues) range.values = part as (string | number | boolean)[][];
          else range.formulas = part as string[][];
        });
        touched.push({ sheet: op.sheet, rect: { top, left: op.col, bottom: top + part.length - 1, right: op.col + width - 1 }, edits: rows.done.length });
        start = end;
      }
      return n;
    }
    case "validation":
      await batch.add(400 + op.list.join(",").length, () => {
        const dv = sheet(op.sheet).getRange(op.range).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
        dv.ignoreBlanks = op.allowBlank;
        dv.errorAlert = { showAlert: true, style: op.strict === false ? "Warning" : "Stop", title: "", message: "" };
        if (op.prompt) dv.prompt = { showPrompt: true, title: "", message: op.prompt[lang].slice(0, 255) };
      });
      return 0;
    case "conditionalFormat":
      await batch.add(300 * op.rules.length, () => {
        const range = sheet(op.sheet).getRange(op.range);
        for (const rule of op.rules) {
          const cf = range.conditionalFormats.add("CellValue");
          cf.cellValue.format.fill.color = rule.fill;
          if (rule.font) cf.cellValue.format.font.color = rule.font;
          cf.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
        }
      });
      return 0;
    case "format": {
      const rect = parseRange(op.range);
      const cells = rect ? rectSize(rect) : 1;
      await batch.add(200 + (op.numberFormat ? cells * (op.numberFormat.length + 3) : 0), () => {
        const range = sheet(op.sheet).getRange(op.range);
        if (op.bold !== undefined) range.format.font.bold = op.bold;
        if (op.fill) range.format.fill.color = op.fill;
        if (op.wrap !== undefined) range.format.wrapText = op.wrap;
        if (op.numberFormat && rect) {
          const nf = op.numberFormat;
          range.numberFormat = Array.from({ length: rect.bottom - rect.top + 1 }, () => Array.from({ length: rect.right - rect.left + 1 }, () => nf));
        }
      });
      return 0;
    }
    case "columnWidths":
      await batch.add(100 * op.widths.length, () => {
        const ws = sheet(op.sheet);
        op.widths.forEach((w, i) => {
          ws.getRangeByIndexes(0, op.col - 1 + i, 1, 1).format.columnWidth = columnPoints(w);
        });
      });
      return 0;
    case "freeze":
      await batch.add(150, () => {
        const ws = sheet(op.sheet);
        if (op.rows > 0 && op.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, op.rows, op.cols));
        else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
        else if (op.cols > 0) ws.freezePanes.freezeColumns(op.cols);
      });
      return 0;
    case "deleteSheet":
      await batch.add(100, () => {
        ctx.workbook.worksheets.getItem(op.sheet).delete();
        sheets.delete(op.sheet);
      });
      return 0;
    case "clear":
      await batch.add(150, () => {
        sheet(op.sheet).getRange(op.range).clear("Contents");
      });
      touched.push({ sheet: op.sheet, rect: parseRange(op.range) ?? { top: 1, left: 1, bottom: 1, right: 1 }, edits: rows.done.length });
      return 0;
    case "removeValidation":
      await batch.add(120, () => {
        sheet(op.sheet).getRange(op.range).dataValidation.clear();
      });
      return 0;
    case "highlight":
      throw new Error("highlight ops are applied with applyHighlights");
    case "insertRows":
    case "deleteRows":
      throw new Error("row edits are queued by applyPlan");
  }
}

async function rollback(ctx: Excel.RequestContext, added: readonly string[], touched: readonly Touched[], grids: readonly SheetGrid[], rows: RowLog): Promise<void> {
  const addedSet = new Set(added);
  for (const name of added) ctx.workbook.worksheets.getItemOrNullObject(name).delete();
  await ctx.sync().catch(() => undefined);
  // Sheet by sheet: the sheet that refused the write may refuse its rollback too, and must not
  // keep the others from theirs.
  const names = new Set([...touched.map((t) => t.sheet), ...rows.done.map((e) => e.sheet)]);
  for (const name of names) {
    if (addedSet.has(name)) continue;
    rollbackSheet(ctx, name, touched, grids, rows);
    await ctx.sync().catch(() => undefined);
  }
}

function rollbackSheet(ctx: Excel.RequestContext, name: string, touched: readonly Touched[], grids: readonly SheetGrid[], rows: RowLog): void {
  for (const t of touched) {
    if (t.sheet !== name) continue;
    const grid = grids.find((g) => g.name === t.sheet);
    // A row the plan inserted goes away below; any other goes back where it now is, in one
    // range write per run of rows that are still next to each other.
    let run: (string | number | boolean)[][] = [];
    let runTop = 0;
    const flush = () => {
      if (run.length > 0) ctx.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(runTop - 1, t.rect.left - 1, run.length, t.rect.right - t.rect.left + 1).formulas = run as string[][];
      run = [];
    };
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      const read = rows.original(t.sheet, r, t.edits);
      const now = read === null ? null : rows.current(t.sheet, read);
      if (read === null || now === null) {
        flush();
        continue;
      }
      if (run.length > 0 && now !== runTop + run.length) flush();
      if (run.length === 0) runTop = now;
      const row: (string | number | boolean)[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const f = grid?.formulas?.[read - 1]?.[c - 1];
        const v = grid?.values[read - 1]?.[c - 1];
        // Text goes back behind the text prefix, so it stays text (never a number or a formula).
        row.push(typeof f === "string" && f.startsWith("=") ? f : v === null || v === undefined ? "" : typeof v === "string" ? textCell(v) : v);
      }
      run.push(row);
    }
    flush();
  }
  // Inserted rows out again, last first, each where it was put. (Rows the plan deleted were
  // rows it had drafted, unchanged: nothing of the user's to put back.)
  for (let i = rows.done.length - 1; i >= 0; i--) {
    const e = rows.done[i] as RowLog["done"][number];
    if (!e.insert || e.sheet !== name) continue;
    ctx.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(e.row, 0, e.count, 1).getEntireRow().delete("Up");
  }
}

// ---------------------------------------------------------------------------------------------
// Highlights

interface PaintedCell {
  sheet: string;
  row: number;
  col: number;
}

/** Reads the current fill of every cell of the given rectangles, in as few round trips as the payload allows. */
async function readFills(ctx: Excel.RequestContext, rects: readonly { sheet: string; rect: Rect }[], budget: number): Promise<Map<string, FillState>> {
  const out = new Map<string, FillState>();
  const pending: { sheet: string; rect: Rect; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const collect = () => {
    for (const p of pending) {
      p.result.value.forEach((row, i) =>
        row.forEach((cell, j) => {
          out.set(`${p.sheet}\u0000${p.rect.top + i}:${p.rect.left + j}`, fillStateOf(cell.format?.fill));
        }),
      );
    }
    pending.length = 0;
  };
  const batch = new Batcher(ctx, budget, collect);
  const sheets = new Map<string, Excel.Worksheet>();
  for (const { sheet, rect } of rects) {
    const bytes = rectSize(rect) * FILL_BYTES_PER_CELL + 100;
    await batch.add(bytes, () => {
      let ws = sheets.get(sheet);
      if (!ws) sheets.set(sheet, (ws = ctx.workbook.worksheets.getItem(sheet)));
      const result = ws.getRange(rectAddress(rect)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
      pending.push({ sheet, rect, result });
    });
  }
  await batch.flush();
  return out;
}

function protectedError(names: readonly string[]): BridgeError {
  return new BridgeError("protected", {
    ja: `シート「${names.join("」「")}」は保護されているため、色を変更できません。保護を解除してから実行してください。何も変更していません。`,
    en: `Sheet "${names.join('", "')}" is protected, so its fills cannot change. Unprotect it and try again; nothing was changed.`,
  });
}

/** Queues the fills that put cells back to their recorded state, grouped so each colour is one call per address chunk. */
async function queueRestores(ctx: Excel.RequestContext, batch: Batcher, cells: readonly (PaintedCell & { to: FillState })[]): Promise<void> {
  const groups = new Map<string, { sheet: string; to: FillState; cells: PaintedCell[] }>();
  for (const c of cells) {
    const key = `${c.sheet}\u0000${c.to.color ?? ""}\u0000${c.to.pattern ?? ""}\u0000${c.to.patternColor ?? ""}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: c.sheet, to: c.to, cells: [] }));
    g.cells.push(c);
  }
  for (const g of groups.values()) {
    const ws = ctx.workbook.worksheets.getItem(g.sheet);
    const rects = rectanglesOf(g.cells);
    if (g.to.pattern) {
      // Patterned fills (rare) go back cell by cell with every fill property.
      for (const r of rects) {
        const to = g.to;
        await batch.add(rectSize(r) * 80 + 100, () => {
          const props = Array.from({ length: r.bottom - r.top + 1 }, () =>
            Array.from({ length: r.right - r.left + 1 }, () => ({ format: { fill: { color: to.color ?? undefined, pattern: to.pattern as Excel.FillPattern, patternColor: to.patternColor } } })),
          );
          ws.getRange(rectAddress(r)).setCellProperties(props);
        });
      }
      continue;
    }
    for (const addresses of addressChunks(rects.map(rectAddress))) {
      const to = g.to;
      await batch.add(addresses.length + 150, () => {
        const areas = ws.getRanges(addresses);
        if (to.color === null) areas.format.fill.clear();
        else areas.format.fill.color = to.color;
      });
    }
  }
}

async function writeBookkeeping(ctx: Excel.RequestContext, batch: Batcher, exists: boolean, records: readonly HighlightRecord[], budget: number): Promise<void> {
  const rows = recordsToRows(splitLargeRecords(records));
  await batch.add(300, () => {
    const ws = exists ? ctx.workbook.worksheets.getItem(HIGHLIGHT_SHEET) : ctx.workbook.worksheets.add(HIGHLIGHT_SHEET);
    if (!exists) ws.visibility = "VeryHidden";
    ws.getRange("A:D").clear("Contents");
  });
  let start = 0;
  while (start < rows.length) {
    let bytes = 0;
    let end = start;
    while (end < rows.length && (end === start || bytes < budget / 2)) bytes += rowBytes(rows[end++] as unknown[]);
    const part = rows.slice(start, end);
    const top = start;
    await batch.add(bytes + 150, () => {
      ctx.workbook.worksheets.getItem(HIGHLIGHT_SHEET).getRangeByIndexes(top, 0, part.length, 4).values = part as string[][];
    });
    start = end;
  }
}

/**
 * Paints a highlight plan. The fills the cells have now are read first (getCellProperties on
 * each painted rectangle) and recorded in the workbook with the colour painted; cells flagged
 * by an earlier run and no longer flagged get their fill back. Round trips: one to read the
 * fills (more only past the byte budget), then the writes — bookkeeping before paint, so an
 * interrupted run can still be cleared.
 */
export async function applyHighlights(ctx: Excel.RequestContext, plan: WritePlan, read: WorkbookRead, options: { budget?: number } = {}): Promise<ApplyOutcome> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const ops = plan.ops.filter((op): op is Extract<WriteOp, { op: "highlight" }> => op.op === "highlight");
  const newRects = ops.flatMap((op) => op.cells.map((c) => ({ sheet: op.sheet, rect: parseRange(c), fill: op.fill })).filter((x): x is { sheet: string; rect: Rect; fill: string } => x.rect !== null));
  const old = recordCells(read.highlights);
  const protectedNames = new Set(read.sheets.filter((s) => s.protected).map((s) => s.name));
  const blocked = [...new Set([...newRects.map((r) => r.sheet), ...read.highlights.map((r) => r.sheet)])].filter((n) => protectedNames.has(n));
  if (blocked.length > 0) throw protectedError(blocked);
  if (!read.highlightSheetExists && read.structureProtected) {
    throw new BridgeError("protected", {
      ja: "ブックの構成が保護されているため、色付けの記録用シートを追加できません。保護を解除してから実行してください。何も変更していません。",
      en: "The workbook structure is protected, so the sheet that records highlights cannot be added. Unprotect it and try again; nothing was changed.",
    });
  }

  const before = await readFills(ctx, [...newRects, ...read.highlights.map((r) => ({ sheet: r.sheet, rect: r.rect }))], budget);
  const painted = new Set<string>();
  const records: HighlightRecord[] = [];
  for (const r of newRects) {
    const original: FillState[] = [];
    for (let row = r.rect.top; row <= r.rect.bottom; row++) {
      for (let col = r.rect.left; col <= r.rect.right; col++) {
        const key = `${r.sheet}\u0000${row}:${col}`;
        painted.add(key);
        const now = before.get(key) ?? { color: null };
        const prev = old.get(key);
        // Still showing our earlier colour: the user's own fill is the one recorded then.
        original.push(prev && sameFill(now, { color: prev.painted.toUpperCase() }) ? prev.original : now);
      }
    }
    records.push({ sheet: r.sheet, rect: r.rect, painted: r.fill.toUpperCase(), original });
  }
  const restores: (PaintedCell & { to: FillState })[] = [];
  for (const [key, c] of old) {
    if (painted.has(key)) continue;
    if (sameFill(before.get(key) ?? { color: null }, { color: c.painted.toUpperCase() })) restores.push({ sheet: c.sheet, row: c.row, col: c.col, to: c.original });
  }

  const batch = new Batcher(ctx, budget);
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  await queueRestores(ctx, batch, restores);
  await writeBookkeeping(ctx, batch, read.highlightSheetExists, records, budget);
  let cells = 0;
  for (const op of ops) {
    const ws = ctx.workbook.worksheets.getItem(op.sheet);
    for (const addresses of addressChunks(op.cells)) {
      await batch.add(addresses.length + 150, () => {
        ws.getRanges(addresses).format.fill.color = op.fill;
      });
    }
    for (const c of op.cells) cells += rectSize(parseRange(c) ?? { top: 1, left: 1, bottom: 0, right: 0 });
  }
  await batch.flush();
  return { written: cells, syncs: batch.syncs };
}

/**
 * Clear: puts back the recorded fill of every highlighted cell that still shows the colour the
 * add-in painted (a fill the user chose since is kept), then deletes the bookkeeping sheet, so
 * nothing of the add-in's stays in the file (only emptied when the workbook structure is
 * protected). Works after a reload: the records live in the workbook.
 */
export async function clearHighlights(ctx: Excel.RequestContext, options: { budget?: number } = {}): Promise<ApplyOutcome> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name");
  await ctx.sync();
  const hs = worksheets.items.find((ws) => ws.name === HIGHLIGHT_SHEET);
  if (!hs) return { written: 0, syncs: 1 };
  const used = hs.getUsedRangeOrNullObject(true);
  used.load("values");
  const user = worksheets.items.filter((ws) => ws.name !== HIGHLIGHT_SHEET);
  for (const ws of user) ws.protection.load("protected");
  const structure = ctx.workbook.protection;
  structure.load("protected");
  await ctx.sync();
  const names = new Set(user.map((ws) => ws.name));
  const records = used.isNullObject ? [] : rowsToRecords(used.values).filter((r) => names.has(r.sheet));
  const blocked = [...new Set(records.map((r) => r.sheet))].filter((n) => user.find((ws) => ws.name === n)?.protection.protected);
  if (blocked.length > 0) throw protectedError(blocked);
  const now = await readFills(ctx, records.map((r) => ({ sheet: r.sheet, rect: r.rect })), budget);
  const restores: (PaintedCell & { to: FillState })[] = [];
  for (const [key, c] of recordCells(records)) {
    if (sameFill(now.get(key) ?? { color: null }, { color: c.painted.toUpperCase() })) restores.push({ sheet: c.sheet, row: c.row, col: c.col, to: c.original });
  }
  const batch = new Batcher(ctx, budget);
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  await queueRestores(ctx, batch, restores);
  await batch.add(200, () => {
    if (structure.protected) {
      hs.getRange("A:D").clear("Contents");
      return;
    }
    // Excel refuses to delete a very hidden sheet: it is made hidden first.
    hs.visibility = "Hidden";
    hs.delete();
  });
  await batch.flush();
  return { written: restores.length, syncs: 2 + batch.syncs };
}

/**
 * The dropdowns already on the ranges a plan would set them on (one round trip for all):
 * a list rule's choices, null for another kind of rule or a range whose cells differ. Ranges
 * without any rule are left out.
 */
export async function readValidations(ctx: Excel.RequestContext, targets: readonly { sheet: string; range: string }[]): Promise<ExistingValidation[]> {
  const probes = targets.map((t) => {
    const dv = ctx.workbook.worksheets.getItem(t.sheet).getRange(t.range).dataValidation;
    dv.load("type,rule");
    return { ...t, dv };
  });
  await ctx.sync();
  const out: ExistingValidation[] = [];
  for (const p of probes) {
    const type = String(p.dv.type);
    if (type === "None") continue;
    const source = type === "List" ? p.dv.rule?.list?.source : undefined;
    // A list typed into the rule ("有,無"); a list read from cells or any other rule counts as different.
    const list = typeof source === "string" && !source.startsWith("=") ? source.split(",").map((x) => x.trim()) : null;
    out.push({ sheet: p.sheet, range: p.range, list });
  }
  return out;
}

/** Activates the sheet and selects the cell (one round trip). */
export async function selectCell(ctx: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await ctx.sync();
}
