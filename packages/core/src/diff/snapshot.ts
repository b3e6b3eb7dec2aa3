import { a1, cellText, isBlank, type CellValue } from "../grid/grid";
import type { Finding } from "../findings/finding";
import { fieldDef, LEDGER_FIELDS, type LedgerField } from "../glossary/fields";
import type { SheetKind } from "../glossary/kinds";
import { normaliseValue } from "../glossary/normalise";
import type { LocalisedText } from "../i18n/text";
import { residualOfEntry } from "../model/assess";
import { fieldCell, looseNameKey, nameKey, recordsFlag, type LedgerItem, type RiskEntry } from "../model/records";
import type { WorkbookModel } from "../model/workbook";
import { readCount } from "../read/count";
import { isoFromSerial, readDate } from "../read/date";
import { readLevel } from "../read/level";
import { readMedium } from "../read/medium";
import { readYesNo } from "../read/yesno";
import type { RecognisedSheet } from "../recognise/types";
import type { WorkbookReport } from "../report/types";
import type { LevelId } from "../scoring/levels";

/**
 * What `diff` needs of one checked workbook, taken from its model once: every ledger item's
 * fields (as written and as compared), every risk row's item links, phase, texts and levels,
 * and where each finding sits (on which item, risk row or register row, under which field).
 *
 * Plain data a worker thread builds and hands over. Texts are kept once in `strings` and
 * referred to by index; items and risk rows are columns of typed arrays. A ledger's texts repeat
 * (媒体, 部署, 廃棄方法…), and a 50,000-item workbook would otherwise be millions of small
 * objects to copy between threads.
 */
export interface WorkbookSnapshot {
  /** Every text and comparison key, once. Index 0 is "" (a blank cell); -1 in a table means "none". */
  strings: string[];
  /** Ledger fields some ledger sheet has a column for (要配慮・特定個人情報 also through a 個人情報区分 column). */
  ledgerFields: string[];
  /** Whether ids can be compared: some ledger sheet has an id column. */
  hasIds: boolean;
  /** The profile's phases (id and label), for naming the phases of risk rows. */
  phases: { id: string; label: LocalisedText }[];
  items: ItemTable;
  risks: RiskTable;
  /** Parallel to the report's findings. */
  findings: FindingAnchor[];
}

/** Ledger items, one entry per item in each array. String columns hold indexes into `strings`. */
export interface ItemTable {
  count: number;
  sheet: Int32Array;
  /** 1-based row. */
  row: Int32Array;
  /** A1 address of the cell naming the item. */
  cell: Int32Array;
  id: Int32Array;
  idKey: Int32Array;
  label: Int32Array;
  /** The name (else data items) as compared: width, case, spaces and bracket characters folded. */
  nameKey: Int32Array;
  /** The same with bracketed notes left out: 「名刺（営業部）」 → 名刺. */
  looseKey: Int32Array;
  /**
   * Per item and compared field (COMPARED_FIELDS order): the text as written and its comparison
   * key, at (item × COMPARED_FIELDS.length + field) × 2; -1 where the item's sheet has no column.
   */
  fields: Int32Array;
}

/** Risk rows, one entry per row (a wide sheet's row and phase group). */
export interface RiskTable {
  count: number;
  sheet: Int32Array;
  row: Int32Array;
  /** The ledger items of row r: itemList[itemStart[r] … itemStart[r + 1]). */
  itemStart: Int32Array;
  itemList: Int32Array;
  /** The row's own reference to an item (id, name, business or category code), as written and as compared: what groups rows linked to no item. */
  ref: Int32Array;
  refKey: Int32Array;
  /** Index into `phases`, or -1 with the phase as written in `phaseText` (-1 too when blank). */
  phase: Int32Array;
  phaseText: Int32Array;
  risk: Int32Array;
  riskKey: Int32Array;
  measure: Int32Array;
  measureKey: Int32Array;
  /** 0: no level; else the index in LEVEL_CODES. */
  before: Int8Array;
  after: Int8Array;
  /** Bit 1: the row's sheet rates risks before measures; bit 2: after (a wide sheet may record only the residual). */
  rated: Uint8Array;
}

/**
 * Where a finding is, in terms that survive a new layout: the item, risk row or register row it
 * is on, and a key made of its rule, message, the field of its column and the message's own
 * identifying values (phase, field, contractor name…; not dates or scores, which change while
 * the finding stays the same).
 */
export interface FindingAnchor {
  on: { item: number } | { risk: number } | { sheet: SheetKind; row: string };
  key: string;
}

/** Level codes of RiskTable.before/after: 0 none, 1 low, 2 medium, 3 high. */
export const LEVEL_CODES: readonly (LevelId | null)[] = [null, "low", "medium", "high"];
const levelCode = (l: LevelId | null): number => (l === null ? 0 : LEVEL_CODES.indexOf(l));

