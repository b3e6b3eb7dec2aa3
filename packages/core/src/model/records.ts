import { cellText, isBlank, type CellValue } from "../grid/grid";
import { DRAFT_WORDS } from "../glossary/draft";
import { nfkc } from "../glossary/normalise";
import { textMemo } from "../memo";
import { AMBIGUOUS_FLAG, FLAG_NO_WORDS, NONE_WORDS } from "../glossary/vocabulary";
import type { RecognisedSheet } from "../recognise/sheet";
import { readInfoCategory } from "../read/category";
import { readDate } from "../read/date";
import { readPhase } from "../read/phase";
import { readYesNo } from "../read/yesno";
import type { PhaseDef } from "../profile/schema";
import type { EntryAssessment } from "../model/assess";

/**
 * Typed views of recognised rows: what the rules reason about. Cell positions stay attached
 * (0-based row and column) so every finding can point at the cell it is about.
 */

/** A cell of a record: its 0-based column (or -1 when the sheet has no such column) and value. */
export interface FieldCell {
  col: number;
  value: CellValue;
  text: string;
}

const ABSENT: FieldCell = { col: -1, value: null, text: "" };

export function fieldCell(sheet: RecognisedSheet, r: number, field: string, phase?: string): FieldCell {
  return cellOf(sheet.grid.values[r], fieldColumn(sheet, field, phase));
}

/** The column fieldCell reads a field from (the phase group's own in wide layouts), or -1. */
export function fieldColumn(sheet: RecognisedSheet, field: string, phase?: string): number {
  const cols = sheet.byField.get(field);
  if (!cols || cols.length === 0) return -1;
  const m = phase === undefined ? cols[0] : cols.find((c) => c.phase === phase);
  return m ? m.col : -1;
}

/**
 * The column of a field for a row of phase group `group` (wide layouts): the group's own column,
 * else one outside any group. Without a group, the first column outside any group (every column
 * is, in a long layout). -1 when there is none.
 */
export function groupColumn(sheet: RecognisedSheet, field: string, group: string | undefined): number {
  const cols = sheet.byField.get(field) ?? [];
  const m = cols.find((c) => c.phase === group) ?? (group !== undefined ? cols.find((c) => c.phase === undefined) : undefined);
  return m ? m.col : -1;
}

export function hasField(sheet: RecognisedSheet, field: string): boolean {
  return (sheet.byField.get(field)?.length ?? 0) > 0;
}

/** Key for matching names across sheets: width, case, spaces and bracket characters folded. */
// Names, businesses and category codes repeat on every row of an item and across sheets.
export const nameKey = textMemo("nameKey", (text: string): string =>
  nfkc(text)
    .toLowerCase()
    .replace(/[\s\u3000・･/／、,，.。:：;；「」『』【】〔〕()[\]{}<>〈〉《》"'`\-‐－_]+/g, ""),
);

/** Same as nameKey, but the content of brackets is dropped too: 「履歴書（紙）」 → 履歴書. */
export const looseNameKey = textMemo("looseNameKey", (text: string): string => nameKey(nfkc(text).replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|「[^「」]*」/g, "")));

/** Corporate-form and width folding for contractor names: 株式会社/(株)/㈱ and spaces. */
export function organisationKey(text: string): string {
  return nameKey(
    nfkc(text)
      .replace(/株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|税理士法人|社会保険労務士法人|弁護士法人|監査法人|\(株\)|\(有\)|\(同\)|\(社\)|\(財\)/g, "")
      .replace(/\b(?:co\.?,?\s*ltd\.?|inc\.?|corp\.?|corporation|k\.k\.|llc)\b/gi, ""),
  );
}

/** A contractor or recipient cell: blank, an explicit none, a bare "yes", or named parties. */
export function partyPresence(cell: FieldCell): "absent" | "none" | "present" {
  if (cell.col < 0 || isBlank(cell.value)) return "absent";
  // Contractor and recipient cells repeat (「なし」「A社」) and several rules ask for every item.
  return typeof cell.value === "string" ? partyTextPresence(cell.value) : presenceOf(cell);
}

const partyTextPresence = textMemo("party", (value: string) => presenceOf({ col: 0, value, text: cellText(value) }));

function presenceOf(cell: FieldCell): "absent" | "none" | "present" {
  const t = nfkc(cell.text).trim();
  if (NONE_WORDS.test(t)) return "none";
  const yn = readYesNo(cell.value);
  if (yn && yn.ok) return yn.value ? "present" : "none";
  return "present";
}

/** Split a contractor cell into names: 「A社、B社」「A社/B社」「A社\nB社」. */
export function splitParties(text: string): string[] {
  return text
    .split(/[、,，\n\r;；／/]|\s{2,}|・(?=[^・]{2,})/)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !NONE_WORDS.test(nfkc(s)));
}

