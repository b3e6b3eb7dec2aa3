import {
  buildPlan,
  optionsToday,
  planOptionsFor,
  preparePlan,
  readWorkbookState,
  stateAfterApply,
  validationTargets,
  type Lang,
  type PlanKind,
  type WorkbookState,
} from "@pmark/core";
import { applyProblem, checkRead, isDarkColour, settingsOf, type ApplyResult, type CheckNotice, type CheckResult, type HostBridge, type HostTheme, type PlanOptions, type PlanPreview } from "@pmark/ui";
import { applyHighlights, applyPlan, clearHighlights, readGrids, readValidations, selectCell, type Features, type WorkbookRead } from "./adapter";
import { withExcel } from "./errors";

/**
 * The shared UI's host bridge inside Excel: every call is one `Excel.run` (through withExcel)
 * that reads the workbook with the batched adapter, runs core, and writes a checked plan.
 * Plans are rebuilt from a fresh read when applied, so what is written matches the workbook as
 * it is then, not as it was at preview time. What the add-in remembers (profile, acceptances,
 * what it added) is kept in the document's settings, so it travels with the file.
 */

/** Where the workbook's state is kept: Office's document settings in Excel, an object in tests. */
export interface StateStore {
  load(): string | null;
  save(text: string): Promise<void>;
}

export interface ExcelEnv {
  run: <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  language: Lang;
  features: Features;
  store: StateStore;
  /** Office's theme, when the host tells one. */
  theme?: HostTheme | null;
  /** Bytes per round trip (default: the adapter's 4 MB). */
  budget?: number;
  /** Check date YYYY-MM-DD when the request has none (default: today). */
  today?: string;
}

export interface ExcelBridge extends HostBridge {
  readonly host: "excel";
}

/** Normalises an Office display language ("ja-JP", "en-US") to the UI's two languages. */
export function languageOf(tag: string | undefined | null): Lang {
  return typeof tag === "string" && /^ja\b/i.test(tag) ? "ja" : "en";
}

const SETTING = "pmark.state";

/** The document's settings as the state store: saved with the workbook, invisible in its sheets. */
export function officeStore(): StateStore {
  const settings = Office.context.document.settings;
  return {
    load: () => {
      const v: unknown = settings.get(SETTING);
      return typeof v === "string" ? v : null;
    },
    save: (text) =>
      new Promise<void>((resolve, reject) => {
        settings.set(SETTING, text);
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? "settings not saved"))));
      }),
  };
}

/** Office's body colours as a light or dark theme; null when Office does not tell (older hosts). */
export function officeTheme(): HostTheme | null {
  try {
    const theme = Office.context.officeTheme;
    const dark = isDarkColour(theme?.bodyBackgroundColor);
    if (dark === null) return null;
    return { dark, background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor };
  } catch {
    return null;
  }
}

/** The environment inside Office: Excel.run, the display language, optional requirement sets, settings, theme. */
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
    store: officeStore(),
    theme: officeTheme(),
  };
}

/** Changes the add-in made itself show up as events for a moment after its writes. */
const OWN_WRITE_QUIET_MS = 1500;

function skippedNotice(read: WorkbookRead): CheckNotice | undefined {
  if (read.skipped.length === 0) return undefined;
  const checked = read.grids.map((g) => g.name);
  const skipped = read.skipped.map((s) => s.name);
  const list = (names: string[], sep: string, none: string) => (names.length > 0 ? names.map((n) => `「${n}」`).join(sep) : none);
  const cells = read.skipped.map((s) => s.cells.toLocaleString("en-US")).join(", ");
  return {
    code: "partial-size",
    checked,
    skipped,
    message: {
      ja: `シート${list(skipped, "", "")}はデータが大きすぎるため(${cells} セル)、Excel からは読み込んでいません。チェック済み: ${list(checked, "、", "(なし)")}。読み込めなかったシートとの照合が必要な指摘は表示していません。ブック全体は pmark コマンドでチェックしてください。`,
      en: `The sheet${skipped.length > 1 ? "s" : ""} ${list(skipped, ", ", "")} ${skipped.length > 1 ? "hold" : "holds"} too much data (${cells} cells) to read through Excel and ${skipped.length > 1 ? "were" : "was"} not checked. Checked: ${list(checked, ", ", "(none)")}. Findings that compare with the unread sheets are not shown; check the whole workbook with the pmark command line.`,
    },
  };
}

