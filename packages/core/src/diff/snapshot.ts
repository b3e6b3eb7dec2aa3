import { a1, cellText, isBlank, type CellValue } from "../grid/grid";
import type { Finding } from "../findings/finding";
import { fieldDef, LEDGER_FIELDS, type LedgerField } from "../glossary/fields";
import type { SheetKind } from "../glossary/kinds";
import type { LocalisedText } from "../i18n/text";
import { normaliseValue } from "../glossary/normalise";
import { residualOfEntry } from "../model/assess";
import { fieldCell, looseNameKey, nameKey, recordsFlag, type LedgerItem } from "../model/records";
import type { WorkbookModel } from "../model/workbook";
import { readCount } from "../read/count";
import { isoFromSerial, readDate } from "../read/date";
import { readLevel } from "../read/level";
import { readMedium } from "../read/medium";
import { normalisePhase } from "../read/phase";
import { readYesNo } from "../read/yesno";
import type { RecognisedSheet } from "../recognise/types";
import type { WorkbookReport } from "../report/types";
import type { LevelId } from "../scoring/levels";

/**
 * What `diff` needs of one checked workbook, taken from its model once: every ledger item's
 * fields (as written and as compared), every risk row's item links, phase, texts and levels,
 * and where each finding sits (on which item, risk row or register row, under which field).
 * Plain data, so a worker thread can build it and hand it over; nothing is read from the grids
 * again when two snapshots are compared.
 */
export interface WorkbookSnapshot {
  /** Ledger fields some ledger sheet has a column for (要配慮・特定個人情報 also through a 個人情報区分 column). */
  ledgerFields: string[];
  /** Whether ids can be compared: some ledger sheet has an id column. */
  hasIds: boolean;
  /** The profile's phases (id and label), for naming the phases of risk rows. */
  phases: { id: string; label: LocalisedText }[];
  items: ItemSnapshot[];
  risks: RiskSnapshot[];
  /** Parallel to the report's findings. */
  findings: FindingAnchor[];
}

export interface FieldValue {
  /** As written, cut for display. */
  text: string;
  /** What is compared: the value as its reader reads it (a count, a date, yes/no, a medium), else the text normalised. */
  key: string;
}

export interface ItemSnapshot {
  sheet: string;
  row: number;
  cell: string;
  id: string;
  idKey: string;
  label: string;
  /** The name (else data items) as compared: width, case, spaces and brackets folded. */
  nameKey: string;
  /** The same with bracketed notes left out: 「名刺（営業部）」 → 名刺. */
  looseKey: string;
  /** Only the fields the item's own ledger sheet has a column for. */
  fields: Partial<Record<LedgerField, FieldValue>>;
}

export interface RiskSnapshot {
  sheet: string;
  row: number;
  /** Indexes of the ledger items the row is linked to. */
  items: number[];
  /** The row's own reference to an item (id, name, business or category code), as written (cut) and as compared, for rows linked to none. */
  ref: string;
  refKey: string;
  phase: string | null;
  /** The phase as written, when it is no phase of the profile. */
  phaseText: string;
  risk: FieldValue;
  measure: FieldValue;
  before: LevelId | null;
  after: LevelId | null;
  /** Whether the row's sheet rates risks before and after measures at all (a wide sheet may record only the residual level). */
  rated: { before: boolean; after: boolean };
}

/**
 * Where a finding is, in terms that survive a new layout: the item, risk row or register row it
 * is on, the field of its column, and the message's own identifying values (phase, field,
 * contractor name…; not dates or scores, which change while the finding stays the same).
 */
export interface FindingAnchor {
  on: { item: number } | { risk: number } | { sheet: SheetKind; row: string };
  key: string;
}

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

function valueOf(value: CellValue, text: string, type: string): FieldValue {
  if (isBlank(value)) return { text: "", key: "" };
  const plain = (): FieldValue => ({ text: shown(text), key: textKey(text) });
  switch (type) {
    case "count": {
      const c = readCount(value);
      return c && c.ok ? { text: shown(text), key: `#${c.value.min}-${c.value.max}${c.value.approximate ? "~" : ""}` } : plain();
    }
    case "date": {
      const d = readDate(value);
      if (!d || !d.ok) return plain();
      return { text: typeof value === "number" ? isoFromSerial(d.value.serial) : shown(text), key: `@${d.value.iso}` };
    }
    case "yesno": {
      const y = readYesNo(value);
      return y && y.ok ? { text: shown(text), key: y.value ? "?yes" : "?no" } : plain();
    }
    case "medium": {
      const m = readMedium(value);
      return m && m.ok ? { text: shown(text), key: `:${m.value}` } : plain();
    }
    default:
      return plain();
  }
}

/** The 要配慮 / 特定個人情報 flag as the model reads it, from its own column or the 個人情報区分 column. */
function flagValue(item: LedgerItem, which: "sensitive" | "myNumber"): FieldValue {
  const flag = item[which];
  const row = item.sheet.grid.values[item.row];
  const raw = flag.col < 0 || row === undefined ? null : row[flag.col];
  if (isBlank(raw)) return { text: "", key: "" };
  const text = shown(cellText(raw));
  return { text, key: flag.value === null ? textKey(cellText(raw)) : flag.value ? "?yes" : "?no" };
}

