/**
 * A small, faithful fake of the Excel JavaScript API — the part the adapter uses — for tests
 * without Excel. What it keeps of the real thing:
 *
 * - proxies and batches: calls and property writes are queued and run in order at
 *   `context.sync()`; a property can only be read after `load` + `sync` (else it throws, like
 *   Office's PropertyNotLoaded); `*OrNullObject` results report `isNullObject` after the sync;
 * - Excel on the web's 5 MB cap on each request and each response (`RequestPayloadSizeLimitExceeded`);
 * - writes: null leaves a cell alone, "" clears it, a leading apostrophe makes text, a string
 *   starting with = + - @ becomes a formula and a numeric string a number (as typing would);
 * - protection (writes to a protected sheet fail with AccessDenied, earlier commands of the batch
 *   stay applied), merged cells (writing part of one fails), unique sheet names, ItemNotFound;
 * - RangeAreas from `getRanges` (address lists over 8,192 characters are rejected), fills with
 *   pattern "None" for no fill, getCellProperties/setCellProperties, worksheets.onChanged with
 *   triggerSource.
 *
 * It records every sync, the payload of each, and what was written, for assertions.
 */

export type Cell = string | number | boolean;
type Key = string;
const key = (r: number, c: number): Key => `${r}:${c}`;

export interface Fill {
  color: string;
  pattern: string;
  patternColor?: string;
}

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function boxAddress(b: Box): string {
  const tl = `${colLetters(b.left + 1)}${b.top + 1}`;
  return b.rows === 1 && b.cols === 1 ? tl : `${tl}:${colLetters(b.left + b.cols)}${b.top + b.rows}`;
}