/**
 * A yes/no cell that may hold prose instead of ○/×: 「同意書あり」「入社時に書面で取得」 record
 * consent; 「なし」「未取得」 do not. Returns null when blank.
 */
export function flagOf(cell: FieldCell): boolean | null {
  if (cell.col < 0 || isBlank(cell.value)) return null;
  const yn = readYesNo(cell.value);
  if (yn) {
    if (yn.ok) return yn.value;
  }
  const t = nfkc(cell.text);
  if (FLAG_NO_WORDS.test(t)) return false;
  if (AMBIGUOUS_FLAG.test(t)) return null;
  return true;
}

/** A yes/no about an item and the column it was read from (-1: the sheet records it nowhere). */
export interface ItemFlag {
  value: boolean | null;
  col: number;
}

/**
 * Whether an item is 要配慮 (or 特定個人情報): its own flag column, read as a flag or as a category
 * (「要配慮個人情報」 in a 要配慮 column), else the 個人情報区分 column's category.
 */
function itemFlag(row: readonly CellValue[] | undefined, own: number, category: number, which: "sensitive" | "myNumber"): ItemFlag {
  if (own >= 0) {
    const cell = cellOf(row, own);
    const cat = readInfoCategory(cell.value);
    return { value: cat && cat.ok ? cat.value[which] : flagOf(cell), col: own };
  }
  if (category >= 0) {
    const cat = readInfoCategory(row?.[category]);
    return { value: cat === null ? null : cat.ok ? cat.value[which] : null, col: category };
  }
  return { value: null, col: -1 };
}

/** Whether a ledger sheet records the flag: its own column, or a 個人情報区分 column that names the categories. */
export function recordsFlag(sheet: RecognisedSheet, which: "sensitive" | "myNumber"): boolean {
  return sheet.byField.has(which) || sheet.byField.has("infoCategory");
}

export interface LedgerItem {
  sheet: RecognisedSheet;
  row: number;
  /** 要配慮個人情報 and 特定個人情報: from their own columns, else from a 個人情報区分 column. */
  sensitive: ItemFlag;
  myNumber: ItemFlag;
  id: FieldCell;
  name: FieldCell;
  dataItems: FieldCell;
  business: FieldCell;
  categoryCode: FieldCell;
  department: FieldCell;
  contractor: FieldCell;
  recipient: FieldCell;
  /** The cell that best identifies the row in messages (name, else data items, else id). */
  labelCol: number;
  label: string;
  /** The risk entries linked to the item: set by the model's links (rules/model.ts), read through `links.entriesOf`. */
  linkedEntries?: RiskEntry[] | undefined;
}

export function ledgerItems(sheet: RecognisedSheet): LedgerItem[] {
  const items: LedgerItem[] = [];
  // The sheet's columns are found once (what fieldCell would read on each row).
  const col = (field: string): number => fieldColumn(sheet, field);
  const cols = { name: col("name"), dataItems: col("dataItems"), id: col("id"), business: col("business"), categoryCode: col("categoryCode"), department: col("department") };
  const parties = { contractor: col("contractor"), recipient: col("recipient"), sensitive: col("sensitive"), myNumber: col("myNumber"), infoCategory: col("infoCategory") };
  const fallbackCol = sheet.columns[0]?.col ?? 0;
  for (const r of sheet.dataRows) {
    const row = sheet.grid.values[r];
    const name = cellOf(row, cols.name);
    const dataItems = cellOf(row, cols.dataItems);
    const id = cellOf(row, cols.id);
    const labelCell = name.text !== "" ? name : dataItems.text !== "" ? dataItems : id;
    items.push({
      sheet,
      row: r,
      sensitive: itemFlag(row, parties.sensitive, parties.infoCategory, "sensitive"),
      myNumber: itemFlag(row, parties.myNumber, parties.infoCategory, "myNumber"),
      id,
      name,
      dataItems,
      business: cellOf(row, cols.business),
      categoryCode: cellOf(row, cols.categoryCode),
      department: cellOf(row, cols.department),
      contractor: cellOf(row, parties.contractor),
      recipient: cellOf(row, parties.recipient),
      labelCol: labelCell.col >= 0 ? labelCell.col : fallbackCol,
      label: truncate(labelCell.text || `#${r + 1}`),
      linkedEntries: undefined,
    });
  }
  return items;
}

