import type { Lang, LocalisedText, WorkbookReport, WritePlan, Overwrite, PlanKind } from "@pmark/core";

export type { PlanKind };

/**
 * The one narrow port between the shared task pane / sidebar UI and its host. Excel
 * implements it with Office.js inside the pane; Sheets with `google.script.run` calls to the
 * Apps Script server; the in-memory bridge backs the preview mode, demos and browser tests.
 * Everything crossing it is plain data (no Date, no functions), as google.script.run requires.
 */

/** Why a host could not do what was asked (protected sheet, too large, merged header...). */
export interface BridgeProblem {
  code: string;
  message: LocalisedText;
}

export interface PlanPreview {
  /** The plan as it would be written: added sheets already under their free names. */
  plan: WritePlan;
  /** Non-empty user cells the plan would overwrite: written only with `confirmOverwrite`. */
  overwrites: Overwrite[];
  /** Set when the plan is empty or cannot be written, with the reason to show. */
  problem?: BridgeProblem;
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

/**
 * An error a bridge may throw with a message for the user in both languages; the UI shows
 * `text[lang]` (else the error's own message). Plain data, so it survives google.script.run
 * as `{ code, text }` fields on the Error.
 */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalisedText,
  ) {
    super(text.en);
    this.name = "BridgeError";
  }
}