/** "A1", "B2:D9", "1:64" (rows), "A:D" (columns), "$A$1"; 0-based box. */
export function parseAddress(address: string): Box {
  const a = address.replace(/\$/g, "").trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (m) {
    const c1 = colNumber(m[1] as string);
    const r1 = Number(m[2]);
    const c2 = m[3] ? colNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return { top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { top: Number(m[1]) - 1, left: 0, rows: Number(m[2]) - Number(m[1]) + 1, cols: MAX_COLS };
  m = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (m) return { top: 0, left: colNumber(m[1] as string) - 1, rows: MAX_ROWS, cols: colNumber(m[2] as string) - colNumber(m[1] as string) + 1 };
  throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: ${address}`);
}

function intersect(a: Box, b: Box): Box | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const right = Math.min(a.left + a.cols, b.left + b.cols);
  return bottom > top && right > left ? { top, left, rows: bottom - top, cols: right - left } : null;
}

export class SheetModel {
  values = new Map<Key, Cell>();
  formulas = new Map<Key, string>();
  fills = new Map<Key, Fill>();
  merges: Box[] = [];
  protected = false;
  visibility = "Visible";
  tabColor = "";
  validations: { address: string; rule: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }[] = [];
  conditionalFormats: { address: string; type: string; fill?: string; font?: string; rule?: unknown }[] = [];
  frozen: { rows: number; cols: number } = { rows: 0, cols: 0 };
  formats: { address: string; prop: string; value: unknown }[] = [];
  constructor(public name: string) {}

  /** Sets cells from a 2-D array of plain values (test set-up, no parsing). */
  setValues(top: number, left: number, rows: readonly (readonly (Cell | null | undefined)[])[]): void {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (typeof v === "string" && v.startsWith("=")) this.formulas.set(key(top + r, left + c), v);
        else this.values.set(key(top + r, left + c), v);
      }),
    );
  }

  /**
   * Rows inserted above 0-based row `at` (delta > 0) or deleted from it (delta < 0), as Excel
   * moves what is below: cells, formulas, fills, merges (one spanning the insertion point
   * grows), dropdowns and colour rules.
   */
  shiftRows(at: number, delta: number): void {
    const moved = (r: number): number | null => (r < at ? r : delta < 0 && r < at - delta ? null : r + delta);
    for (const map of [this.values, this.formulas, this.fills] as Map<Key, unknown>[]) {
      const entries = [...map];
      map.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(":").map(Number) as [number, number];
        const to = moved(r);
        if (to !== null) map.set(key(to, c), v);
      }
    }
    const moveBox = (b: Box): Box | null => {
      const top = moved(b.top);
      const lastRow = b.top + b.rows - 1;
      const bottom = delta > 0 && b.top < at && lastRow >= at ? lastRow + delta : moved(lastRow);
      if (top === null || bottom === null) return delta < 0 && b.top < at ? { ...b, rows: Math.max(1, b.rows + delta) } : null;
      return { ...b, top, rows: bottom - top + 1 };
    };
    this.merges = this.merges.map(moveBox).filter((b): b is Box => b !== null);
    for (const list of [this.validations, this.conditionalFormats] as { address: string }[][]) {
      for (const v of list) {
        const b = moveBox(parseAddress(v.address));
        if (b) v.address = boxAddress(b);
      }
    }
  }

  value(r: number, c: number): Cell | "" {
    return this.values.get(key(r, c)) ?? "";
  }

  fillAt(r: number, c: number): Fill | undefined {
    return this.fills.get(key(r, c));
  }

  usedBox(within?: Box): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const visit = (k: Key) => {
      const [r, c] = k.split(":").map(Number) as [number, number];
      if (within && (r < within.top || r >= within.top + within.rows || c < within.left || c >= within.left + within.cols)) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const k of this.values.keys()) visit(k);
    for (const k of this.formulas.keys()) visit(k);
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  triggerSource: string;
  type: string;
}

export interface SyncRecord {
  request: number;
  response: number;
  commands: number;
}

/** The workbook behind every context the fake hands out. */
export class FakeWorkbook {
  sheets: SheetModel[] = [];
  structureProtected = false;
  /** Round trips, with their payloads, across every context. */
  syncs: SyncRecord[] = [];
  suspendCalls = 0;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  handlers: ((e: ChangeEvent) => unknown)[] = [];
  payloadLimit = PAYLOAD_LIMIT;
  largestAddressList = 0;
  /** Office's document settings (the add-in's state), as saved with the file. */
  settings: string | null = null;
  /** Whole rows inserted or deleted (1-based first row), in order. */
  rowEdits: { sheet: string; insert: boolean; row: number; count: number }[] = [];

  constructor(sheets: Record<string, readonly (readonly (Cell | null | undefined)[])[]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.addSheet(name).setValues(0, 0, rows);
  }

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  find(name: string): SheetModel | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run`: a new request context per call; pending commands are synced when fn resolves. */
  run = async <T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await fn(ctx);
    if (ctx.pending.length > 0) await ctx.sync();
    return result;
  };

  /** A user's edit (not the add-in's): changes the cell and fires onChanged with source Local. */
  userEdit(sheet: string, address: string, value: Cell): void {
    const b = parseAddress(address);
    this.sheet(sheet).values.set(key(b.top, b.left), value);
    this.fire(sheet, address, "Local");
  }

  fire(sheet: string, address: string, trigger: string): void {
    for (const h of this.handlers) {
      setTimeout(() => void h({ worksheetId: sheet, address, changeType: "RangeEdited", source: "Local", triggerSource: trigger, type: "WorksheetChanged" }), 0);
    }
  }

  get syncCount(): number {
    return this.syncs.length;
  }
}

type Command = { bytes: number; run: () => number };

/** A proxy's loaded properties; reading any other throws, as Office does. */
class Loadable {
  protected loaded: Record<string, unknown> | null = null;
  protected wanted = new Set<string>();
  constructor(readonly ctx: FakeContext) {}

  protected get<T>(prop: string): T {
    if (!this.loaded || !(prop in this.loaded)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded[prop] as T;
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {});
    for (const p of list) this.wanted.add(p.trim());
    const wanted = [...this.wanted];
    this.ctx.enqueue(0, () => {
      const snap = this.snapshot(wanted);
      this.loaded = { ...(this.loaded ?? {}), ...snap };
      return JSON.stringify(snap).length;
    });
    return this;
  }

  /** Values of the requested properties at sync time. */
  protected snapshot(_props: string[]): Record<string, unknown> {
    return {};
  }
}

export class FakeContext {
  pending: Command[] = [];
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(bytes: number, run: () => number | void): void {
    this.pending.push({ bytes, run: () => run() ?? 0 });
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const request = batch.reduce((n, c) => n + c.bytes, 0) + 100;
    const record: SyncRecord = { request, response: 0, commands: batch.length };
    this.model.syncs.push(record);
    await Promise.resolve();
    if (request > this.model.payloadLimit) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    for (const c of batch) record.response += c.run();
    if (record.response > this.model.payloadLimit) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly protection: FakeWorkbookProtection;
  readonly application: { suspendScreenUpdatingUntilNextSync(): void };
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
    this.application = {
      suspendScreenUpdatingUntilNextSync: () => {
        ctx.enqueue(20, () => {
          ctx.model.suspendCalls++;
        });
      },
    };
  }
}

class FakeWorkbookProtection extends Loadable {
  get protected(): boolean {
    return this.get("protected");
  }
  protected override snapshot(): Record<string, unknown> {
    return { protected: this.ctx.model.structureProtected };
  }
}

class FakeWorksheets extends Loadable {
  private sheetProxies: FakeWorksheet[] = [];
  readonly onChanged = {
    add: (handler: (e: ChangeEvent) => unknown) => {
      this.ctx.enqueue(50, () => {
        this.ctx.model.handlers.push(handler);
      });
      return {
        context: this.ctx,
        remove: () => {
          this.ctx.enqueue(20, () => {
            this.ctx.model.handlers = this.ctx.model.handlers.filter((h) => h !== handler);
          });
        },
      };
    },
  };

  get items(): FakeWorksheet[] {
    this.get("items");
    return this.sheetProxies;
  }

  protected override snapshot(props: string[]): Record<string, unknown> {
    const sheets = this.ctx.model.sheets;
    this.sheetProxies = sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s);
      ws.setLoaded({ name: s.name, visibility: s.visibility });
      return ws;
    });
    const fields = props.map((p) => p.replace(/^items\//, ""));
    return { items: sheets.map((s) => Object.fromEntries(fields.map((f) => [f, f === "name" ? s.name : s.visibility]))) };
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheets.find((x) => x.name === name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheets.find((x) => x.name === name) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.ctx.enqueue(100 + name.length, () => {
      const m = this.ctx.model;
      if (m.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      if (m.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      created = m.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "sheet not created");
      return created;
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: FakeSheetProtection;
  readonly freezePanes: { freezeRows(n: number): void; freezeColumns(n: number): void; freezeAt(r: FakeRange): void };
  constructor(
    ctx: FakeContext,
    readonly resolve: () => SheetModel | null,
  ) {
    super(ctx);
    this.protection = new FakeSheetProtection(ctx, this);
    const freeze = (rows: number, cols: number) =>
      ctx.enqueue(40, () => {
        this.model().frozen = { rows, cols };
      });
    this.freezePanes = {
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
      freezeAt: (r) => {
        ctx.enqueue(40, () => {
          const b = r.box();
          if (b) this.model().frozen = { rows: b.rows, cols: b.cols };
        });
      },
    };
  }

  setLoaded(values: Record<string, unknown>): void {
    this.loaded = { ...(this.loaded ?? {}), ...values };
  }

  model(): SheetModel {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return s;
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  set visibility(v: string) {
    this.ctx.enqueue(40, () => {
      this.model().visibility = v;
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueue(40, () => {
      this.model().tabColor = v;
    });
  }

  protected override snapshot(props: string[]): Record<string, unknown> {
    const s = this.resolve();
    const out: Record<string, unknown> = { isNullObject: s === null };
    for (const p of props) if (s) out[p] = p === "name" ? s.name : p === "visibility" ? s.visibility : undefined;
    return out;
  }

  override load(props?: string | string[] | Record<string, unknown>): this {
    return super.load(props);
  }

  activate(): void {
    this.ctx.enqueue(30, () => {
      this.ctx.model.activeSheet = this.model().name;
    });
  }

  delete(): void {
    this.ctx.enqueue(30, () => {
      const s = this.resolve();
      if (!s) return;
      if (this.ctx.model.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      // As Excel documents: a very hidden sheet must be made visible or hidden before it can be deleted.
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", "A very hidden worksheet cannot be deleted.");
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address === undefined ? { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address)));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, rows, cols }));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => this.model().usedBox());
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, () => {
      this.ctx.model.largestAddressList = Math.max(this.ctx.model.largestAddressList, address.length);
      if (address.length > 8192) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return address.split(",").map((a) => parseAddress(a));
    });
  }
}

class FakeSheetProtection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protected override snapshot(): Record<string, unknown> {
    return { protected: this.ws.model().protected };
  }
}

/** Text as Excel takes it when written: apostrophe text, formulas, numbers. */
function parseInput(v: unknown): { value?: Cell; formula?: string; clear?: boolean } {
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  const s = String(v);
  if (s === "") return { clear: true };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) return { formula: s.startsWith("=") ? s : `=${s}` };
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
  return { value: s };
}

function checkWritable(sheet: SheetModel, box: Box, content: boolean): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  if (!content) return;
  for (const m of sheet.merges) {
    const i = intersect(m, box);
    const inside = i && i.rows === m.rows && i.cols === m.cols;
    if (i && !inside) throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
  }
}

class FakeFill {
  constructor(private readonly target: { boxes(): { sheet: SheetModel; boxes: Box[] }; ctx: FakeContext }) {}
  set color(color: string) {
    this.target.ctx.enqueue(60, () => {
      const { sheet, boxes } = this.target.boxes();
      for (const b of boxes) {
        checkWritable(sheet, b, false);
        for (let r = b.top; r < b.top + b.rows; r++) for (let c = b.left; c < b.left + b.cols; c++) sheet.fills.set(key(r, c), { color: color.toUpperCase(), pattern: "Solid" });
      }
    });
  }
  clear(): void {
    this.target.ctx.enqueue(40, () => {
      const { sheet, boxes } = this.target.boxes();
      for (const b of boxes) {
        checkWritable(sheet, b, false);
        for (let r = b.top; r < b.top + b.rows; r++) for (let c = b.left; c < b.left + b.cols; c++) sheet.fills.delete(key(r, c));
      }
    });
  }
}

class FakeFormat {
  readonly fill: FakeFill;
  readonly font: { bold: boolean; color: string };
  constructor(private readonly target: { boxes(): { sheet: SheetModel; boxes: Box[] }; ctx: FakeContext }) {
    this.fill = new FakeFill(target);
    const record = (prop: string, value: unknown) =>
      target.ctx.enqueue(40, () => {
        const { sheet, boxes } = target.boxes();
        for (const b of boxes) {
          checkWritable(sheet, b, false);
          sheet.formats.push({ address: boxAddress(b), prop, value });
        }
      });
    this.font = {
      set bold(v: boolean) {
        record("bold", v);
      },
      set color(v: string) {
        record("fontColor", v);
      },
    } as { bold: boolean; color: string };
    Object.defineProperty(this, "wrapText", { set: (v: boolean) => record("wrapText", v) });
    Object.defineProperty(this, "columnWidth", { set: (v: number) => record("columnWidth", v) });
  }
}

class FakeRange extends Loadable {
  readonly format: FakeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: { add(type: string): unknown };
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolveBox: () => Box | null,
  ) {
    super(ctx);
    this.format = new FakeFormat({ ctx, boxes: () => ({ sheet: ws.model(), boxes: [this.mustBox()] }) });
    this.dataValidation = new FakeDataValidation(ctx, ws, () => this.mustBox());
    this.conditionalFormats = {
      add: (type: string) => {
        const entry: SheetModel["conditionalFormats"][number] = { address: "", type };
        ctx.enqueue(60, () => {
          entry.address = boxAddress(this.mustBox());
          ws.model().conditionalFormats.push(entry);
        });
        return {
          cellValue: {
            format: {
              fill: {
                set color(v: string) {
                  entry.fill = v;
                },
              },
              font: {
                set color(v: string) {
                  entry.font = v;
                },
              },
            },
            set rule(v: unknown) {
              entry.rule = v;
            },
          },
        };
      },
    };
  }

  box(): Box | null {
    return this.resolveBox();
  }

  private mustBox(): Box {
    const b = this.resolveBox();
    if (!b) throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
    return b;
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get values(): Cell[][] {
    return this.get("values");
  }
  get formulas(): Cell[][] {
    return this.get("formulas");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }

  protected override snapshot(props: string[]): Record<string, unknown> {
    const b = this.resolveBox();
    const out: Record<string, unknown> = { isNullObject: b === null };
    if (!b) return out;
    const s = this.ws.model();
    for (const p of props) {
      if (p === "values" || p === "formulas") {
        if (b.rows * b.cols > 5_000_000) throw new FakeOfficeError("InvalidOperation", "The range is too large to read.");
        const rows: Cell[][] = [];
        for (let r = b.top; r < b.top + b.rows; r++) {
          const row: Cell[] = [];
          for (let c = b.left; c < b.left + b.cols; c++) row.push(p === "formulas" ? (s.formulas.get(key(r, c)) ?? s.value(r, c)) : s.formulas.has(key(r, c)) ? "" : s.value(r, c));
          rows.push(row);
        }
        out[p] = rows;
      } else if (p === "rowIndex") out[p] = b.top;
      else if (p === "columnIndex") out[p] = b.left;
      else if (p === "rowCount") out[p] = b.rows;
      else if (p === "columnCount") out[p] = b.cols;
      else if (p === "address") out[p] = `${s.name}!${boxAddress(b)}`;
    }
    return out;
  }

  private write(prop: "values" | "formulas", data: unknown[][]): void {
    this.ctx.enqueue(JSON.stringify(data).length, () => {
      const b = this.mustBox();
      const s = this.ws.model();
      if (data.length !== b.rows || data.some((row) => row.length !== b.cols)) throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
      checkWritable(s, b, true);
      data.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const k = key(b.top + r, b.left + c);
          const parsed = parseInput(v);
          s.values.delete(k);
          s.formulas.delete(k);
          if (parsed.formula !== undefined) s.formulas.set(k, parsed.formula);
          else if (parsed.value !== undefined) s.values.set(k, parsed.value);
        }),
      );
      this.ctx.model.fire(s.name, boxAddress(b), "ThisLocalAddin");
    });
  }

  set values(data: unknown[][]) {
    this.write("values", data);
  }
  set formulas(data: unknown[][]) {
    this.write("formulas", data);
  }
  set numberFormat(data: unknown[][]) {
    this.ctx.enqueue(JSON.stringify(data).length, () => {
      const b = this.mustBox();
      checkWritable(this.ws.model(), b, false);
      this.ws.model().formats.push({ address: boxAddress(b), prop: "numberFormat", value: data[0]?.[0] });
    });
  }

  clear(_applyTo?: string): void {
    this.ctx.enqueue(40, () => {
      const b = this.mustBox();
      const s = this.ws.model();
      checkWritable(s, b, true);
      for (const k of [...s.values.keys(), ...s.formulas.keys()]) {
        const [r, c] = k.split(":").map(Number) as [number, number];
        if (r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.cols) {
          s.values.delete(k);
          s.formulas.delete(k);
        }
      }
    });
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.resolveBox();
      return b ? { top: b.top, left: 0, rows: b.rows, cols: MAX_COLS } : null;
    });
  }

  /** Insert (shift "Down") or delete (shift "Up") whole rows: the only shape the adapter uses. */
  private rowEdit(insert: boolean, shift: string): void {
    this.ctx.enqueue(60, () => {
      const b = this.mustBox();
      const s = this.ws.model();
      if (b.left !== 0 || b.cols !== MAX_COLS || shift !== (insert ? "Down" : "Up")) throw new FakeOfficeError("InvalidArgument", "fake: only whole rows shifted down or up are modelled");
      if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${s.name}).`);
      const used = s.usedBox();
      if (insert && used && used.top + used.rows + b.rows > MAX_ROWS) throw new FakeOfficeError("InvalidOperation", "Cells would be pushed off the end of the worksheet.");
      s.shiftRows(b.top, insert ? b.rows : -b.rows);
      this.ctx.model.rowEdits.push({ sheet: s.name, insert, row: b.top + 1, count: b.rows });
      this.ctx.model.fire(s.name, boxAddress(b), "ThisLocalAddin");
    });
  }

  insert(shift: string): FakeRange {
    this.rowEdit(true, shift);
    return this;
  }

  delete(shift: string): void {
    this.rowEdit(false, shift);
  }

  select(): void {
    this.ctx.enqueue(30, () => {
      this.ctx.model.selection = { sheet: this.ws.model().name, address: boxAddress(this.mustBox()) };
    });
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.resolveBox();
      return b ? this.ws.model().usedBox(b) : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.ws, () => {
      const b = this.mustBox();
      const hits = this.ws.model().merges.filter((m) => intersect(m, b));
      return hits.length > 0 ? hits : null;
    });
  }

  getCellProperties(_options: unknown): { value: { format: { fill: { color: string; pattern: string; patternColor?: string } } }[][] } {
    const result: { value: { format: { fill: { color: string; pattern: string; patternColor?: string } } }[][] } = {
      get value(): never {
        throw new FakeOfficeError("PropertyNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() first.");
      },
    } as never;
    this.ctx.enqueue(80, () => {
      const b = this.mustBox();
      const s = this.ws.model();
      const rows: { format: { fill: { color: string; pattern: string; patternColor?: string } } }[][] = [];
      for (let r = b.top; r < b.top + b.rows; r++) {
        const row: (typeof rows)[number] = [];
        for (let c = b.left; c < b.left + b.cols; c++) {
          const f = s.fills.get(key(r, c));
          row.push({ format: { fill: f ? { ...f } : { color: "#FFFFFF", pattern: "None" } } });
        }
        rows.push(row);
      }
      Object.defineProperty(result, "value", { value: rows });
      return JSON.stringify(rows).length;
    });
    return result;
  }

  setCellProperties(props: { format?: { fill?: { color?: string; pattern?: string; patternColor?: string } } }[][]): void {
    this.ctx.enqueue(JSON.stringify(props).length, () => {
      const b = this.mustBox();
      const s = this.ws.model();
      checkWritable(s, b, false);
      props.forEach((row, r) =>
        row.forEach((p, c) => {
          const fill = p.format?.fill;
          if (!fill) return;
          const k = key(b.top + r, b.left + c);
          if (fill.pattern === "None") s.fills.delete(k);
          else s.fills.set(k, { color: (fill.color ?? "#FFFFFF").toUpperCase(), pattern: fill.pattern ?? "Solid", ...(fill.patternColor ? { patternColor: fill.patternColor.toUpperCase() } : {}) });
        }),
      );
    });
  }
}

/** A range's data validation: writes queue like Office's; `type` and `rule` read back after load + sync. */
class FakeDataValidation extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly box: () => Box,
  ) {
    super(ctx);
  }
  private record() {
    const s = this.ws.model();
    const address = boxAddress(this.box());
    let v = s.validations.find((x) => x.address === address);
    if (!v) s.validations.push((v = { address, rule: null }));
    return v;
  }
  clear(): void {
    this.ctx.enqueue(40, () => {
      const s = this.ws.model();
      const b = this.box();
      s.validations = s.validations.filter((x) => !intersect(parseAddress(x.address), b));
    });
  }
  set rule(rule: unknown) {
    this.ctx.enqueue(JSON.stringify(rule).length, () => {
      this.record().rule = rule;
    });
  }
  get rule(): unknown {
    return this.get("rule");
  }
  get type(): string {
    return this.get("type");
  }
  set ignoreBlanks(v: boolean) {
    this.ctx.enqueue(20, () => {
      this.record().ignoreBlanks = v;
    });
  }
  set errorAlert(v: unknown) {
    this.ctx.enqueue(60, () => {
      this.record().errorAlert = v;
    });
  }
  set prompt(_v: unknown) {
    this.ctx.enqueue(60, () => undefined);
  }
  /** "None", "List" when one list rule covers the whole range, "Inconsistent" otherwise (as Excel reports mixed cells). */
  protected override snapshot(): Record<string, unknown> {
    const b = this.box();
    const hits = this.ws.model().validations.filter((x) => intersect(parseAddress(x.address), b));
    if (hits.length === 0) return { type: "None", rule: {} };
    const only = hits.length === 1 ? hits[0] : undefined;
    const covers = only && (() => {
      const i = intersect(parseAddress(only.address), b);
      return i !== null && i.rows === b.rows && i.cols === b.cols;
    })();
    if (!only || !covers) return { type: "Inconsistent", rule: {} };
    const list = (only.rule as { list?: unknown } | null)?.list;
    return { type: list ? "List" : "Custom", rule: only.rule ?? {} };
  }
}

class FakeRangeAreas extends Loadable {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolveBoxes: () => Box[] | null,
  ) {
    super(ctx);
    this.format = new FakeFormat({
      ctx,
      boxes: () => {
        const boxes = this.resolveBoxes();
        if (!boxes) throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
        return { sheet: ws.model(), boxes };
      },
    });
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get areas(): { items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] } {
    return this.get("areas");
  }
  get address(): string {
    return this.get("address");
  }
  protected override snapshot(): Record<string, unknown> {
    const boxes = this.resolveBoxes();
    if (!boxes) return { isNullObject: true };
    return {
      isNullObject: false,
      areas: { items: boxes.map((b) => ({ rowIndex: b.top, columnIndex: b.left, rowCount: b.rows, columnCount: b.cols })) },
      address: boxes.map((b) => `${this.ws.model().name}!${boxAddress(b)}`).join(","),
    };
  }
}

/** The fake's context as the adapter's type (the adapter only uses what the fake implements). */
export function asExcel(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

/** `Excel.run` over the fake, typed as the bridge expects. */
export function fakeRun(wb: FakeWorkbook): <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return (fn) => wb.run((ctx) => fn(asExcel(ctx)));
}
