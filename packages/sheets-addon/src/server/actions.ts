import type { Lang, PlanKind, SheetGrid, WorkbookReport } from "@pmark/core";
import { buildPlan, checkWorkbook, preparePlan } from "@pmark/core";
import type { ApplyResult, BridgeProblem, CheckRequest } from "@pmark/ui";
import type { CheckNotice, PlanOptions, SheetsCheckResponse, SheetsPlanPreview } from "../contract";
import type { GasServices, SheetPort } from "../gas/ports";
import { both, langOf, text } from "../messages";
import { parseRange } from "./a1";
import { todayIn } from "./dates";
import { clearHighlights } from "./highlights";
import { protectedSheetsFor } from "./protect";
import { DEFAULT_LIMITS, readWorkbook, type MergeScope, type ReadLimits } from "./read";
import { applyWritePlan, SheetMissingError, type ApplyOutcome } from "./write";

/**
 * What the menu items and the sidebar's server calls do, against the services passed in (the
 * real ones in Apps Script, fakes in tests). Each call reads what it needs afresh: Apps Script
 * keeps nothing between calls, and the user may have edited the sheet since the last one.
 */

export type Limits = Omit<ReadLimits, "startedAt" | "now">;

export interface Runtime {
  services: GasServices;
  now: () => number;
  limits: Limits;
}

export function runtime(services: GasServices): Runtime {
  return { services, now: () => Date.now(), limits: DEFAULT_LIMITS };
}

