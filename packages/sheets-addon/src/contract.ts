import type { Lang, LocalisedText, WorkbookReport } from "@pmark/core";
import type { ApplyResult, CheckRequest, PlanKind, PlanPreview } from "@pmark/ui";

/**
 * The contract between the sidebar (browser) and the Apps Script server: the google.script.run
 * targets, their arguments and replies. Everything is plain data: google.script.run refuses
 * Date objects and functions, and turns undefined array entries into null.
 */

export type PlanOptions = Record<string, string | number | boolean>;

/** Set when a check could not read the whole workbook within Apps Script's time limit. */
export interface CheckNotice {
  code: "partial-size" | "partial-time";
  message: LocalisedText;
  /** Sheets read and checked, in tab order. */
  checked: string[];
  /** Sheets left out, in tab order. */
  skipped: string[];
}

export interface SheetsCheckResponse extends WorkbookReport {
  notice?: CheckNotice;
}

export interface SheetsPlanPreview extends PlanPreview {
  notice?: CheckNotice;
}

export interface SidebarContext {
  host: "sheets";
  lang: Lang;
}

/** The server functions the sidebar calls, by their global names. */
export interface ServerApi {
  pmarkSidebarContext(): SidebarContext;
  pmarkCheck(request: CheckRequest | null): SheetsCheckResponse;
  pmarkSelect(sheet: string, cell: string): void;
  pmarkPreview(kind: PlanKind, options: PlanOptions | null): SheetsPlanPreview;
  pmarkApply(kind: PlanKind, options: PlanOptions | null, confirmOverwrite: boolean): ApplyResult;
  pmarkClearHighlights(): ApplyResult;
}
