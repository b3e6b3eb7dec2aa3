import type { Lang, WorkbookSettings } from "@pmark/core";
import type { ApplyResult, CheckNotice, CheckRequest, CheckResult, PlanKind, PlanOptions, PlanPreview } from "@pmark/ui";
import type { ReadCursor, ReadPart } from "./server/read";

/**
 * The contract between the sidebar (browser) and the Apps Script server: the google.script.run
 * targets, their arguments and replies. Everything is plain data: google.script.run refuses
 * Date objects and functions, and turns undefined array entries into null.
 */

export type { CheckNotice, PlanOptions, ReadCursor };

export type SheetsCheckResponse = CheckResult;

export type SheetsPlanPreview = PlanPreview;

export interface SidebarContext {
  host: "sheets";
  lang: Lang;
}

/** One call's share of a read over several calls, with what the sidebar needs to check it. */
export interface SheetsReadPart extends ReadPart {
  /** Today in the spreadsheet's time zone. */
  today: string;
  settings: WorkbookSettings;
}

/** The server functions the sidebar calls, by their global names. */
export interface ServerApi {
  pmarkSidebarContext(): SidebarContext;
  pmarkCheck(request: CheckRequest | null): SheetsCheckResponse;
  pmarkReadPart(cursor: ReadCursor | null): SheetsReadPart;
  pmarkSelect(sheet: string, cell: string): void;
  pmarkPreview(kind: PlanKind, options: PlanOptions | null): SheetsPlanPreview;
  pmarkApply(kind: PlanKind, options: PlanOptions | null, confirmOverwrite: boolean): ApplyResult;
  pmarkClearHighlights(): ApplyResult;
  pmarkSettings(): WorkbookSettings;
  pmarkSaveSettings(settings: WorkbookSettings): void;
}
