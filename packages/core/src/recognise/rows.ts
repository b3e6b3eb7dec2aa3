import { cellText, isBlank, type CellValue, type SheetGrid } from "../grid/grid";
import { FIELD_CATALOGUE } from "../glossary/fields";
import type { RecognisedKind, ValueType } from "../glossary/kinds";
import { matchField, type ExtraSynonyms } from "../glossary/match";
import { nfkc, normaliseValue } from "../glossary/normalise";
import { PLACEHOLDER_WORDS } from "../glossary/value-words";
import { isDashOnly } from "../read/result";
import type { ColumnMapping, SkippedRole, SkippedRow } from "./types";

/**
 * Row roles: which rows below the header are data. Blank rows are passed over silently; the
 * others are an item, or one of: an empty slot (a form's pre-numbered row holding only its
 * number, a department merged down, formulas showing blank, a dropdown's default), a
 * sub-heading (the header's labels again, a section label), an example (記入例), a note, a total.
 */

/** Fields that frame a row (numbers, groupings, dates, notes) without making it an item. */
const FRAME: Readonly<Record<RecognisedKind, ReadonlySet<string>>> = {
  ledger: new Set(["id", "department", "business", "categoryCode", "owner", "reviewedDate", "note"]),
  risk: new Set(["id", "itemRef", "itemName", "business", "department", "categoryCode", "medium", "phase", "owner", "reviewedDate", "note"]),
  contractor: new Set(["id", "note"]),
  law: new Set(["id", "note", "category"]),
  training: new Set(["id", "department", "employment", "note"]),
  audit: new Set(["id", "department", "note"]),
  review: new Set(["id", "note"]),
};

/** Value types a dropdown offers: a value of these alone is a default, not an entry. */
const PICKED: ReadonlySet<ValueType> = new Set(["yesno", "medium"]);

/** 「記入例」「（記入例）」「【例】」 rows under the header: instructions, not data. (Not 「サンプル」: real items are named that.) */
const EXAMPLE_MARK = /^[([【〔<]?(?:記入例|例$|例[:：)）\]】〕>]|example\b|e\.g\.)/i;
/** Totals and sign-off lines below the table. */
const TOTAL_MARK = /^(?:合計|小計|総計|計|total|subtotal)$/i;
/** A footnote: one cell of prose starting with ※ or 注. */
const FOOTNOTE_MARK = /^(?:※|\*|注[:：)）]|注記)/;
/** The first characters the marks above can start with (full-width forms too): other rows skip the tests. */
const MARK_STARTS = new Set([..."記例合小総計※*＊注eEｅＥtTｔＴsSｓＳ(（【[［〔<＜"]);
/** A section label inside the table: 「【人事部】」「■ 採用関係」. */
const SECTION_MARK = /^(?:【[^】]*】|[■□●◆◇▼▶]).{0,30}$/;

const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS.map(normaliseValue));

function isPlaceholder(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  return isDashOnly(t) || PLACEHOLDERS.has(normaliseValue(t));
}

/** A scale or key written under a header: 「(1～4)」「1-3」「高・中・低」「○/×」「頻度×影響度」. */
const LEGEND_CELL = /^[(（[［]?\s*(?:\d+\s*[～~〜\-－―ー]\s*\d+(?:段階|点)?|\d+段階|(?:高|中|低|大|小|[hml]|○|×|有|無)(?:\s*[・/／、,]\s*(?:高|中|低|大|小|[hml]|○|×|有|無))+|[^\s()（）]{1,8}\s*[×x＊*+＋]\s*[^\s()（）]{1,8})\s*[)）\]］]?$/i;

/** A row right under the header whose every cell is a scale or key, not a value. */
function isLegendRow(row: readonly CellValue[]): boolean {
  let cells = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== "string" || !LEGEND_CELL.test(nfkc(v.trim()))) return false;
    cells++;
  }
  return cells >= 2;
}

export interface RowReading {
  dataRows: number[];
  skipped: SkippedRow[];
}

interface ColumnUse {
  col: number;
  header: string;
  /** Whether a value here makes the row an item. */
  content: boolean;
}