export function createExcelBridge(env: ExcelEnv): ExcelBridge {
  const lang = env.language;
  let writing = 0;
  let quietUntil = 0;
  const state = (): WorkbookState => readWorkbookState(env.store.load());
  const protectedOf = (read: WorkbookRead) => [...read.sheets.filter((s) => s.protected).map((s) => s.name), ...(read.structureProtected ? ["*"] : [])];
  const check = (read: WorkbookRead, today: string | undefined, remembered: WorkbookState): CheckResult => {
    return checkRead(read.grids, remembered, today ?? env.today, skippedNotice(read));
  };
  const readOptions = (withHighlights = false) => ({ features: env.features, withHighlights, ...(env.budget ? { budget: env.budget } : {}) });
  const prepare = async (ctx: Excel.RequestContext, kind: PlanKind, options: PlanOptions | undefined, confirmOverwrite: boolean) => {
    const read = await readGrids(ctx, readOptions(kind === "highlight"));
    const remembered = state();
    const report = check(read, optionsToday(options), remembered);
    const unread = report.notice?.skipped ?? [];
    const built = buildPlan(kind, read.grids, report, { ...planOptionsFor(kind, options, remembered, lang), ...(unread.length > 0 ? { unread } : {}) });
    const targets = validationTargets(built.plan, read.grids.map((g) => g.name));
    const validations = targets.length > 0 ? await readValidations(ctx, targets) : [];
    const prepared = preparePlan(built.plan, read.grids, { confirmOverwrite, protectedSheets: protectedOf(read), validations });
    return { read, report, built, prepared, remembered };
  };
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
    theme: () => env.theme ?? null,
    check: (request, control) =>
      withExcel(env.run, async (ctx) => {
        const read = await readGrids(ctx, { ...readOptions(), ...(control?.signal ? { signal: control.signal } : {}), ...(control?.onProgress ? { onProgress: control.onProgress } : {}) });
        return check(read, request.today, state());
      }),
    select: (sheet, cell) => withExcel(env.run, (ctx) => selectCell(ctx, sheet, cell)),
    preview: (kind, options) =>
      withExcel(env.run, async (ctx): Promise<PlanPreview> => {
        const { built, prepared, report } = await prepare(ctx, kind, options, true);
        const problem = prepared.problem ?? built.problem;
        return {
          plan: prepared.plan,
          overwrites: prepared.overwrites,
          ...(problem ? { problem: { code: problem.code, message: problem.message } } : {}),
          ...(report.notice ? { notice: report.notice } : {}),
        };
      }),
    apply: (kind, options, confirmOverwrite) =>
      writingRun(async (ctx): Promise<ApplyResult> => {
        const { read, built, prepared, remembered, report } = await prepare(ctx, kind, options, confirmOverwrite);
        const notice = report.notice ? { notice: report.notice } : {};
        const problem = applyProblem(built, prepared);
        if (problem) return { ok: false, written: 0, skipped: [], error: { code: problem.code, message: problem.message }, ...notice };
        let written = 0;
        if (prepared.plan.ops.length > 0) {
          const outcome =
            kind === "highlight"
              ? await applyHighlights(ctx, prepared.plan, read, env.budget ? { budget: env.budget } : {})
              : await applyPlan(ctx, prepared.plan, { lang, grids: read.grids, ...(env.budget ? { budget: env.budget } : {}) });
          written = outcome.written;
        }
        const next = stateAfterApply(remembered, kind, options, built, prepared.plan);
        if (next) await env.store.save(JSON.stringify(next));
        return { ok: true, written, skipped: prepared.skipped, ...notice };
      }),
    clearHighlights: () =>
      writingRun(async (ctx): Promise<ApplyResult> => {
        const outcome = await clearHighlights(ctx, env.budget ? { budget: env.budget } : {});
        return { ok: true, written: outcome.written, skipped: [] };
      }),
    async settings() {
      return settingsOf(state());
    },
    async saveSettings(settings) {
      const { additions } = state();
      await env.store.save(JSON.stringify({ ...settings, ...(additions ? { additions } : {}) }));
    },
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
