import type { CellValue, Lang, MergedRange, SheetGrid } from "@pmark/core";
import { CheckCancelled, checkRead, type ApplyResult, type CheckControl, type CheckRequest, type CheckResult, type HostBridge, type PlanKind, type PlanPreview } from "@pmark/ui";
import type { PlanOptions, ReadCursor, ServerApi, SheetsReadPart } from "../contract";

/**
 * The shared UI's host bridge for the Sheets sidebar: each call is a google.script.run call
 * to a global of Code.js, wrapped in a promise. Arguments and replies are plain data.
 *
 * "Check the remaining sheets" (a check Apps Script's time limit cut short) reads the
 * spreadsheet over as many server calls as it takes, each a fresh execution with its own time
 * limit, and checks the pieces here in the sidebar, where no such limit applies.
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

/** Puts a continued read's pieces together into one grid per sheet, in tab order. */
export class GridAssembly {
  private readonly order: string[] = [];
  private readonly sheets = new Map<string, { values: CellValue[][]; formulas: (string | null)[][] | null; merges?: MergedRange[] }>();

  add(part: SheetsReadPart): void {
    for (const p of part.pieces) {
      let s = this.sheets.get(p.name);
      if (!s) {
        s = { values: [], formulas: null };
        this.sheets.set(p.name, s);
        this.order.push(p.name);
      }
      if (p.merges) s.merges = p.merges;
      const formulas = p.formulas;
      if (formulas && !s.formulas) s.formulas = s.values.map((row) => row.map(() => null));
      p.values.forEach((row, i) => {
        s.values[p.top - 1 + i] = row;
        if (s.formulas) s.formulas[p.top - 1 + i] = formulas?.[i] ?? row.map(() => null);
      });
    }
  }

  grids(): SheetGrid[] {
    return this.order.map((name) => {
      const s = this.sheets.get(name) as { values: CellValue[][]; formulas: (string | null)[][] | null; merges?: MergedRange[] };
      return { name, values: s.values, ...(s.formulas ? { formulas: s.formulas } : {}), ...(s.merges ? { merges: s.merges } : {}) };
    });
  }
}

export interface SheetsBridge extends HostBridge {
  readonly host: "sheets";
}

export function sheetsBridge(run: ScriptRun, lang: Lang): SheetsBridge {
  /** Reads every sheet over further server calls and checks the grids here. */
  const checkInParts = async (request: CheckRequest, control?: CheckControl): Promise<CheckResult> => {
    const assembly = new GridAssembly();
    let cursor: ReadCursor | null = { sheet: 0, row: 1 };
    let last: SheetsReadPart | null = null;
    while (cursor) {
      if (control?.signal?.aborted) throw new CheckCancelled();
      const part: SheetsReadPart = await callServer(run, "pmarkReadPart", cursor);
      assembly.add(part);
      last = part;
      cursor = part.next;
      control?.onProgress?.({ done: part.done, total: part.total });
    }
    if (control?.signal?.aborted) throw new CheckCancelled();
    return checkRead(assembly.grids(), last?.settings ?? {}, request.today || last?.today);
  };

  return {
    host: "sheets",
    language: () => lang,
    async check(request, control) {
      if (request.complete) return checkInParts(request, control);
      return callServer(run, "pmarkCheck", request ?? null);
    },
    async select(sheet: string, cell: string) {
      await callServer(run, "pmarkSelect", sheet, cell);
    },
    async preview(kind: PlanKind, options?: PlanOptions): Promise<PlanPreview> {
      return callServer(run, "pmarkPreview", kind, options ?? null);
    },
    async apply(kind: PlanKind, options: PlanOptions | undefined, confirmOverwrite: boolean): Promise<ApplyResult> {
      return callServer(run, "pmarkApply", kind, options ?? null, confirmOverwrite);
    },
    async clearHighlights(): Promise<ApplyResult> {
      return callServer(run, "pmarkClearHighlights");
    },
    async settings() {
      return callServer(run, "pmarkSettings");
    },
    async saveSettings(settings) {
      await callServer(run, "pmarkSaveSettings", settings);
    },
  };
}