/** The user's language; in a context without a session (or one refused) English. */
export function userLang(services: GasServices): Lang {
  try {
    return langOf(services.Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

interface CheckedWorkbook {
  grids: SheetGrid[];
  /** The Sheet objects of `grids`, by name. */
  sheets: Map<string, SheetPort>;
  report: WorkbookReport;
  notice?: CheckNotice;
}

function noticeOf(checked: string[], skipped: { name: string; reason: "size" | "time" }[], totalCells: number): CheckNotice | undefined {
  if (skipped.length === 0) return undefined;
  const key = skipped.some((s) => s.reason === "time") ? "partialTime" : "partialSize";
  const list = (names: string[], l: Lang) => (names.length > 0 ? names.map((n) => `「${n}」`).join(l === "ja" ? "、" : ", ") : text(l, "none"));
  const skippedNames = skipped.map((s) => s.name);
  const data = (l: Lang) => ({ cells: totalCells.toLocaleString("en-US"), checked: list(checked, l), skipped: list(skippedNames, l) });
  return {
    code: key === "partialTime" ? "partial-time" : "partial-size",
    message: { ja: text("ja", key, data("ja")), en: text("en", key, data("en")) },
    checked,
    skipped: skippedNames,
  };
}

/** Reads the open spreadsheet (within the time budget) and checks it with core. */
export function checkOpen(rt: Runtime, request: CheckRequest | null | undefined, mergeScope: MergeScope = "header"): CheckedWorkbook {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const outcome = readWorkbook(ss, { ...rt.limits, startedAt: rt.now(), now: rt.now }, mergeScope);
  const today = request?.today || todayIn(outcome.timeZone);
  const report = checkWorkbook(outcome.grids, { today });
  const sheets = new Map(outcome.grids.map((g, i) => [g.name, outcome.sheets[i] as SheetPort]));
  const notice = noticeOf(
    outcome.grids.map((g) => g.name),
    outcome.skipped,
    outcome.totalCells,
  );
  return { grids: outcome.grids, sheets, report, ...(notice ? { notice } : {}) };
}

export function check(rt: Runtime, request: CheckRequest | null | undefined): SheetsCheckResponse {
  const { report, notice } = checkOpen(rt, request);
  return notice ? { ...report, notice } : report;
}

export function select(rt: Runtime, sheetName: string, cell: string): void {
  const lang = userLang(rt.services);
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(text(lang, "sheetMissing", { sheet: sheetName }));
  if (!parseRange(cell)) throw new Error(text(lang, "invalidCell", { cell }));
  // Activating a range also brings its sheet to the front.
  sheet.getRange(cell).activate();
}

const EMPTY_REPORT: WorkbookReport = {
  sheets: [],
  findings: [],
  summary: { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
};

/** Inserting template sheets only adds sheets: the names of the existing ones are all it needs. */
function namesOnly(rt: Runtime): CheckedWorkbook {
  const sheets = new Map<string, SheetPort>();
  for (const s of rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheets()) sheets.set(s.getName(), s);
  return { grids: [...sheets.keys()].map((name) => ({ name, values: [] })), sheets, report: EMPTY_REPORT };
}

interface Prepared {
  lang: Lang;
  checked: CheckedWorkbook;
  prepared: ReturnType<typeof preparePlan>;
  problem?: BridgeProblem;
}

function prepare(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined, confirmOverwrite: boolean): Prepared {
  const lang = userLang(rt.services);
  const today = typeof options?.today === "string" ? { today: options.today } : null;
  // Formulas write into the user's sheets: every merged area must be known, or a write into
  // part of one would fail half-way. The other plans write to new sheets or only paint.
  const checked = kind === "template" ? namesOnly(rt) : checkOpen(rt, today, kind === "formulas" ? "all" : "header");
  const built = buildPlan(kind, checked.grids, checked.report, { lang });
  const protectedSheets = protectedSheetsFor(rt.services, built.plan, checked.sheets);
  const prepared = preparePlan(built.plan, checked.grids, { confirmOverwrite, protectedSheets });
  const issue = prepared.problem ?? built.problem;
  return { lang, checked, prepared, ...(issue ? { problem: { code: issue.code, message: issue.message } } : {}) };
}

/** The plan as it would be written (added sheets under their free names) and what it would overwrite. */
export function preview(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined): SheetsPlanPreview {
  const { checked, prepared, problem } = prepare(rt, kind, options, true);
  return {
    plan: prepared.plan,
    overwrites: prepared.overwrites,
    ...(problem ? { problem } : {}),
    ...(checked.notice ? { notice: checked.notice } : {}),
  };
}

export interface ApplyDetail {
  /** With the check's notice when it could not read the whole workbook. */
  result: ApplyResult & { notice?: CheckNotice };
  outcome: ApplyOutcome | null;
  report: WorkbookReport | null;
  lang: Lang;
}

function failure(code: string, message: { ja: string; en: string }, written = 0): ApplyResult {
  return { ok: false, written, skipped: [], error: { code, message } };
}

export function applyDetailed(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined, confirmOverwrite: boolean): ApplyDetail {
  const { lang, checked, prepared } = prepare(rt, kind, options, confirmOverwrite);
  const report = kind === "template" ? null : checked.report;
  const withNotice = (result: ApplyResult): ApplyDetail["result"] => (checked.notice ? { ...result, notice: checked.notice } : result);
  if (prepared.problem) {
    return { result: withNotice(failure(prepared.problem.code, prepared.problem.message)), outcome: null, report, lang };
  }
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const props = rt.services.PropertiesService.getDocumentProperties();
  try {
    // A new set of highlights replaces the old one, even when nothing is left to colour.
    if (kind === "highlight" && props && !prepared.plan.ops.some((op) => op.op === "highlight")) clearHighlights(ss, props);
    const outcome = applyWritePlan(rt.services, ss, props, prepared.plan, { lang });
    if (outcome.highlightRefused !== undefined) {
      const failed = failure("too-many-highlights", both("tooManyHighlights", { cells: outcome.highlightRefused }), outcome.written);
      return { result: withNotice(failed), outcome, report, lang };
    }
    return { result: withNotice({ ok: true, written: outcome.written, skipped: prepared.skipped }), outcome, report, lang };
  } catch (e) {
    if (e instanceof SheetMissingError) return { result: withNotice(failure("sheet-missing", both("sheetMissing", { sheet: e.sheet }))), outcome: null, report, lang };
    const reason = e instanceof Error ? e.message : String(e);
    const sheet = prepared.plan.ops[0]?.sheet ?? "";
    return { result: withNotice(failure("write-failed", both("writeFailed", { sheet, reason }))), outcome: null, report, lang };
  }
}

export function apply(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined, confirmOverwrite: boolean): ApplyResult {
  return applyDetailed(rt, kind, options, confirmOverwrite).result;
}

export function clear(rt: Runtime): ApplyResult {
  const props = rt.services.PropertiesService.getDocumentProperties();
  if (!props) return { ok: true, written: 0, skipped: [] };
  const restored = clearHighlights(rt.services.SpreadsheetApp.getActiveSpreadsheet(), props);
  return { ok: true, written: restored, skipped: [] };
}
