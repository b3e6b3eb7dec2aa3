import { a1, cellText, isBlank, type CellValue } from "../grid/grid";
import type { Finding } from "../findings/finding";
import { fieldDef, LEDGER_FIELDS, type LedgerField } from "../glossary/fields";
import type { SheetKind } from "../glossary/kinds";
import { normaliseValue } from "../glossary/normalise";
import type { LocalisedText } from "../i18n/text";
import { residualOfEntry } from "../model/assess";
import { fieldCell, looseNameKey, nameKey, recordsFlag, type LedgerItem } from "../model/records";
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

/** Builds the snapshot of a checked workbook from its model and report (see WorkbookSnapshot). */
export function snapshotWorkbook(model: WorkbookModel, report: WorkbookReport): WorkbookSnapshot {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  intern("");

  // Ledger columns repeat a few texts down thousands of rows (媒体, 部署, 廃棄方法): each is read once per type.
  const memo = new Map<string, [string, string]>();
  const valueMemo = (value: CellValue, text: string, type: string): [string, string] => {
    if (typeof value !== "string" || memo.size >= VALUE_MEMO_MAX) return valueOf(value, text, type);
    const k = `${type}\u0000${value}`;
    let pair = memo.get(k);
    if (!pair) memo.set(k, (pair = valueOf(value, text, type)));
    return pair;
  };

  const ledgers = model.ofKind("ledger");
  const ledgerFields = COMPARED_FIELDS.filter((f) => ledgers.some((s) => sheetHasField(s, f)));
  const F = COMPARED_FIELDS.length;
  const fieldsOf = new Map<RecognisedSheet, RecordedField[]>();
  for (const sheet of ledgers) {
    const recorded: RecordedField[] = [];
    for (const [slot, field] of COMPARED_FIELDS.entries()) if (sheetHasField(sheet, field)) recorded.push({ slot, field, type: fieldDef("ledger", field).type });
    fieldsOf.set(sheet, recorded);
  }

  // ---- items
  const list = model.ledgerItems;
  const n = list.length;
  const items: ItemTable = {
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
  const itemIndex = new Map<LedgerItem, number>();
  const itemAt = new Map<string, Map<number, number>>();
  list.forEach((item, i) => {
    itemIndex.set(item, i);
    let rows = itemAt.get(item.sheet.name);
    if (!rows) itemAt.set(item.sheet.name, (rows = new Map()));
    rows.set(item.row, i);
    const name = item.name.text !== "" ? item.name.text : item.dataItems.text;
    items.sheet[i] = intern(item.sheet.name);
    items.row[i] = item.row + 1;
    items.cell[i] = intern(a1(item.row + 1, item.labelCol + 1));
    items.id[i] = intern(shown(item.id.text));
    items.idKey[i] = intern(textKey(item.id.text));
    items.label[i] = intern(item.label);
    items.nameKey[i] = intern(nameKey(name));
    items.looseKey[i] = intern(looseNameKey(name));
    const base = i * F * 2;
    for (const { slot, field, type } of fieldsOf.get(item.sheet) ?? []) {
      let pair: [string, string];
      if (field === "sensitive" || field === "myNumber") pair = flagValue(item, field);
      else {
        const cell = fieldCell(item.sheet, item.row, field);
        pair = valueMemo(cell.value, cell.text, type);
      }
      items.fields[base + slot * 2] = intern(pair[0]);
      items.fields[base + slot * 2 + 1] = intern(pair[1]);
    }
  });

  // ---- risk rows
  const entries = model.riskEntries;
  const m = entries.length;
  const risks: RiskTable = {
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
  const phaseIndex = new Map(model.profile.phases.map((p, k) => [p.id, k]));
  const linked: number[] = [];
  // Risk rows by sheet and row; a wide sheet's row holds one entry per phase group.
  const riskAt = new Map<string, Map<number, number[]>>();
  entries.forEach((e, i) => {
    risks.itemStart[i] = linked.length;
    for (const item of model.links.itemsOf.get(e) ?? []) {
      const k = itemIndex.get(item);
      if (k !== undefined) linked.push(k);
    }
    const ref = e.refs.itemRef.text || e.refs.itemName.text || e.refs.business.text || e.refs.categoryCode.text;
    const a = e.assessment;
    let before: LevelId | null = a ? a.level : null;
    let beforeRated = a !== null && a !== undefined;
    if (!a) {
      const cell = fieldCell(e.sheet, e.row, "level", e.group);
      const l = cell.col < 0 ? null : readLevel(cell.value);
      before = l && l.ok ? l.value : null;
      beforeRated = cell.col >= 0;
    }
    const residual = residualOfEntry(e);
    risks.sheet[i] = intern(e.sheet.name);
    risks.row[i] = e.row + 1;
    risks.ref[i] = intern(shown(ref));
    risks.refKey[i] = intern(nameKey(ref));
    const p = e.phase === null ? undefined : phaseIndex.get(e.phase);
    risks.phase[i] = p ?? -1;
    risks.phaseText[i] = p === undefined && e.phaseCell.text !== "" ? intern(shown(e.phaseCell.text)) : -1;
    risks.risk[i] = intern(shown(e.risk.text));
    risks.riskKey[i] = intern(textKey(e.risk.text));
    risks.measure[i] = intern(shown(e.measure.text));
    risks.measureKey[i] = intern(textKey(e.measure.text));
    risks.before[i] = levelCode(before);
    risks.after[i] = levelCode(residual?.level ?? null);
    risks.rated[i] = (beforeRated ? 1 : 0) | (residual !== null ? 2 : 0);
    let rows = riskAt.get(e.sheet.name);
    if (!rows) riskAt.set(e.sheet.name, (rows = new Map()));
    const at = rows.get(e.row);
    if (at) at.push(i);
    else rows.set(e.row, [i]);
  });
  risks.itemStart[m] = linked.length;
  risks.itemList = Int32Array.from(linked);

  // ---- findings
  const sheets = new Map(model.sheets.map((s) => [s.name, s]));
  const findings = report.findings.map((f): FindingAnchor => {
    const sheet = sheets.get(f.sheet);
    const row0 = f.row - 1;
    const column = sheet?.columns.find((c) => c.col === f.col - 1);
    const field = column?.field ?? "";
    const item = itemAt.get(f.sheet)?.get(row0);
    if (item !== undefined) return { on: { item }, key: findingKey(f, field, false) };
    const rows = riskAt.get(f.sheet)?.get(row0);
    if (rows && rows.length > 0) {
      // A wide row: the entry of the column's phase group (the first one for a column outside the groups).
      const wanted = column?.phase === undefined ? -1 : (phaseIndex.get(column.phase) ?? -1);
      return { on: { risk: entryOfPhase(rows, risks.phase, wanted) }, key: findingKey(f, field, false) };
    }
    return { on: { sheet: sheet?.kind ?? "unknown", row: sheet ? registerRowKey(sheet, row0) : "" }, key: findingKey(f, field, true) };
  });

  const phases = model.profile.phases.map((p) => ({ id: p.id, label: { ja: p.label.ja, en: p.label.en } }));
  return { strings, ledgerFields, hasIds: ledgers.some((s) => s.byField.has("id")), phases, items, risks, findings };
}
