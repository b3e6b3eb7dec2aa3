import { buildPlan, checkWorkbook, preparePlan, type Lang, type PlanKind, type ProfileInput, type WorkbookReport } from "@pmark/core";
import type { ApplyResult, HostBridge, PlanPreview } from "@pmark/ui";
import { applyHighlights, applyPlan, clearHighlights, readGrids, selectCell, type Features, type WorkbookRead } from "./adapter";
import { withExcel } from "./errors";

/**
 * The shared UI's host bridge inside Excel: every call is one `Excel.run` (through withExcel)
 * that reads the workbook with the batched adapter, runs core, and writes a checked plan.
 * Plans are rebuilt from a fresh read when applied, so what is written matches the workbook as
 * it is then, not as it was at preview time.
 */

export interface ExcelEnv {
  run: <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  language: Lang;
  features: Features;
  /** Bytes per round trip (default: the adapter's 4 MB). */
  budget?: number;
  profile?: ProfileInput;
  /** Check date YYYY-MM-DD (default: today). */
  today?: string;
}

export interface ExcelBridge extends HostBridge {
  readonly host: "excel";
}

/** Normalises an Office display language ("ja-JP", "en-US") to the UI's two languages. */
export function languageOf(tag: string | undefined | null): Lang {
  return typeof tag === "string" && /^ja\b/i.test(tag) ? "ja" : "en";
}

/** The environment inside Office: Excel.run, the display language, optional requirement sets. */
export function officeEnv(): ExcelEnv {
  const supports = (version: string) => {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return {
    run: (fn) => Excel.run(fn),
    language: languageOf(Office.context.displayLanguage),
    features: { mergedAreas: supports("1.13"), triggerSource: supports("1.14") },
  };
}

/** Changes the add-in made itself show up as events for a moment after its writes. */
const OWN_WRITE_QUIET_MS = 1500;

export function createExcelBridge(env: ExcelEnv): ExcelBridge {
  const lang = env.language;
  let writing = 0;
  let quietUntil = 0;
  const protectedOf = (read: WorkbookRead) => [...read.sheets.filter((s) => s.protected).map((s) => s.name), ...(read.structureProtected ? ["*"] : [])];
  const check = (read: WorkbookRead): WorkbookReport =>
    checkWorkbook(read.grids, { ...(env.today ? { today: env.today } : {}), ...(env.profile ? { profile: env.profile } : {}) });
  const plan = (kind: PlanKind, read: WorkbookRead) => buildPlan(kind, read.grids, check(read), { lang, ...(env.profile ? { profile: env.profile } : {}) });
  const readOptions = (withHighlights = false) => ({ features: env.features, withHighlights, ...(env.budget ? { budget: env.budget } : {}) });
  const writingRun = async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    writing++;
    try {
      return await withExcel(env.run, fn);
    } finally {
      writing--;
      quietUntil = Date.now() + OWN_WRITE_QUIET_MS;
    }
  };

  return {
    host: "excel",
    language: () => lang,
    check: () => withExcel(env.run, async (ctx) => check(await readGrids(ctx, readOptions()))),
    select: (sheet, cell) => withExcel(env.run, (ctx) => selectCell(ctx, sheet, cell)),
    preview: (kind) =>
      withExcel(env.run, async (ctx): Promise<PlanPreview> => {
        const read = await readGrids(ctx, readOptions());
        const built = plan(kind, read);
        const prepared = preparePlan(built.plan, read.grids, { confirmOverwrite: true, protectedSheets: protectedOf(read) });
        const problem = prepared.problem ?? built.problem;
        return { plan: prepared.plan, overwrites: prepared.overwrites, ...(problem ? { problem: { code: problem.code, message: problem.message } } : {}) };
      }),
    apply: (kind, _options, confirmOverwrite) =>
      writingRun(async (ctx): Promise<ApplyResult> => {
        const read = await readGrids(ctx, readOptions(kind === "highlight"));
        const built = plan(kind, read);
        const prepared = preparePlan(built.plan, read.grids, { confirmOverwrite, protectedSheets: protectedOf(read) });
        if (prepared.problem) return { ok: false, written: 0, skipped: [], error: { code: prepared.problem.code, message: prepared.problem.message } };
        if (prepared.plan.ops.length === 0) return { ok: true, written: 0, skipped: prepared.skipped };
        const outcome =
          kind === "highlight"
            ? await applyHighlights(ctx, prepared.plan, read, env.budget ? { budget: env.budget } : {})
            : await applyPlan(ctx, prepared.plan, { lang, grids: read.grids, ...(env.budget ? { budget: env.budget } : {}) });
        return { ok: true, written: outcome.written, skipped: prepared.skipped };
      }),
    clearHighlights: () =>
      writingRun(async (ctx): Promise<ApplyResult> => {
        const outcome = await clearHighlights(ctx, env.budget ? { budget: env.budget } : {});
        return { ok: true, written: outcome.written, skipped: [] };
      }),
    onChange(callback) {
      let handle: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      let stopped = false;
      const stop = () => {
        const h = handle;
        handle = null;
        if (!h) return;
        h.remove();
        void h.context.sync().catch(() => undefined);
      };
      void withExcel(env.run, async (ctx) => {
        handle = ctx.workbook.worksheets.onChanged.add(async (event) => {
          // The add-in's own writes: told apart by triggerSource (ExcelApi 1.14), else by timing.
          if (writing > 0) return;
          if (env.features.triggerSource ? event.triggerSource === "ThisLocalAddin" : Date.now() < quietUntil) return;
          callback();
        });
        await ctx.sync();
      })
        .then(() => {
          if (stopped) stop();
        })
        .catch(() => undefined);
      return () => {
        stopped = true;
        stop();
      };
    },
  };
}
