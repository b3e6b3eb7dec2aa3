import type { Finding } from "../findings/finding";
import type { SheetKind } from "../glossary/kinds";
import type { LocalisedText } from "../i18n/text";
import type { WorkbookExplanation } from "../model/explain";

export interface SheetSummary {
  name: string;
  kind: SheetKind;
  /** 1-based row of the (last) header row; 0 when no header was found. */
  headerRow: number;
  /** Data rows read below the header (blank rows excluded). */
  rows: number;
  /** Risk sheets only: "long" (row = item × phase) or "wide" (column group per phase). */
  layout?: "long" | "wide";
}

export interface RiskCounts {
  high: number;
  medium: number;
  low: number;
  incomplete: number;
}

export interface ReportSummary {
  errors: number;
  warnings: number;
  infos: number;
  accepted: number;
  risks: RiskCounts;
}

/** The result of checking one workbook: PRODUCT.md §5's `files[]` entry without `file`. */
export interface WorkbookReport {
  sheets: SheetSummary[];
  findings: Finding[];
  summary: ReportSummary;
  /**
   * Heat map, coverage and readiness (report/overview.ts). `checkWorkbook` always sets it;
   * it is optional only so that hand-made or older reports stay valid.
   */
  overview?: ReportOverview;
  /** How each sheet was read (model/explain.ts): what the add-ins show per sheet. */
  explanation?: WorkbookExplanation;
}

/** An inclusive integer rating scale, e.g. 1–3 or 1–5. */
export interface Scale {
  min: number;
  max: number;
}

/**
 * Counts of risk entries per likelihood × impact cell. `before[l - likelihood.min][i - impact.min]`
 * counts the entries rated likelihood l and impact i before measures; `after` the same for the
 * residual likelihood × residual impact. Entries without both ratings are counted in `unplaced`.
 */
export interface HeatMap {
  likelihood: Scale;
  impact: Scale;
  before: number[][];
  after: number[][];
  unplaced: { before: number; after: number };
  /** Whether some risk sheet has both rating columns of the pair (likelihood and impact; residual ones). */
  columns: { before: boolean; after: boolean };
}

export interface PhaseCoverage {
  /** The profile's phase id and label. */
  phase: string;
  label: LocalisedText;
  /** Ledger items the phase applies to (委託・提供 only with a contractor or a recipient). */
  applicable: number;
  /** Of those, items with at least one risk entry for the phase. */
  analysed: number;
}

export interface DepartmentCoverage {
  /** The department as written in the ledger (trimmed); "" for items with no department. */
  department: string;
  /** Ledger items of the department. */
  items: number;
  /** Of those, items with any risk analysis linked to them. */
  analysed: number;
  /** Findings (not accepted) on the items' ledger rows or on risk rows linked to them. */
  findings: number;
  /** Of those, error-severity findings. */
  errors: number;
}

export interface Coverage {
  /**
   * False when no risk sheet records phases (no phase column, no phase column groups): each
   * phase then counts an item as analysed when it has any risk entry, as `risk/phase-missing`
   * does not judge phases either.
   */
  phased: boolean;
  phases: PhaseCoverage[];
  departments: DepartmentCoverage[];
}

export type ReadinessComponentId = "columns" | "rows" | "phases" | "scoring" | "areas";

export interface ReadinessComponent {
  id: ReadinessComponentId;
  /** Points this component is worth; the weights add up to 100. */
  weight: number;
  /** The fulfilled share, 0–1. */
  ratio: number;
  /** What the ratio was computed from: `met` of `of`. */
  met: number;
  of: number;
}

/** 0–100, see report/overview.ts for the formula. */
export interface Readiness {
  score: number;
  components: ReadinessComponent[];
}

export interface ReportOverview {
  heatMap: HeatMap;
  coverage: Coverage;
  readiness: Readiness;
}
