import { checkWorkbook, partialReport, profileForCheck, type Lang, type LocalisedText, type Overwrite, type PlanKind, type SheetGrid, type WorkbookReport, type WorkbookSettings, type WritePlan } from "@pmark/core";

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

/**
 * A check that could not read every sheet: what was checked, what was not, and why. Findings
 * that may depend on an unread sheet are withheld (core's `partialReport`), never shown wrong.
 */
export interface CheckNotice {
  /** partial-time: a host's time limit; partial-size: a sheet too large to read. */
  code: "partial-size" | "partial-time";
  message: LocalisedText;
  /** Sheets read and checked, in tab order. */
  checked: string[];
  /** Sheets left out, in tab order. */
  skipped: string[];
  /** The host can read the rest if asked (`check({ complete: true })`). */
  continuable?: boolean;
}

export interface CheckResult extends WorkbookReport {
  notice?: CheckNotice;
  /** Findings withheld because they may depend on a sheet that was not read. */
  withheld?: number;
}

export interface PlanPreview {
  /** The plan as it would be written: added sheets already under their free names. */
  plan: WritePlan;
  /** What the plan would write over (cells with content, dropdowns, sheets with the user's content): only with `confirmOverwrite`. */
  overwrites: Overwrite[];
  /** Set when the plan is empty or cannot be written, with the reason to show. */
  problem?: BridgeProblem;
  notice?: CheckNotice;
}

export interface ApplyResult {
  ok: boolean;
  /** Cells written, for the status line. */
  written: number;
  /** Overwrites skipped because they were not confirmed. */
  skipped: Overwrite[];
  /** A user-facing reason when ok is false (protected sheet, too large...). */
  error?: { code: string; message: { ja: string; en: string } };
  notice?: CheckNotice;
}

export interface CheckRequest {
  /** The check date, YYYY-MM-DD ("as of"); today in the workbook's time zone when omitted. */
  today?: string;
  /** Read what an earlier check left unread for lack of time (hosts with `notice.continuable`). */
  complete?: boolean;
}

/** What the UI can follow of a long check, and stop. Stays on the UI's side of the bridge. */
export interface CheckControl {
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): void;
}

/** Options of a plan: the check date, the finding and reason to accept, the kind of addition to remove. */
export type PlanOptions = Record<string, string | number | boolean>;

/** The host's colour scheme, when it tells one (Office's theme); the UI otherwise follows the browser's. */
export interface HostTheme {
  dark: boolean;
  /** Body background and text colours, as the host paints its own panes. */
  background?: string;
  foreground?: string;
}

export interface HostBridge {
  readonly host: "excel" | "sheets" | "preview";
  /** The user's display language, normalised to ja or en. */
  language(): Lang;
  /** Read every sheet (batched reads) and check it with core, with the workbook's profile. */
  check(request: CheckRequest, control?: CheckControl): Promise<CheckResult>;
  /** Activate the sheet and select the cell a finding points at. */
  select(sheet: string, cell: string): Promise<void>;
  /** Build the plan for an action without writing anything. */
  preview(kind: PlanKind, options?: PlanOptions): Promise<PlanPreview>;
  /** Write a previewed plan; overwrites only when confirmed. */
  apply(kind: PlanKind, options: PlanOptions | undefined, confirmOverwrite: boolean): Promise<ApplyResult>;
  /** Remove the add-in's highlights, restoring the user's own fills exactly. */
  clearHighlights(): Promise<ApplyResult>;
  /** The profile and acceptances remembered in the workbook. */
  settings(): Promise<WorkbookSettings>;
  /** Remembers them in the workbook (it travels with the file). */
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Optional: the host's colour theme. */
  theme?(): HostTheme | null;
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

/**
 * Core's check of the grids a host read, with the workbook's remembered profile. A read that
 * left sheets out (`notice`) keeps only the findings those sheets could never take back.
 */
export function checkRead(grids: readonly SheetGrid[], settings: WorkbookSettings, today: string | undefined, notice?: CheckNotice): CheckResult {
  const profile = profileForCheck(settings);
  const report = checkWorkbook(grids, { ...(today ? { today } : {}), ...(profile ? { profile } : {}) });
  return notice ? { ...partialReport(report, notice.skipped), notice } : report;
}

/** What a bridge's `settings()` hands the pane: the remembered profile and acceptances, not what the add-in added. */
export function settingsOf(state: WorkbookSettings): WorkbookSettings {
  const { profile, suppressions } = state;
  return { ...(profile ? { profile } : {}), ...(suppressions ? { suppressions } : {}) };
}

/**
 * Why an apply writes nothing: a plan that cannot be written, or an empty one with a reason
 * (nothing to accept, nothing left to remove). An empty "accept" that only remembers an
 * acceptance goes on; any other plan writes what it can.
 */
export function applyProblem(built: { plan: WritePlan; problem?: BridgeProblem; suppression?: unknown }, prepared: { problem?: BridgeProblem }): BridgeProblem | undefined {
  return prepared.problem ?? (built.plan.ops.length === 0 && !built.suppression ? built.problem : undefined);
}

/** The error a cancelled check rejects with. */
export class CheckCancelled extends Error {
  constructor() {
    super("check cancelled");
    this.name = "CheckCancelled";
  }
}
