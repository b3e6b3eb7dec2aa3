import type { SheetGrid } from "../grid/grid";
import type { RecognisedKind, SheetKind } from "../glossary/kinds";
import type { LocalisedText } from "../i18n/text";
import type { StatedScale } from "./scale";
import type { SheetScoringRule } from "./scoring-rule";

/** One column of a recognised sheet and the field it carries. */
export interface ColumnMapping {
  /** 0-based column. */
  col: number;
  field: string;
  /** The header text as written (joined with " / " when two header rows made the label). */
  header: string;
  /** The header is a known spelling of the field (not only a part of the label, not values alone). */
  exact: boolean;
  /** Wide risk layouts: the phase id of the column group this column belongs to. */
  phase?: string;
  /** What settled the role: the header, the values under it, or the sheet's own formulas. */
  source: "header" | "values" | "formula";
  /** How sure the reading is, 0–1: the header's match and the values' agreement together. */
  confidence: number;
  /** Why, in the user's words: the header, what the values are, what contradicted what. */
  evidence: readonly LocalisedText[];
  /** A rating column written in words (高/中/低, 大/中/小, H/M/L): read as 3/2/1. */
  wordScale?: boolean;
}

/** Why a non-blank row below the header is not read as data. */
export type SkippedRole = "emptySlot" | "subHeading" | "example" | "note" | "total";
export type RowRole = "item" | SkippedRole;

export interface SkippedRow {
  /** 0-based row. */
  row: number;
  role: SkippedRole;
}

/** A column whose header names no field, or whose values contradicted what its header named. */
export interface UnassignedColumn {
  col: number;
  header: string;
  reason?: LocalisedText;
}

export interface RecognisedSheet {
  grid: SheetGrid;
  name: string;
  /** Position of the sheet in the workbook. */
  index: number;
  kind: SheetKind;
  /** Why the sheet is this kind (or why nothing was recognised), for `pmark explain`. */
  kindReason: LocalisedText;
  /** 0-based index of the last header row; -1 when none was found. */
  headerRow: number;
  /** 0-based header rows, top first (one or two). */
  headerRows: number[];
  layout?: "long" | "wide";
  columns: ColumnMapping[];
  /** Field → columns carrying it, in column order. */
  byField: ReadonlyMap<string, readonly ColumnMapping[]>;
  /** 0-based rows read as data: ledger items, risk rows, register entries. */
  dataRows: number[];
  /** Non-blank rows below the header that are not data, and why. */
  skipped: SkippedRow[];
  unmapped: UnassignedColumn[];
  /** Risk sheets: the scoring rule the sheet's own formulas state. */
  scoring: SheetScoringRule | null;
  /** Risk sheets: the rating scale the sheet states in a header, legend or note. */
  statedScale: StatedScale | null;
  /** Why a sheet was left unknown (best candidate's kind and score), for messages. */
  diagnosis?: { bestKind: RecognisedKind | null; fields: number };
}
