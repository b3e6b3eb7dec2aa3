import type { Lang } from "@pmark/core";
import type { ApplyResult, CheckRequest, HostBridge, PlanKind, PlanPreview } from "@pmark/ui";
import type { CheckNotice, PlanOptions, ServerApi, SheetsCheckResponse } from "../contract";

/**
 * The shared UI's host bridge for the Sheets sidebar: each call is a google.script.run call
 * to a global of Code.js, wrapped in a promise. Arguments and replies are plain data.
 */

/** The part of google.script.run the sidebar uses (the sandboxed iframe's `google` global). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [server: string]: unknown;
}

export interface GoogleGlobal {
  script: { run: ScriptRun };
}

type ServerName = keyof ServerApi;

/** Calls one server function; rejects with an Error carrying the server's message. */
export function callServer<K extends ServerName>(run: ScriptRun, name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))));
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`google.script.run has no ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export interface SheetsBridge extends HostBridge {
  /** The notice of the last check or plan that could not read the whole workbook, if any. */
  readonly notice: CheckNotice | null;
  /** Called whenever a reply carries (or clears) a notice. */
  onNotice(callback: (notice: CheckNotice | null) => void): void;
}

export function sheetsBridge(run: ScriptRun, lang: Lang): SheetsBridge {
  let notice: CheckNotice | null = null;
  const listeners: ((n: CheckNotice | null) => void)[] = [];
  const record = (reply: { notice?: CheckNotice } | null | undefined) => {
    notice = reply?.notice ?? null;
    for (const l of listeners) l(notice);
  };
  return {
    host: "sheets",
    get notice() {
      return notice;
    },
    onNotice(callback) {
      listeners.push(callback);
    },
    language: () => lang,
    async check(request: CheckRequest) {
      const reply: SheetsCheckResponse = await callServer(run, "pmarkCheck", request ?? null);
      record(reply);
      return reply;
    },
    async select(sheet: string, cell: string) {
      await callServer(run, "pmarkSelect", sheet, cell);
    },
    async preview(kind: PlanKind, options?: PlanOptions): Promise<PlanPreview> {
      const reply = await callServer(run, "pmarkPreview", kind, options ?? null);
      record(reply);
      return reply;
    },
    async apply(kind: PlanKind, options: PlanOptions | undefined, confirmOverwrite: boolean): Promise<ApplyResult> {
      const reply = await callServer(run, "pmarkApply", kind, options ?? null, confirmOverwrite);
      record(reply as ApplyResult & { notice?: CheckNotice });
      return reply;
    },
    async clearHighlights(): Promise<ApplyResult> {
      return callServer(run, "pmarkClearHighlights");
    },
  };
}
