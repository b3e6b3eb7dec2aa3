import type { ExistingValidation, Lang, PlanKind, SheetGrid, WorkbookSettings, WorkbookState } from "@pmark/core";
import { buildPlan, optionsToday, planOptionsFor, preparePlan, readWorkbookState, stateAfterApply, validationTargets } from "@pmark/core";
import type { ApplyResult, BridgeProblem, CheckNotice, CheckRequest, CheckResult } from "@pmark/ui";
// The bridge contract alone: the UI's index brings the pane's DOM code and CSS, which have no place in Apps Script.
import { applyProblem, checkRead, settingsOf } from "@pmark/ui/bridge";
import type { PlanOptions, SheetsCheckResponse, SheetsPlanPreview, SheetsReadPart } from "../contract";
import type { GasServices, SheetPort } from "../gas/ports";
import { both, langOf, text } from "../messages";
import { parseRange } from "./a1";
import { todayIn } from "./dates";
import { clearHighlights } from "./highlights";
import { protectedSheetsFor } from "./protect";
import { DEFAULT_LIMITS, PART_CELLS, readPart, readWorkbook, type MergeScope, type ReadCursor, type ReadLimits } from "./read";
import { loadState, saveState } from "./state";
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

function stateOf(rt: Runtime): WorkbookState {
  return loadState(rt.services.PropertiesService.getDocumentProperties());
}

interface CheckedWorkbook {
  grids: SheetGrid[];
  /** The Sheet objects of `grids`, by name. */
  sheets: Map<string, SheetPort>;
  report: CheckResult;
  state: WorkbookState;
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
    // The sidebar reads the rest over further calls, each with its own time limit.
    continuable: true,
  };
}

/**
 * Reads the open spreadsheet (within the time budget) and checks it with core, with the
 * spreadsheet's remembered profile. A read cut short keeps only the findings that the unread
 * sheets could never take back (core's partialReport), with a notice saying what was left out.
 */
export function checkOpen(rt: Runtime, request: CheckRequest | null | undefined, mergeScope: MergeScope = "header"): CheckedWorkbook {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const outcome = readWorkbook(ss, { ...rt.limits, startedAt: rt.now(), now: rt.now }, mergeScope);
  const today = request?.today || todayIn(outcome.timeZone);
  const state = stateOf(rt);
  const sheets = new Map(outcome.grids.map((g, i) => [g.name, outcome.sheets[i] as SheetPort]));
  const notice = noticeOf(
    outcome.grids.map((g) => g.name),
    outcome.skipped,
    outcome.totalCells,
  );
  const report = checkRead(outcome.grids, state, today, notice);
  return { grids: outcome.grids, sheets, report, state };
}

export function check(rt: Runtime, request: CheckRequest | null | undefined): SheetsCheckResponse {
  return checkOpen(rt, request).report;
}

/** One call's share of a read over several calls (see `readPart`), with today and the settings the sidebar checks with. */
export function readRest(rt: Runtime, cursor: ReadCursor | null): SheetsReadPart {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const part = readPart(ss, cursor ?? { sheet: 0, row: 1 }, { ...rt.limits, maxCells: Math.min(rt.limits.maxCells, PART_CELLS), startedAt: rt.now(), now: rt.now });
  return { ...part, today: todayIn(part.timeZone), settings: settingsOf(stateOf(rt)) };
}

export function select(rt: Runtime, sheetName: string, cell: string): void {
  const lang = userLang(rt.services);
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(text(lang, "sheetMissing", { sheet: sheetName }));
  if (!parseRange(cell)) throw new Error(text(lang, "invalidCell", { cell }));
  // Activating a range also brings its sheet to the front.
  sheet.getRange(cell).activate();
}

/**
 * The dropdowns already on the ranges a plan sets them on: one getDataValidations per range
 * (calls grow with the plan's dropdown columns, never with rows). A list rule's choices, null
 * for another rule; ranges without any rule are left out.
 */