/** Distinct (type, text) pairs whose reading is kept while a snapshot is built. */
const VALUE_MEMO_MAX = 200_000;

/** Longest text kept for display; a cell beyond it is cut with a marker. */
const SHOWN_MAX = 200;
/** Normalised texts longer than this are compared by a prefix, their length and a hash. */
const KEY_MAX = 200;

function shown(text: string): string {
  if (text.length <= SHOWN_MAX) return text;
  return `${text.slice(0, SHOWN_MAX - 1)}…`;
}

/** FNV-1a over UTF-16 units: a long text's key without keeping the text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function textKey(text: string): string {
  const n = normaliseValue(text);
  return n.length <= KEY_MAX ? n : `${n.slice(0, 100)}…${n.length}:${hash(n)}`;
}

/** A cell as written (cut) and as compared: by what its reader makes of it, else its normalised text. */
function valueOf(value: CellValue, text: string, type: string): [string, string] {
  if (isBlank(value)) return ["", ""];
  switch (type) {
    case "count": {
      const c = readCount(value);
      if (c && c.ok) return [shown(text), `#${c.value.min}-${c.value.max}${c.value.approximate ? "~" : ""}`];
      break;
    }
    case "date": {
      const d = readDate(value);
      if (d && d.ok) return [typeof value === "number" ? isoFromSerial(d.value.serial) : shown(text), `@${d.value.iso}`];
      break;
    }
    case "yesno": {
      const y = readYesNo(value);
      if (y && y.ok) return [shown(text), y.value ? "?yes" : "?no"];
      break;
    }
    case "medium": {
      const m = readMedium(value);
      if (m && m.ok) return [shown(text), `:${m.value}`];
      break;
    }
  }
  return [shown(text), textKey(text)];
}

/** The 要配慮 / 特定個人情報 flag as the model reads it, from its own column or the 個人情報区分 column. */
function flagValue(item: LedgerItem, which: "sensitive" | "myNumber"): [string, string] {
  const flag = item[which];
  const row = item.sheet.grid.values[item.row];
  const raw = flag.col < 0 || row === undefined ? null : row[flag.col];
  if (isBlank(raw)) return ["", ""];
  const text = cellText(raw);
  return [shown(text), flag.value === null ? textKey(text) : flag.value ? "?yes" : "?no"];
}

/** Ledger fields compared between the years: all but the id (shown beside the item) and the review date (renewed every year). */
export const COMPARED_FIELDS: readonly LedgerField[] = LEDGER_FIELDS.filter((f) => f !== "id" && f !== "reviewedDate");

/** A compared field a ledger sheet records: its place in COMPARED_FIELDS and its value type. */
interface RecordedField {
  slot: number;
  field: LedgerField;
  type: string;
}

function sheetHasField(sheet: RecognisedSheet, field: LedgerField): boolean {
  if (field === "sensitive" || field === "myNumber") return recordsFlag(sheet, field);
  return sheet.byField.has(field);
}

/** Message data that names what a finding is about; dates, scores and counts change while it stays the same finding. */
const IDENTITY_DATA = ["phase", "field", "fields", "name", "party", "department", "law", "keyword", "registered", "header", "what", "records", "category", "label", "ref", "id", "place"] as const;

function findingKey(f: Finding, field: string, withItem: boolean): string {
  const parts: string[] = [f.rule, f.messageId, field];
  const data = f.data ?? {};
  for (const k of withItem ? ["item", ...IDENTITY_DATA] : IDENTITY_DATA) {
    const v = data[k];
    if (v !== undefined) parts.push(`${k}=${nameKey(String(v))}`);
  }
  return parts.join("\u0001");
}

/** A register row's identity across years: its name (contractor, law, worker…), else its id; the header row is "header". */
function registerRowKey(sheet: RecognisedSheet, row0: number): string {
  if (row0 <= sheet.headerRow) return "header";
  for (const field of ["name", "department", "id"]) {
    const text = fieldCell(sheet, row0, field).text;
    if (text !== "") return `${field}:${nameKey(text)}`;
  }
  return `row:${row0 - sheet.headerRow}`;
}

/** Of a wide row's entries (never none), the one whose phase is `wanted`, else the first. */
function entryOfPhase(entries: readonly number[], phases: Int32Array, wanted: number): number {
  let first = -1;
  for (const r of entries) {
    if (phases[r] === wanted) return r;
    if (first < 0) first = r;
  }
  return first;
}

