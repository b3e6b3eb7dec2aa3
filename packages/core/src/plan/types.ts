import type { CellValue } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";

/**
 * A write plan: everything a host should write, as data, so that it can be previewed, checked
 * never to overwrite a user's non-empty cell without confirmation, and applied in batches.
 * Hosts (Excel, Sheets) apply it; core builds it. Addresses are 1-based; `range` is A1
 * ("B2:D9") on `sheet`.
 */
export type WriteOp =
  /** Create a sheet; when the name exists the host picks "name (2)", never overwrites. */
  | { op: "addSheet"; sheet: string; tabColor?: string; hidden?: boolean }
  /**
   * A block of constant values, top-left at (row, col); null or undefined leaves a cell alone.
   * Text is always written as text, never parsed as a formula, number or date: builders pass
   * strings through `textCell` (a leading apostrophe, the spreadsheet's own text prefix, which
   * Excel and Sheets both drop from the stored value), and hosts prefix any other string that
   * would start a formula.
   */
  | { op: "values"; sheet: string; row: number; col: number; values: CellValue[][] }
  /**
   * A block of formulas ("=..." with plain function names), top-left at (row, col); null leaves a
   * cell alone. `results`, when given, is what each formula gives as the plan leaves its inputs:
   * a file writer stores it as the cached value (spreadsheet hosts calculate for themselves).
   */
  | { op: "formulas"; sheet: string; row: number; col: number; formulas: (string | null)[][]; results?: (string | number | null)[][] }
  /**
   * Insert `count` empty rows below 1-based row `after` (0: at the top), as a user inserts rows:
   * the rows below, their formulas' references, merges and dropdowns move down. Ops after it
   * address the sheet as it then is.
   */
  | { op: "insertRows"; sheet: string; after: number; count: number }
  /**
   * Delete `count` rows from 1-based `row` down; the rows below move up. Only ever rows the
   * add-in inserted and the user has not changed since; `userContent` marks rows holding content
   * the add-in did not write (an overwrite the user confirms).
   */
  | { op: "deleteRows"; sheet: string; row: number; count: number; userContent?: boolean }
  /**
   * A dropdown list on a range. Other input is rejected unless `strict` is false (for columns
   * whose spellings vary, such as phases): then the host only warns. Existing values never change.
   */
  | { op: "validation"; sheet: string; range: string; list: string[]; allowBlank: boolean; prompt?: LocalisedText; strict?: boolean }
  /** Conditional fills: cells whose value equals `equals` get `fill`. */
  | { op: "conditionalFormat"; sheet: string; range: string; rules: { equals: string; fill: string; font?: string }[] }
  /** Highlight cells (findings); the host remembers the user's own fill so Clear restores it exactly. */
  | { op: "highlight"; sheet: string; cells: string[]; fill: string }
  | { op: "format"; sheet: string; range: string; bold?: boolean; fill?: string; wrap?: boolean; numberFormat?: string }
  /** Widths in characters (Excel's column-width unit; hosts convert: about 7 px per character + 5 px) from 1-based `col` rightwards. */
  | { op: "columnWidths"; sheet: string; col: number; widths: number[] }
  | { op: "freeze"; sheet: string; rows: number; cols: number }
  /**
   * Delete a sheet: only ever one the add-in made (its report, template sheets it inserted).
   * `userContent`: the sheet holds content the add-in did not write, so deleting it is an
   * overwrite the user confirms.
   */
  | { op: "deleteSheet"; sheet: string; userContent?: boolean }
  /** Clear the contents of a range (formats stay), for removing what the add-in wrote. */
  | { op: "clear"; sheet: string; range: string }
  /** Remove the dropdowns (data validation) of a range. */
  | { op: "removeValidation"; sheet: string; range: string };

export interface WritePlan {
  /** What the plan does, for the preview title. */
  title: LocalisedText;
  /** What it changes, in a sentence a user reads before confirming (the ops are the details). */
  summary?: LocalisedText;
  ops: WriteOp[];
}

/** The actions a host offers; `buildPlan` turns each into a WritePlan. */
export type PlanKind = "template" | "formulas" | "report" | "highlight" | "accept" | "remove" | "draft";

/** A non-empty user cell that a plan would overwrite: shown in the preview, written only after confirmation. */
export interface Overwrite {
  sheet: string;
  /** A cell, or for a validation or a sheet the range it covers. */
  cell: string;
  /**
   * What would be lost: a cell's content (the default), a dropdown rule already on the range,
   * a sheet holding content the user added, or rows to delete that hold it (`cell` is then the
   * rows' range, "5:7").
   */
  kind?: "cell" | "validation" | "sheet" | "rows";
}