function existingValidations(rt: Runtime, sheets: ReadonlyMap<string, SheetPort>, targets: readonly { sheet: string; range: string }[]): ExistingValidation[] {
  const inList = rt.services.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST;
  const out: ExistingValidation[] = [];
  const sizes = new Map<SheetPort, { rows: number; cols: number }>();
  for (const t of targets) {
    const sheet = sheets.get(t.sheet);
    const want = parseRange(t.range);
    if (!sheet || !want) continue;
    // Rows a dropdown reaches beyond the sheet's grid do not exist yet: nothing to ask about there.
    let size = sizes.get(sheet);
    if (!size) sizes.set(sheet, (size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() }));
    const rows = Math.min(want.rows, size.rows - want.row + 1);
    const cols = Math.min(want.cols, size.cols - want.col + 1);
    if (rows < 1 || cols < 1) continue;
    const seen = new Map<string, string[] | null>();
    for (const row of sheet.getRange(want.row, want.col, rows, cols).getDataValidations()) {
      for (const rule of row) {
        if (!rule) continue;
        const values = rule.getCriteriaType() === inList ? (rule.getCriteriaValues()[0] as unknown) : null;
        const list = Array.isArray(values) ? values.map((v) => String(v)) : null;
        seen.set(list ? list.join("\u0000") : "\u0001", list);
      }
    }
    if (seen.size === 0) continue;
    // Cells with different rules count as a rule the plan would replace.
    out.push({ sheet: t.sheet, range: t.range, list: seen.size === 1 ? ([...seen.values()][0] ?? null) : null });
  }
  return out;
}

interface Prepared {
  lang: Lang;
  checked: CheckedWorkbook;
  built: ReturnType<typeof buildPlan>;
  prepared: ReturnType<typeof preparePlan>;
  problem?: BridgeProblem;
}

function prepare(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined, confirmOverwrite: boolean): Prepared {
  const lang = userLang(rt.services);
  const today = optionsToday(options);
  // Formulas and drafts write into the user's sheets: every merged area must be known, or a
  // write into part of one would fail half-way. The other plans write to new sheets or only paint.
  const checked = checkOpen(rt, today ? { today } : null, kind === "formulas" || kind === "draft" ? "all" : "header");
  const unread = checked.report.notice?.skipped ?? [];
  const built = buildPlan(kind, checked.grids, checked.report, { ...planOptionsFor(kind, options, checked.state, lang), ...(unread.length > 0 ? { unread } : {}) });
  const protectedSheets = protectedSheetsFor(rt.services, built.plan, checked.sheets);
  const targets = validationTargets(built.plan, checked.grids.map((g) => g.name));
  const validations = targets.length > 0 ? existingValidations(rt, checked.sheets, targets) : [];
  const prepared = preparePlan(built.plan, checked.grids, { confirmOverwrite, protectedSheets, validations });
  const issue = prepared.problem ?? built.problem;
  return { lang, checked, built, prepared, ...(issue ? { problem: { code: issue.code, message: issue.message } } : {}) };
}

/** The plan as it would be written (added sheets under their free names) and what it would overwrite. */
export function preview(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined): SheetsPlanPreview {
  const { checked, prepared, problem } = prepare(rt, kind, options, true);
  return {
    plan: prepared.plan,
    overwrites: prepared.overwrites,
    ...(problem ? { problem } : {}),
    ...(checked.report.notice ? { notice: checked.report.notice } : {}),
  };
}

export interface ApplyDetail {
  /** With the check's notice when it could not read the whole workbook. */
  result: ApplyResult;
  outcome: ApplyOutcome | null;
  report: CheckResult | null;
  lang: Lang;
}

function failure(code: string, message: { ja: string; en: string }, written = 0): ApplyResult {
  return { ok: false, written, skipped: [], error: { code, message } };
}

export function applyDetailed(rt: Runtime, kind: PlanKind, options: PlanOptions | null | undefined, confirmOverwrite: boolean): ApplyDetail {
  const { lang, checked, built, prepared } = prepare(rt, kind, options, confirmOverwrite);
  const report = kind === "template" ? null : checked.report;
  const withNotice = (result: ApplyResult): ApplyResult => (checked.report.notice ? { ...result, notice: checked.report.notice } : result);
  // An empty plan with a reason (nothing to accept or remove) says why; others write what they can.
  const problem = applyProblem(built, prepared);
  if (problem) return { result: withNotice(failure(problem.code, problem.message)), outcome: null, report, lang };
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
    const next = stateAfterApply(checked.state, kind, options, built, prepared.plan);
    if (next) saveState(props, next);
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

export function settings(rt: Runtime): WorkbookSettings {
  return settingsOf(stateOf(rt));
}

export function saveSettings(rt: Runtime, next: WorkbookSettings | null): void {
  const { additions } = stateOf(rt);
  // What the sidebar sends is read back like stored state: anything malformed is dropped.
  saveState(rt.services.PropertiesService.getDocumentProperties(), readWorkbookState({ ...(next ?? {}), ...(additions ? { additions } : {}) }));
}