/** Texts kept once and referred to by index (WorkbookSnapshot.strings); index 0 is "". */
class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  constructor() {
    this.intern("");
  }
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Ledger columns repeat a few texts down thousands of rows (媒体, 部署, 廃棄方法): each is read once per type. */
class CellReadings {
  private readonly memo = new Map<string, [string, string]>();
  of(value: CellValue, text: string, type: string): [string, string] {
    if (typeof value !== "string" || this.memo.size >= VALUE_MEMO_MAX) return valueOf(value, text, type);
    const k = `${type}\u0000${value}`;
    let pair = this.memo.get(k);
    if (!pair) this.memo.set(k, (pair = valueOf(value, text, type)));
    return pair;
  }
}

/** Per ledger sheet, the compared fields it has a column for. */
function recordedFields(ledgers: readonly RecognisedSheet[]): Map<RecognisedSheet, RecordedField[]> {
  const fieldsOf = new Map<RecognisedSheet, RecordedField[]>();
  for (const sheet of ledgers) {
    const recorded: RecordedField[] = [];
    for (const [slot, field] of COMPARED_FIELDS.entries()) if (sheetHasField(sheet, field)) recorded.push({ slot, field, type: fieldDef("ledger", field).type });
    fieldsOf.set(sheet, recorded);
  }
  return fieldsOf;
}

/** Rows of each sheet (by name, 0-based row) mapped to what sits there. */
type RowsOf<T> = Map<string, Map<number, T>>;

function rowsIn<T>(at: RowsOf<T>, sheet: string): Map<number, T> {
  let rows = at.get(sheet);
  if (!rows) at.set(sheet, (rows = new Map()));
  return rows;
}

/** The item table, with each item's index by item and by sheet and row (for risk links and finding anchors). */
interface ItemsBuilt {
  table: ItemTable;
  index: Map<LedgerItem, number>;
  at: RowsOf<number>;
}

function itemTable(list: readonly LedgerItem[], fieldsOf: ReadonlyMap<RecognisedSheet, readonly RecordedField[]>, pool: StringPool): ItemsBuilt {
  const n = list.length;
  const F = COMPARED_FIELDS.length;
  const table: ItemTable = {
    count: n,
    sheet: new Int32Array(n),
    row: new Int32Array(n),
    cell: new Int32Array(n),
    id: new Int32Array(n),
    idKey: new Int32Array(n),
    label: new Int32Array(n),
    nameKey: new Int32Array(n),
    looseKey: new Int32Array(n),
    fields: new Int32Array(n * F * 2).fill(-1),
  };
  const readings = new CellReadings();
  const index = new Map<LedgerItem, number>();
  const at: RowsOf<number> = new Map();
  list.forEach((item, i) => {
    index.set(item, i);
    rowsIn(at, item.sheet.name).set(item.row, i);
    const name = item.name.text !== "" ? item.name.text : item.dataItems.text;
    table.sheet[i] = pool.intern(item.sheet.name);
    table.row[i] = item.row + 1;
    table.cell[i] = pool.intern(a1(item.row + 1, item.labelCol + 1));
    table.id[i] = pool.intern(shown(item.id.text));
    table.idKey[i] = pool.intern(textKey(item.id.text));
    table.label[i] = pool.intern(item.label);
    table.nameKey[i] = pool.intern(nameKey(name));
    table.looseKey[i] = pool.intern(looseNameKey(name));
    const base = i * F * 2;
    for (const { slot, field, type } of fieldsOf.get(item.sheet) ?? []) {
      let pair: [string, string];
      if (field === "sensitive" || field === "myNumber") pair = flagValue(item, field);
      else {
        const cell = fieldCell(item.sheet, item.row, field);
        pair = readings.of(cell.value, cell.text, type);
      }
      table.fields[base + slot * 2] = pool.intern(pair[0]);
      table.fields[base + slot * 2 + 1] = pool.intern(pair[1]);
    }
  });
  return { table, index, at };
}

/** A risk row's level before measures: its assessment's, else its level cell as read; rated when it was assessed or its sheet has a level column. */
function levelBefore(e: RiskEntry): { level: LevelId | null; rated: boolean } {
  const a = e.assessment;
  if (a) return { level: a.level, rated: true };
  const cell = fieldCell(e.sheet, e.row, "level", e.group);
  const l = cell.col < 0 ? null : readLevel(cell.value);
  return { level: l && l.ok ? l.value : null, rated: cell.col >= 0 };
}

/** The risk table, with the rows of each sheet and row (a wide sheet's row holds one entry per phase group). */
interface RisksBuilt {
  table: RiskTable;
  at: RowsOf<number[]>;
}

