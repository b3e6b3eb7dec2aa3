/**
 * The Apps Script entry: every export here becomes a top-level function of `Code.js` (the build
 * adds a stub per export), and nothing else does. Menu items and google.script.run can only
 * call such globals. Logic lives in the modules these delegate to; nothing here runs at load.
 */
import type { WorkbookSettings } from "@pmark/core";
import type { ApplyResult, CheckRequest, PlanKind } from "@pmark/ui";
import type { PlanOptions, ReadCursor, SheetsCheckResponse, SheetsPlanPreview, SheetsReadPart, SidebarContext } from "./contract";
import { gas } from "./gas/ports";
import { text } from "./messages";
import * as actions from "./server/actions";

export { PMARK_RISK_LEVEL, PMARK_RISK_SCORE } from "./custom-functions";

/** Apps Script passes the event of a simple or installable trigger. */
interface OpenEvent {
  authMode?: unknown;
}

const TOAST_SECONDS = 8;

/**
 * Builds the add-on menu in the user's language. Runs in every authorisation mode, NONE
 * included (an add-on not yet used in this file): it only builds the menu, reads nothing.
 */
export function onOpen(_e?: OpenEvent): void {
  const services = gas();
  const lang = actions.userLang(services);
  services.SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text(lang, "menuOpen"), "showSidebar")
    .addSeparator()
    .addItem(text(lang, "menuCheckAndHighlight"), "menuCheckAndHighlight")
    .addItem(text(lang, "menuClearHighlights"), "menuClearHighlights")
    .addItem(text(lang, "menuWriteReport"), "menuWriteReport")
    .addSeparator()
    .addItem(text(lang, "menuInsertTemplate"), "menuInsertTemplate")
    .addToUi();
}

/** Runs when the add-on is installed from the Marketplace: the menu is wanted at once. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/** Opens the sidebar (the shared UI, inlined into Sidebar.html). */
export function showSidebar(): void {
  const services = gas();
  const lang = actions.userLang(services);
  // From a file, not a template: the inlined bundle may contain "<?", which templates would parse.
  const html = services.HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(text(lang, "sidebarTitle"));
  services.SpreadsheetApp.getUi().showSidebar(html);
}

function toast(message: string, lang: ReturnType<typeof actions.userLang>): void {
  gas().SpreadsheetApp.getActiveSpreadsheet().toast(message, text(lang, "toastTitle"), TOAST_SECONDS);
}

/** Menu: check the workbook and colour the cells of the findings. */
export function menuCheckAndHighlight(): void {
  const d = actions.applyDetailed(actions.runtime(gas()), "highlight", null, false);
  if (!d.result.ok) return toast(d.result.error?.message[d.lang] ?? "", d.lang);
  const s = d.report?.summary;
  const notice = d.result.notice;
  const summary = text(d.lang, "checked", { errors: s?.errors ?? 0, warnings: s?.warnings ?? 0, infos: s?.infos ?? 0, cells: d.outcome?.highlighted ?? 0 });
  toast(notice ? `${summary} ${notice.message[d.lang]}` : summary, d.lang);
}

/** Menu: remove the add-on's colours, restoring the cells' own fills. */
export function menuClearHighlights(): void {
  const services = gas();
  const result = actions.clear(actions.runtime(services));
  toast(text(actions.userLang(services), "cleared", { cells: result.written }), actions.userLang(services));
}

/** Menu: write the findings to a new sheet. */
export function menuWriteReport(): void {
  const d = actions.applyDetailed(actions.runtime(gas()), "report", null, false);
  if (!d.result.ok) return toast(d.result.error?.message[d.lang] ?? "", d.lang);
  toast(text(d.lang, "reportWritten", { sheet: d.outcome?.addedSheets[0] ?? "" }), d.lang);
}

/** Menu: add the standard template's sheets (existing sheets are never touched). */
export function menuInsertTemplate(): void {
  const d = actions.applyDetailed(actions.runtime(gas()), "template", null, false);
  if (!d.result.ok && d.result.error?.code !== "nothing-to-do") return toast(d.result.error?.message[d.lang] ?? "", d.lang);
  const added = d.outcome?.addedSheets ?? [];
  toast(added.length > 0 ? text(d.lang, "templateInserted", { sheets: added.join(", ") }) : (d.result.error?.message[d.lang] ?? text(d.lang, "templateComplete")), d.lang);
}

/** google.script.run: what the sidebar needs before it draws (host and language). */
export function pmarkSidebarContext(): SidebarContext {
  return { host: "sheets", lang: actions.userLang(gas()) };
}

/** google.script.run: read every sheet once and check the workbook with core. */
export function pmarkCheck(request: CheckRequest | null): SheetsCheckResponse {
  return actions.check(actions.runtime(gas()), request);
}

/** google.script.run: the next share of a read over several calls ("check the remaining sheets"). */
export function pmarkReadPart(cursor: ReadCursor | null): SheetsReadPart {
  return actions.readRest(actions.runtime(gas()), cursor);
}

/** google.script.run: the profile and acceptances remembered with the spreadsheet. */
export function pmarkSettings(): WorkbookSettings {
  return actions.settings(actions.runtime(gas()));
}

/** google.script.run: remember them with the spreadsheet. */
export function pmarkSaveSettings(settings: WorkbookSettings | null): void {
  actions.saveSettings(actions.runtime(gas()), settings);
}

/** google.script.run: show the cell a finding points at. */
export function pmarkSelect(sheet: string, cell: string): void {
  actions.select(actions.runtime(gas()), sheet, cell);
}

/** google.script.run: the plan an action would apply, and the user's cells it would overwrite. */
export function pmarkPreview(kind: PlanKind, options: PlanOptions | null): SheetsPlanPreview {
  return actions.preview(actions.runtime(gas()), kind, options);
}

/** google.script.run: apply an action's plan; overwrites of non-empty cells only when confirmed. */
export function pmarkApply(kind: PlanKind, options: PlanOptions | null, confirmOverwrite: boolean): ApplyResult {
  return actions.apply(actions.runtime(gas()), kind, options, confirmOverwrite === true);
}

/** google.script.run: remove the add-on's highlights, restoring the user's own fills. */
export function pmarkClearHighlights(): ApplyResult {
  return actions.clear(actions.runtime(gas()));
}
