import type { Lang, WorkbookSettings } from "@pmark/core";
import type { CheckResult, HostBridge } from "./bridge";
import type { Translate } from "./messages";
import type { StatusLine } from "./status";

/**
 * What every view of the pane shares: the host bridge, the language, the latest check and the
 * workbook's settings, and the one check runner. A view is a module that builds its panel from
 * this context and redraws when the report or the settings change; adding a view is adding it
 * to the list in app.ts.
 */
export interface PaneContext {
  readonly doc: Document;
  readonly bridge: HostBridge;
  readonly lang: Lang;
  readonly t: Translate;
  /** The latest check's result, null before the first. */
  report(): CheckResult | null;
  settings(): WorkbookSettings;
  /** The check date chosen in the pane ("" = today). */
  asOf(): string;
  setAsOf(date: string): void;
  saveSettings(next: WorkbookSettings): Promise<void>;
  /** The check's status line: its progress, stop button, result and errors (placed by the findings view). */
  readonly checkStatus: StatusLine;
  /** Runs a check (the findings view shows its progress); resolves when it is done or stopped. */
  runCheck(request?: { complete?: boolean }): Promise<void>;
  /** True while a check or a write is running: every write action waits. */
  busy(): boolean;
  /** Marks the pane busy for the duration of `work`. */
  whileBusy<T>(work: () => Promise<T>): Promise<T>;
  /** Redraw requests: a view subscribes to report, settings or busy changes. */
  on(event: "report" | "settings" | "busy", listener: () => void): void;
  /** Shows a view (e.g. the findings after an action re-checked). */
  showView(id: string): void;
}

export interface View {
  readonly id: string;
  readonly label: string;
  readonly panel: HTMLElement;
}