export function readRows(grid: SheetGrid, kind: RecognisedKind, columns: readonly ColumnMapping[], headerRows: readonly number[], rows: number, extra: ExtraSynonyms): RowReading {
  const headerRow = headerRows.at(-1) ?? -1;
  const catalogue: Readonly<Record<string, { type: ValueType } | undefined>> = FIELD_CATALOGUE[kind];
  const frame = FRAME[kind];
  const uses: ColumnUse[] = columns.map((m) => {
    const type = catalogue[m.field]?.type;
    const content = m.phase !== undefined || (!frame.has(m.field) && !(type !== undefined && PICKED.has(type)) && m.field !== "infoCategory");
    return { col: m.col, header: (grid.values[headerRow]?.[m.col] === undefined ? "" : cellText(grid.values[headerRow]?.[m.col])).trim(), content };
  });
  // Every header row's labels: a sheet printed over pages repeats all of them.
  const headerLabels = headerRows.map((r) => (grid.values[r] ?? []).map((v) => (typeof v === "string" ? v.trim() : "")));
  const firstLabelCol = headerLabels.map((labels) => labels.findIndex((l) => l !== ""));
  const dataRows: number[] = [];
  const skipped: SkippedRow[] = [];
  for (let r = headerRow + 1; r < rows; r++) {
    if (repeatsAHeaderRow(grid.values[r], headerLabels, firstLabelCol)) {
      skipped.push({ row: r, role: "subHeading" });
      continue;
    }
    // Field labels are looked for only just under the header, where a second header row sits.
    const role = roleOf(grid, r, kind, uses, r <= headerRow + LABEL_ROWS ? extra : null);
    if (role === "item") dataRows.push(r);
    else if (role !== "blank") skipped.push({ row: r, role });
  }
  return { dataRows, skipped };
}

/** A row that prints one of the header rows again (three or more labels in their columns). */
function repeatsAHeaderRow(row: readonly CellValue[] | undefined, headerLabels: readonly (readonly string[])[], firstLabelCol: readonly number[]): boolean {
  if (!row) return false;
  for (let h = 0; h < headerLabels.length; h++) {
    const labels = headerLabels[h] ?? [];
    // Most rows are data: their cell under the first label already differs.
    const c0 = firstLabelCol[h] ?? -1;
    const v0 = c0 < 0 ? undefined : row[c0];
    if (typeof v0 !== "string" || v0.trim() !== labels[c0]) continue;
    let same = 0;
    let filled = 0;
    for (let c = 0; c < labels.length; c++) {
      const label = labels[c] ?? "";
      if (label === "") continue;
      filled++;
      const v = row[c];
      if (typeof v === "string" && v.length >= label.length && v.trim() === label) same++;
    }
    if (same >= Math.min(3, filled) && same >= filled * 0.6) return true;
  }
  return false;
}

/** Rows under the header where a row of field labels is a sub-heading. */
const LABEL_ROWS = 3;

function roleOf(grid: SheetGrid, r: number, kind: RecognisedKind, uses: readonly ColumnUse[], extra: ExtraSynonyms | null): SkippedRole | "item" | "blank" {
  const row = grid.values[r];
  if (!row) return "blank";
  let first: CellValue = null;
  // Only "none, one or more than one" filled cell matters below.
  let filled = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (++filled === 1) first = v;
    else break;
  }
  if (filled === 0) return "blank";
  if (typeof first === "string" && MARK_STARTS.has(first.trimStart().charAt(0))) {
    const text = nfkc(first.trim());
    if (EXAMPLE_MARK.test(text)) return "example";
    if (TOTAL_MARK.test(text.replace(/\s+/g, ""))) return "total";
    if (filled === 1 && FOOTNOTE_MARK.test(text)) return "note";
  }
  let mapped = 0;
  let content = 0;
  let repeatsHeader = 0;
  let labels = 0;
  let texts = 0;
  const formulaRow = grid.formulas?.[r];
  // A few content cells may all be a dropdown's placeholder: looked at only then.
  const few: CellValue[] = [];
  for (const use of uses) {
    const v = row[use.col];
    if (isBlank(v)) continue;
    mapped++;
    if (typeof v === "string") {
      texts++;
      if (use.header !== "" && v.length === use.header.length && v === use.header) repeatsHeader++;
      if (extra !== null && v.length <= 20 && matchField(kind, v.trim(), extra)) labels++;
    }
    const formula = formulaRow?.[use.col];
    if (use.content && !(typeof formula === "string" && formula.startsWith("="))) {
      content++;
      if (few.length < 3) few.push(v);
    }
  }
  if (content > 0 && content <= few.length && few.every(isPlaceholder)) content = 0;
  if (mapped === 0) return "note";
  if (extra !== null && isLegendRow(row)) return "subHeading";
  // The header printed again (pasted printed pages), or a row of field labels under it.
  if (repeatsHeader >= Math.min(3, uses.length) || (labels >= 2 && labels === texts && texts === mapped)) return "subHeading";
  if (filled === 1 && typeof first === "string" && SECTION_MARK.test(first.trim()) && content <= 1) return "subHeading";
  return content === 0 ? "emptySlot" : "item";
}
