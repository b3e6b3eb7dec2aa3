import { cellAt, cellText, isBlank, type CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import type { RecognisedSheet } from "../recognise/recognise";
import { readDate } from "./date";
import { readPhase } from "./phase";
import { readYesNo } from "./yesno";
import type { PhaseDef } from "../profile/schema";

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
  const cols = sheet.byField.get(field);
  if (!cols || cols.length === 0) return ABSENT;
  const m = phase === undefined ? cols[0] : (cols.find((c) => c.phase === phase) ?? undefined);
  if (!m) return ABSENT;
  const value = cellAt(sheet.grid, r, m.col);
  return { col: m.col, value, text: cellText(value) };
}

export function hasField(sheet: RecognisedSheet, field: string): boolean {
  return (sheet.byField.get(field)?.length ?? 0) > 0;
}

/** Key for matching names across sheets: width, case, spaces and bracket characters folded. */
export function nameKey(text: string): string {
  return nfkc(text)
    .toLowerCase()
    .replace(/[\s\u3000・･/／、,，.。:：;；「」『』【】〔〕()[\]{}<>〈〉《》"'`\-‐－_]+/g, "");
}

/** Same as nameKey, but the content of brackets is dropped too: 「履歴書（紙）」 → 履歴書. */
export function looseNameKey(text: string): string {
  return nameKey(nfkc(text).replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|「[^「」]*」/g, ""));
}

/** Corporate-form and width folding for contractor names: 株式会社/(株)/㈱ and spaces. */
export function organisationKey(text: string): string {
  return nameKey(
    nfkc(text)
      .replace(/株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|税理士法人|社会保険労務士法人|弁護士法人|監査法人|\(株\)|\(有\)|\(同\)|\(社\)|\(財\)/g, "")
      .replace(/\b(?:co\.?,?\s*ltd\.?|inc\.?|corp\.?|corporation|k\.k\.|llc)\b/gi, ""),
  );
}

/** Words that mean "none" in contractor and recipient cells. */
const NONE_WORDS = /^(?:なし|無し|無|ない|該当なし|該当無し|非該当|提供なし|委託なし|提供無し|委託無し|しない|行わない|社内のみ|自社のみ|自社内|n\/?a|none|no|nil|-|ー|―|—|－|×)(?:[(（:：、,].*)?$/i;

/** A contractor or recipient cell: blank, an explicit none, a bare "yes", or named parties. */
export function partyPresence(cell: FieldCell): "absent" | "none" | "present" {
  if (cell.col < 0 || isBlank(cell.value)) return "absent";
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
  if (/(?:なし|無し|未取得|未|不要|しない|していない|なかった|対象外|非該当|^無|^×|^no\b)/i.test(t)) return false;
  if (AMBIGUOUS_FLAG.test(t)) return null;
  return true;
}

/** Values a human has to resolve: not yes, not no. */
export const AMBIGUOUS_FLAG = /^(?:要確認|確認中|不明|未定|一部|\?|？|tbd|unknown)$/i;

export interface LedgerItem {
  sheet: RecognisedSheet;
  row: number;
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
}

export function ledgerItems(sheet: RecognisedSheet): LedgerItem[] {
  const items: LedgerItem[] = [];
  for (const r of sheet.dataRows) {
    const name = fieldCell(sheet, r, "name");
    const dataItems = fieldCell(sheet, r, "dataItems");
    const id = fieldCell(sheet, r, "id");
    const labelCell = name.text !== "" ? name : dataItems.text !== "" ? dataItems : id;
    items.push({
      sheet,
      row: r,
      id,
      name,
      dataItems,
      business: fieldCell(sheet, r, "business"),
      categoryCode: fieldCell(sheet, r, "categoryCode"),
      department: fieldCell(sheet, r, "department"),
      contractor: fieldCell(sheet, r, "contractor"),
      recipient: fieldCell(sheet, r, "recipient"),
      labelCol: labelCell.col >= 0 ? labelCell.col : (sheet.columns[0]?.col ?? 0),
      label: truncate(labelCell.text || `#${r + 1}`),
    });
  }
  return items;
}

export function truncate(text: string, max = 40): string {
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
  /** Reference values after fill-down, with the row they were written on. */
  refs: Record<RiskReferenceField, { text: string; col: number; row: number }>;
}

/**
 * Risk rows of a sheet. Long layout: one entry per data row. Wide layout: one entry per row
 * and phase group with anything written in it. Item references left blank under a merged or
 * visually grouped cell are taken from the row above, as a reader would.
 */
export function riskEntries(sheet: RecognisedSheet, phases?: readonly PhaseDef[]): RiskEntry[] {
  const out: RiskEntry[] = [];
  const carried: Record<RiskReferenceField, { text: string; col: number; row: number }> = {
    itemRef: { text: "", col: -1, row: -1 },
    itemName: { text: "", col: -1, row: -1 },
    business: { text: "", col: -1, row: -1 },
    categoryCode: { text: "", col: -1, row: -1 },
  };
  // A bare "No." is the row's own number, unless nothing else on the sheet names the item.
  const idIsRef = hasField(sheet, "id") && !RISK_REFERENCE_FIELDS.some((f) => hasField(sheet, f));
  const groups = sheet.layout === "wide" ? [...new Set(sheet.columns.filter((m) => m.phase).map((m) => m.phase as string))] : [];
  const colsOfGroup = new Map(groups.map((g) => [g, sheet.columns.filter((m) => m.phase === g)]));
  // The reference columns are the sheet's: find them once (what fieldCell would read on each row).
  const refCols = RISK_REFERENCE_FIELDS.map((f) => sheet.byField.get(f === "itemRef" && idIsRef ? "id" : f)?.[0]?.col ?? -1);
  const ownText: string[] = RISK_REFERENCE_FIELDS.map(() => "");
  for (const r of sheet.dataRows) {
    // A new item starts when a reference differs from the one carried down; references of
    // the previous item that are blank on this row must not leak into the new one.
    let newItem = false;
    for (let k = 0; k < RISK_REFERENCE_FIELDS.length; k++) {
      const col = refCols[k] as number;
      const text = col < 0 ? "" : cellText(cellAt(sheet.grid, r, col));
      ownText[k] = text;
      if (text !== "" && text !== carried[RISK_REFERENCE_FIELDS[k] as RiskReferenceField].text) newItem = true;
    }
    for (let k = 0; k < RISK_REFERENCE_FIELDS.length; k++) {
      const f = RISK_REFERENCE_FIELDS[k] as RiskReferenceField;
      const text = ownText[k] as string;
      if (text !== "") carried[f] = { text, col: refCols[k] as number, row: r };
      else if (newItem) carried[f] = { text: "", col: refCols[k] as number, row: r };
    }
    const refs = {
      itemRef: { ...carried.itemRef },
      itemName: { ...carried.itemName },
      business: { ...carried.business },
      categoryCode: { ...carried.categoryCode },
    };
    if (sheet.layout === "wide") {
      for (const g of groups) {
        const risk = fieldCell(sheet, r, "risk", g);
        const measure = fieldCell(sheet, r, "measure", g);
        const groupCols = colsOfGroup.get(g) ?? [];
        const anyFilled = groupCols.some((m) => !isBlank(cellAt(sheet.grid, r, m.col)));
        if (!anyFilled) continue;
        const first = groupCols[0];
        out.push({
          sheet,
          row: r,
          phase: g,
          phaseCell: { col: first ? first.col : -1, value: g, text: g },
          group: g,
          risk,
          measure,
          refs,
        });
      }
    } else {
      const phaseCell = fieldCell(sheet, r, "phase");
      const read = readPhase(phaseCell.value, phases);
      out.push({
        sheet,
        row: r,
        phase: read && read.ok ? read.value : null,
        phaseCell,
        risk: fieldCell(sheet, r, "risk"),
        measure: fieldCell(sheet, r, "measure"),
        refs,
      });
    }
  }
  return out;
}

/** A date cell as an Excel serial, or null (blank or unreadable). */
export function dateOf(cell: FieldCell): number | null {
  if (cell.col < 0) return null;
  const d = readDate(cell.value);
  return d && d.ok ? d.value.serial : null;
}