export function truncate(text: string, max = 40): string {
  // Most labels are short single-line texts: nothing to fold or cut.
  if (text.length <= max && !/\s/.test(text)) return text;
  const chars = [...text.replace(/\s+/g, " ")];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** Item reference fields of a risk row, filled down over merged or left-blank cells. */
export const RISK_REFERENCE_FIELDS = ["itemRef", "itemName", "business", "categoryCode"] as const;
export type RiskReferenceField = (typeof RISK_REFERENCE_FIELDS)[number];

export interface RiskEntry {
  sheet: RecognisedSheet;
  row: number;
  /** The phase as read (null when blank or not a phase) and the cell it came from. */
  phase: string | null;
  phaseCell: FieldCell;
  /** Wide layouts: the phase of the column group; long layouts: undefined. */
  group?: string;
  risk: FieldCell;
  measure: FieldCell;
  /** The row's status says it is a draft still to review (glossary/draft.ts): it covers its phase, but counts as unscored. */
  draft: boolean;
  /** Reference values after fill-down, with the row they were written on. */
  refs: Record<RiskReferenceField, { text: string; col: number; row: number }>;
  /** The row's scoring under its sheet's rule, set when the workbook model is built (model/assess.ts). */
  assessment?: EntryAssessment | null | undefined;
  /** The ledger items the entry covers, kept by the model's links (rules/model.ts) when built. */
  linkedItems?: LedgerItem[] | undefined;
}

type Reference = RiskEntry["refs"][RiskReferenceField];
const NO_REFERENCE: Reference = Object.freeze({ text: "", col: -1, row: -1 });

/**
 * Item references filled down: a reference left blank under a merged or visually grouped cell is
 * the one above it, as a reader takes it. A new item starts where a reference differs from the
 * one carried down; the previous item's other references do not leak into it. Rows whose
 * references are all carried unchanged share one refs object.
 */
class ReferenceCarry {
  private readonly cols: readonly number[];
  private carried: RiskEntry["refs"] = { itemRef: NO_REFERENCE, itemName: NO_REFERENCE, business: NO_REFERENCE, categoryCode: NO_REFERENCE };

  constructor(sheet: RecognisedSheet) {
    // A bare "No." is the row's own number, unless nothing else on the sheet names the item.
    const idIsRef = hasField(sheet, "id") && !RISK_REFERENCE_FIELDS.some((f) => hasField(sheet, f));
    this.cols = RISK_REFERENCE_FIELDS.map((f) => fieldColumn(sheet, f === "itemRef" && idIsRef ? "id" : f));
  }

  at(row: readonly CellValue[] | undefined, r: number): RiskEntry["refs"] {
    const texts = this.cols.map((col) => (col < 0 || row === undefined ? "" : cellText(row[col])));
    const newItem = RISK_REFERENCE_FIELDS.some((f, k) => texts[k] !== "" && texts[k] !== this.carried[f].text);
    const next = { ...this.carried };
    let changed = false;
    RISK_REFERENCE_FIELDS.forEach((f, k) => {
      const text = texts[k] ?? "";
      if (text === "" && !newItem) return;
      next[f] = { text, col: this.cols[k] ?? -1, row: r };
      changed = true;
    });
    if (changed) this.carried = next;
    return this.carried;
  }
}

/** The phase groups of a wide sheet, each with its columns. */
function phaseGroups(sheet: RecognisedSheet): { phase: string; cols: number[]; risk: number; measure: number }[] {
  const out: { phase: string; cols: number[]; risk: number; measure: number }[] = [];
  for (const m of sheet.columns) {
    if (m.phase === undefined) continue;
    const phase = m.phase;
    let group = out.find((g) => g.phase === phase);
    if (!group) out.push((group = { phase, cols: [], risk: fieldColumn(sheet, "risk", phase), measure: fieldColumn(sheet, "measure", phase) }));
    group.cols.push(m.col);
  }
  return out;
}

/**
 * Risk rows of a sheet. Long layout: one entry per data row. Wide layout: one entry per row and
 * phase group with anything written in it. Item references and a phase written once per block
 * of rows cover the block.
 */
export function riskEntries(sheet: RecognisedSheet, phases?: readonly PhaseDef[]): RiskEntry[] {
  const out: RiskEntry[] = [];
  const refs = new ReferenceCarry(sheet);
  const values = sheet.grid.values;
  const statusCol = fieldColumn(sheet, "status");
  const isDraft = (row: readonly CellValue[] | undefined) => statusCol >= 0 && isDraftStatus(row?.[statusCol]);
  if (sheet.layout === "wide") {
    const groups = phaseGroups(sheet);
    for (const r of sheet.dataRows) {
      const row = values[r];
      const rowRefs = refs.at(row, r);
      const draft = isDraft(row);
      for (const g of groups) {
        if (!g.cols.some((c) => !isBlank(row?.[c]))) continue;
        const phaseCell = { col: g.cols[0] ?? -1, value: g.phase, text: g.phase };
        out.push({ sheet, row: r, phase: g.phase, phaseCell, group: g.phase, risk: cellOf(row, g.risk), measure: cellOf(row, g.measure), draft, refs: rowRefs, assessment: undefined, linkedItems: undefined });
      }
    }
    return out;
  }
  const phaseCol = fieldColumn(sheet, "phase");
  const riskCol = fieldColumn(sheet, "risk");
  const measureCol = fieldColumn(sheet, "measure");
  // A phase written once at the top of its block of rows (merged down, or left blank below)
  // covers the block; a phase column filled on nearly every row has no blocks to fill.
  const phaseBlocks = phaseCol >= 0 && writtenInBlocks(sheet, phaseCol);
  let carriedPhase: { cell: FieldCell; phase: string | null } | null = null;
  for (const r of sheet.dataRows) {
    const row = values[r];
    let phaseCell = cellOf(row, phaseCol);
    let phase: string | null;
    if (phaseBlocks && phaseCell.col >= 0 && isBlank(phaseCell.value) && carriedPhase) {
      ({ cell: phaseCell, phase } = carriedPhase);
    } else {
      const read = readPhase(phaseCell.value, phases);
      phase = read && read.ok ? read.value : null;
      if (!isBlank(phaseCell.value)) carriedPhase = { cell: phaseCell, phase };
    }
    out.push({ sheet, row: r, phase, phaseCell, risk: cellOf(row, riskCol), measure: cellOf(row, measureCol), draft: isDraft(row), refs: refs.at(row, r), assessment: undefined, linkedItems: undefined });
  }
  return out;
}

/** A status cell that says the row is a draft (「要確認(下書き)」, "To review (draft)"). */
function isDraftStatus(v: CellValue): boolean {
  return typeof v === "string" && v !== "" && DRAFT_WORDS.test(nfkc(v));
}

/** Whether a column is written once per block of rows: merged down, or filled on under 70 % of the data rows. */
function writtenInBlocks(sheet: RecognisedSheet, col: number): boolean {
  if ((sheet.grid.merges ?? []).some((m) => m.startCol <= col && m.endCol >= col && m.endRow > m.startRow && m.startRow > sheet.headerRow)) return true;
  let filled = 0;
  for (const r of sheet.dataRows) if (!isBlank(sheet.grid.values[r]?.[col])) filled++;
  return sheet.dataRows.length > 0 && filled < sheet.dataRows.length * 0.7;
}

/** The cell of a row at a column found beforehand (-1: the sheet has no such column). */
export function cellOf(row: readonly CellValue[] | undefined, col: number): FieldCell {
  if (col < 0) return ABSENT;
  const value = row === undefined ? undefined : row[col];
  return { col, value, text: cellText(value) };
}

/** A date cell as an Excel serial, or null (blank or unreadable). */
export function dateOf(cell: FieldCell): number | null {
  if (cell.col < 0) return null;
  const d = readDate(cell.value);
  return d && d.ok ? d.value.serial : null;
}