function emptyRiskTable(m: number): RiskTable {
  return {
    count: m,
    sheet: new Int32Array(m),
    row: new Int32Array(m),
    itemStart: new Int32Array(m + 1),
    itemList: new Int32Array(0),
    ref: new Int32Array(m),
    refKey: new Int32Array(m),
    phase: new Int32Array(m),
    phaseText: new Int32Array(m),
    risk: new Int32Array(m),
    riskKey: new Int32Array(m),
    measure: new Int32Array(m),
    measureKey: new Int32Array(m),
    before: new Int8Array(m),
    after: new Int8Array(m),
    rated: new Uint8Array(m),
  };
}

function riskTable(model: WorkbookModel, itemIndex: ReadonlyMap<LedgerItem, number>, phaseIndex: ReadonlyMap<string, number>, pool: StringPool): RisksBuilt {
  const entries = model.riskEntries;
  const table = emptyRiskTable(entries.length);
  const linked: number[] = [];
  const at: RowsOf<number[]> = new Map();
  entries.forEach((e, i) => {
    table.itemStart[i] = linked.length;
    for (const item of model.links.itemsOf.get(e) ?? []) {
      const k = itemIndex.get(item);
      if (k !== undefined) linked.push(k);
    }
    const ref = e.refs.itemRef.text || e.refs.itemName.text || e.refs.business.text || e.refs.categoryCode.text;
    const before = levelBefore(e);
    const residual = residualOfEntry(e);
    table.sheet[i] = pool.intern(e.sheet.name);
    table.row[i] = e.row + 1;
    table.ref[i] = pool.intern(shown(ref));
    table.refKey[i] = pool.intern(nameKey(ref));
    const p = e.phase === null ? undefined : phaseIndex.get(e.phase);
    table.phase[i] = p ?? -1;
    table.phaseText[i] = p === undefined && e.phaseCell.text !== "" ? pool.intern(shown(e.phaseCell.text)) : -1;
    table.risk[i] = pool.intern(shown(e.risk.text));
    table.riskKey[i] = pool.intern(textKey(e.risk.text));
    table.measure[i] = pool.intern(shown(e.measure.text));
    table.measureKey[i] = pool.intern(textKey(e.measure.text));
    table.before[i] = levelCode(before.level);
    table.after[i] = levelCode(residual?.level ?? null);
    table.rated[i] = (before.rated ? 1 : 0) | (residual !== null ? 2 : 0);
    const rows = rowsIn(at, e.sheet.name);
    const same = rows.get(e.row);
    if (same) same.push(i);
    else rows.set(e.row, [i]);
  });
  table.itemStart[entries.length] = linked.length;
  table.itemList = Int32Array.from(linked);
  return { table, at };
}

/** Each finding of the report anchored on the item, risk row or register row it sits on. */
function findingAnchors(model: WorkbookModel, findings: readonly Finding[], items: ItemsBuilt, risks: RisksBuilt, phaseIndex: ReadonlyMap<string, number>): FindingAnchor[] {
  const sheets = new Map(model.sheets.map((s) => [s.name, s]));
  return findings.map((f): FindingAnchor => {
    const sheet = sheets.get(f.sheet);
    const row0 = f.row - 1;
    const column = sheet?.columns.find((c) => c.col === f.col - 1);
    const field = column?.field ?? "";
    const item = items.at.get(f.sheet)?.get(row0);
    if (item !== undefined) return { on: { item }, key: findingKey(f, field, false) };
    const rows = risks.at.get(f.sheet)?.get(row0);
    if (rows && rows.length > 0) {
      // A wide row: the entry of the column's phase group (the first one for a column outside the groups).
      const wanted = column?.phase === undefined ? -1 : (phaseIndex.get(column.phase) ?? -1);
      return { on: { risk: entryOfPhase(rows, risks.table.phase, wanted) }, key: findingKey(f, field, false) };
    }
    return { on: { sheet: sheet?.kind ?? "unknown", row: sheet ? registerRowKey(sheet, row0) : "" }, key: findingKey(f, field, true) };
  });
}

/** Builds the snapshot of a checked workbook from its model and report (see WorkbookSnapshot). */
export function snapshotWorkbook(model: WorkbookModel, report: WorkbookReport): WorkbookSnapshot {
  const pool = new StringPool();
  const ledgers = model.ofKind("ledger");
  const phaseIndex = new Map(model.profile.phases.map((p, k) => [p.id, k]));
  const items = itemTable(model.ledgerItems, recordedFields(ledgers), pool);
  const risks = riskTable(model, items.index, phaseIndex, pool);
  return {
    strings: pool.strings,
    ledgerFields: COMPARED_FIELDS.filter((f) => ledgers.some((s) => sheetHasField(s, f))),
    hasIds: ledgers.some((s) => s.byField.has("id")),
    phases: model.profile.phases.map((p) => ({ id: p.id, label: { ja: p.label.ja, en: p.label.en } })),
    items: items.table,
    risks: risks.table,
    findings: findingAnchors(model, report.findings, items, risks, phaseIndex),
  };
}