/** Ledger fields compared between the years: all but the id (shown beside the item) and the review date (renewed every year). */
export const COMPARED_FIELDS: readonly LedgerField[] = LEDGER_FIELDS.filter((f) => f !== "id" && f !== "reviewedDate");

function sheetHasField(sheet: RecognisedSheet, field: LedgerField): boolean {
  if (field === "sensitive" || field === "myNumber") return recordsFlag(sheet, field);
  return sheet.byField.has(field);
}

function itemSnapshot(item: LedgerItem, fields: readonly LedgerField[]): ItemSnapshot {
  const out: Partial<Record<LedgerField, FieldValue>> = {};
  for (const f of fields) {
    if (f === "sensitive" || f === "myNumber") {
      out[f] = flagValue(item, f);
      continue;
    }
    const cell = fieldCell(item.sheet, item.row, f);
    out[f] = valueOf(cell.value, cell.text, fieldDef("ledger", f).type);
  }
  const name = item.name.text !== "" ? item.name.text : item.dataItems.text;
  return {
    sheet: item.sheet.name,
    row: item.row + 1,
    cell: a1(item.row + 1, item.labelCol + 1),
    id: shown(item.id.text),
    idKey: textKey(item.id.text),
    label: item.label,
    nameKey: nameKey(name),
    looseKey: looseNameKey(name),
    fields: out,
  };
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

/** Builds the snapshot of a checked workbook from its model and report (see WorkbookSnapshot). */
export function snapshotWorkbook(model: WorkbookModel, report: WorkbookReport): WorkbookSnapshot {
  const ledgers = model.ofKind("ledger");
  const ledgerFields = COMPARED_FIELDS.filter((f) => ledgers.some((s) => sheetHasField(s, f)));
  const fieldsOf = new Map<RecognisedSheet, LedgerField[]>(ledgers.map((s) => [s, COMPARED_FIELDS.filter((f) => sheetHasField(s, f))]));

  const itemIndex = new Map<LedgerItem, number>();
  const items: ItemSnapshot[] = [];
  const itemAt = new Map<string, Map<number, number>>();
  model.ledgerItems.forEach((item, i) => {
    itemIndex.set(item, i);
    items.push(itemSnapshot(item, fieldsOf.get(item.sheet) ?? []));
    let rows = itemAt.get(item.sheet.name);
    if (!rows) itemAt.set(item.sheet.name, (rows = new Map()));
    rows.set(item.row, i);
  });

  const risks: RiskSnapshot[] = [];
  // Risk rows by sheet and row; a wide sheet's row holds one entry per phase group.
  const riskAt = new Map<string, Map<number, number[]>>();
  model.riskEntries.forEach((e, i) => {
    const linked: number[] = [];
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
    risks.push({
      sheet: e.sheet.name,
      row: e.row + 1,
      items: linked,
      ref: shown(ref),
      refKey: nameKey(ref),
      phase: e.phase,
      phaseText: e.phase === null ? shown(e.phaseCell.text) : "",
      risk: { text: shown(e.risk.text), key: textKey(e.risk.text) },
      measure: { text: shown(e.measure.text), key: textKey(e.measure.text) },
      before,
      after: residual?.level ?? null,
      rated: { before: beforeRated, after: residual !== null },
    });
    let rows = riskAt.get(e.sheet.name);
    if (!rows) riskAt.set(e.sheet.name, (rows = new Map()));
    const list = rows.get(e.row);
    if (list) list.push(i);
    else rows.set(e.row, [i]);
  });

  const sheets = new Map(model.sheets.map((s) => [s.name, s]));
  const findings = report.findings.map((f): FindingAnchor => {
    const sheet = sheets.get(f.sheet);
    const row0 = f.row - 1;
    const column = sheet?.columns.find((m) => m.col === f.col - 1);
    const field = column?.field ?? "";
    const item = itemAt.get(f.sheet)?.get(row0);
    if (item !== undefined) return { on: { item }, key: findingKey(f, field, false) };
    const entries = riskAt.get(f.sheet)?.get(row0);
    if (entries && entries.length > 0) {
      // A wide row: the entry of the column's phase group (the first one for a column outside the groups).
      const k = entries.find((i) => risks[i]?.phase === column?.phase) ?? (entries[0] as number);
      return { on: { risk: k }, key: findingKey(f, field, false) };
    }
    return { on: { sheet: sheet?.kind ?? "unknown", row: sheet ? registerRowKey(sheet, row0) : "" }, key: findingKey(f, field, true) };
  });

  const phases = model.profile.phases.map((p) => ({ id: p.id, label: { ja: p.label.ja, en: p.label.en } }));
  return { ledgerFields, hasIds: ledgers.some((s) => s.byField.has("id")), phases, items, risks, findings };
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

/** The phase a risk row is grouped under: the profile's phase id, else the text as written (normalised), else none. */
export function phaseKey(r: RiskSnapshot): string {
  if (r.phase !== null) return r.phase;
  return r.phaseText === "" ? "" : `?${normalisePhase(r.phaseText)}`;
}
