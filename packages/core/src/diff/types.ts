import type { Finding } from "../findings/finding";
import type { LocalisedText } from "../i18n/text";
import type { ReportOverview, ReportSummary, SheetSummary } from "../report/types";
import type { LevelId } from "../scoring/levels";

/**
 * What changed between two years' workbooks (`pmark diff OLD NEW`): ledger items added, removed,
 * renamed and changed field by field, risk rows added, removed and re-scored per item and phase,
 * and findings resolved, new and still open. Plain data: it crosses a worker boundary and is
 * printed as JSON as it is. Items, fields and phases are compared by their field and phase ids,
 * never by column positions, so the two workbooks may be laid out differently.
 */
export interface WorkbookDiff {
  summary: DiffSummary;
  old: DiffSide;
  new: DiffSide;
  /** Ledger columns (by field) one year records and the other does not. */
  ledgerFields: { added: FieldRef[]; removed: FieldRef[] };
  items: {
    added: ItemRef[];
    removed: ItemRef[];
    /** Items found in both years that were renamed or had a field changed (unchanged ones are only counted). */
    changed: ItemChange[];
  };
  /** Risk rows that changed, per ledger item and phase, in the new ledger's order. */
  risks: RiskGroupChange[];
  findings: {
    /** Last year's findings that are gone. */
    resolved: Finding[];
    /** This year's findings that last year did not have. */
    new: Finding[];
    /** This year's findings that last year had too, with where last year's was. */
    open: OpenFinding[];
  };
}

/** One year's workbook as its check saw it: the sheets read, the summary and the overview. */
export interface DiffSide {
  sheets: SheetSummary[];
  summary: ReportSummary;
  overview?: ReportOverview;
}

export interface DiffSummary {
  items: {
    old: number;
    new: number;
    added: number;
    removed: number;
    /** Matched by id (or by the same name) under another name. */
    renamed: number;
    /** Matched only by a near-miss name: probably the same item renamed ("renamed?"). */
    renamedUncertain: number;
    /** Matched items with a field other than the name changed. */
    changed: number;
    unchanged: number;
  };
  risks: {
    old: number;
    new: number;
    added: number;
    removed: number;
    /** Rows found in both years whose level, risk text or measure changed. */
    changed: number;
    /** Level before measures: rows whose level rose or fell. */
    before: { up: number; down: number };
    /** Level after measures (residual): rows whose level rose or fell. */
    after: { up: number; down: number };
  };
  findings: {
    resolved: number;
    new: number;
    open: number;
    /** Of those, error-severity findings that are not accepted. */
    resolvedErrors: number;
    newErrors: number;
    openErrors: number;
  };
}

export interface FieldRef {
  field: string;
  label: LocalisedText;
}

/** A ledger item as one year's ledger has it: the row and the cell that names it. */
export interface ItemRef {
  sheet: string;
  /** 1-based row and the A1 address of the item's name cell. */
  row: number;
  cell: string;
  /** The id as written (empty when the ledger has no id column or the cell is blank). */
  id: string;
  /** The item's name (else its data items, else its id), cut for display. */
  label: string;
}

export interface ItemChange {
  old: ItemRef;
  new: ItemRef;
  /**
   * How the two were paired: the same id, the same name (normalised for width, spaces and
   * brackets), or a near-miss name only ("renamed?": worth a look before trusting it).
   */
  match: "id" | "name" | "similar";
  /** The name differs (for `similar` always). */
  renamed: boolean;
  /** Fields whose meaning differs, in the field catalogue's order; the name only when `match` is "id". */
  fields: FieldChange[];
}

export interface FieldChange {
  field: string;
  label: LocalisedText;
  /** The cells as written, cut for display ("" for blank). */
  old: string;
  new: string;
}

export interface RiskGroupChange {
  /** The ledger items the rows are about: last year's and this year's labels (one, or several for a business or category row). */
  items: { old: string[]; new: string[] };
  /** The profile's phase id; null when the rows record no phase; an unknown phase keeps its text in `phaseText`. */
  phase: string | null;
  phaseLabel: LocalisedText;
  rows: RiskRowChange[];
}

export interface RiskRowChange {
  change: "added" | "removed" | "changed";
  old?: RiskRowRef;
  new?: RiskRowRef;
  /** Level before measures, when it differs. */
  before?: LevelChange;
  /** Level after measures (residual), when it differs. */
  after?: LevelChange;
  /** The risk text was reworded (the rows were paired as the same risk of the same item and phase). */
  reworded?: boolean;
  measureChanged?: boolean;
}

export interface RiskRowRef {
  sheet: string;
  row: number;
  /** The risk as written, cut for display. */
  risk: string;
  measure: string;
  before: LevelId | null;
  after: LevelId | null;
}

/** up: 上がった, down: 下がった; set: a level where there was none; cleared: none any more. */
export interface LevelChange {
  from: LevelId | null;
  to: LevelId | null;
  direction: "up" | "down" | "set" | "cleared";
}

export interface OpenFinding {
  finding: Finding;
  /** Where last year's finding was. */
  was: { sheet: string; cell: string };
}
