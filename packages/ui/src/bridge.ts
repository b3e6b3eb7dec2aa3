import type { Lang, WorkbookReport, WritePlan, Overwrite } from "@pmark/core";

/**
 * The one narrow port between the shared task pane / sidebar UI and its host. Excel
 * implements it with Office.js inside the pane; Sheets with `google.script.run` calls to the
 * Apps Script server; the in-memory bridge backs the preview mode, demos and browser tests.
 * Everything crossing it is plain data (no Date, no functions), as google.script.run requires.
 */
export type PlanKind = "template" | "formulas" | "report" | "highlight";

export interface PlanPreview {
  plan: WritePlan;
  /** Non-empty user cells the plan would overwrite: written only with `confirmOverwrite`. */
  overwrites: Overwrite[];
}

export interface ApplyResult {
  ok: boolean;
  /** Cells written, for the status line. */
  written: number;
  /** Overwrites skipped because they were not confirmed. */
  skipped: Overwrite[];
  /** A user-facing reason when ok is false (protected sheet, too large...). */
  error?: { code: string; message: { ja: string; en: string } };
}

export interface CheckRequest {
  today?: string;
}

export interface HostBridge {
  readonly host: "excel" | "sheets" | "preview";
  /** The user's display language, normalised to ja or en. */
  language(): Lang;
  /** Read every sheet (one batched read per sheet) and check it with core. */
  check(request: CheckRequest): Promise<WorkbookReport>;
  /** Activate the sheet and select the cell a finding points at. */
  select(sheet: string, cell: string): Promise<void>;
  /** Build the plan for an action without writing anything. */
  preview(kind: PlanKind, options?: Record<string, string | number | boolean>): Promise<PlanPreview>;
  /** Write a previewed plan; overwrites of non-empty cells only when confirmed. */
  apply(kind: PlanKind, options: Record<string, string | number | boolean> | undefined, confirmOverwrite: boolean): Promise<ApplyResult>;
  /** Remove the add-in's highlights, restoring the user's own fills exactly. */
  clearHighlights(): Promise<ApplyResult>;
  /** Optional: call back (debounced by the UI) when the user edits the workbook. */
  onChange?(callback: () => void): () => void;
}
