import type { Finding } from "../findings/finding";
import type { SheetKind } from "../glossary/kinds";

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
}
