import type { Lang } from "../i18n/text";

/**
 * A template workbook described as data: what the CLI writes to .xlsx with ExcelJS and what the
 * add-ins turn into a write plan (`templateToPlan`). Rows and columns are 1-based; formulas are
 * plain ("=IF(...)", English function names, no `_xlfn.` prefixes: file writers add those), with
 * `{row}` standing for the row they are written on.
 */
export interface WorkbookSpec {
  format: typeof TEMPLATE_FORMAT;
  lang: Lang;
  profile: TemplateProfileStamp;
  /** The level words the formulas write (highest first), and those typed in level columns, with the level that colours each. */
  levels: { level: "high" | "medium" | "low"; label: string }[];
  sheets: SheetSpec[];
  /** Hash of this spec's JSON with `fingerprint` empty: changes whenever the template's content does. */
  fingerprint: string;
}

export const TEMPLATE_FORMAT = "pmark-template/1";

/** The parts of a profile a template is built from; each has its own hash so drift can say what changed. */
export const TEMPLATE_PARTS = ["fields", "phases", "model"] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export interface TemplateProfileStamp {
  id: string;
  version: string;
  /** Hash of the template-relevant parts together. */
  hash: string;
  parts: Record<TemplatePart, string>;
}

export type TemplateSheetKind = "ledger" | "risk" | "contractor" | "law" | "training" | "audit" | "meta";

export interface SheetSpec {
  kind: TemplateSheetKind;
  name: string;
  hidden?: boolean;
  tabColor?: string;
  /** Row 1: the sheet's title; row 2: a one-line note for the user. */
  title?: string;
  note?: string;
  /** The header row (column labels are the glossary's, so `pmark check` recognises the sheet). */
  headerRow: number;
  columns: ColumnSpec[];
  /** Rows written under the header (examples, pre-filled laws), one cell per column. */
  rows: SpecCell[][];
  /** Rows under the header that carry the formulas, dropdowns and formats (the table area). */
  tableRows: number;
  freeze: { rows: number; cols: number };
}

export interface ColumnSpec {
  /** The glossary field id (or, on the meta sheet, a key name). */
  field: string;
  header: string;
  /** Width in characters. */
  width: number;
  /** Input help shown when the cell is selected (validation prompt). */
  help?: { title: string; text: string };
  /** Dropdown choices; `strict` rejects other input (scales), otherwise the host only warns. */
  list?: { values: string[]; strict: boolean };
  /** Computed column: a formula template with `{row}`, and what it gives on a row with no input. */
  formula?: string;
  emptyResult?: string | number | null;
  numberFormat?: string;
  /** Colour the column's level values (高 red, 中 yellow, 低 green). */
  levelColours?: boolean;
  /** Grey fill marking a computed, not-for-input column. */
  computed?: boolean;
}

/** A cell of a pre-filled row: a constant, or a formula with the result core computed for it. */
export type SpecCell = string | number | null | { formula: string; result: string | number | null };

/** Colours of the levels: fill and font (Excel's light red / yellow / green styles). */
export const LEVEL_COLOURS = {
  high: { fill: "#FFC7CE", font: "#9C0006" },
  medium: { fill: "#FFEB9C", font: "#9C5700" },
  low: { fill: "#C6EFCE", font: "#006100" },
} as const;

export const HEADER_FILL = "#DDEBF7";
export const COMPUTED_FILL = "#F2F2F2";
export const DATE_FORMAT = "yyyy/mm/dd";

/** The formula of a template column on one row. */
export function rowFormula(template: string, row: number): string {
  return template.split("{row}").join(String(row));
}
