import { a1, cellsWritten, type Finding, type Lang, type PlanKind, type Severity, type WorkbookReport, type WriteOp } from "@pmark/core";
import type { ApplyResult, HostBridge, PlanPreview } from "./bridge";
import { el, replaceChildren } from "./dom";
import { heatMapView } from "./heatmap";
import { translator, type MessageKey, type Translate } from "./messages";
import { injectStyles } from "./styles";

/**
 * The task pane / sidebar: Check (findings by sheet and severity, filters, click to select),
 * the risk heat map, and the write actions with a preview of what each writes. One UI for every
 * host; all host calls go through the bridge, all text is set as text.
 */

export interface MountOptions {
  /** Debounce of re-check on change, in ms (default 500). */
  debounceMs?: number;
  /** Findings drawn at first (more on request), to keep huge reports responsive (default 200). */
  pageSize?: number;
  /** Run a check as soon as the UI is up (default false). */
  checkOnStart?: boolean;
}

export interface MountedApp {
  check(): Promise<void>;
  destroy(): void;
}

type Tab = "findings" | "heat" | "actions";

const SEVERITY_KEYS: Record<Severity, MessageKey> = { error: "severityError", warning: "severityWarning", info: "severityInfo" };
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** What a thrown value says to the user: a bridge's bilingual text, else its message. */
export function errorText(error: unknown, lang: Lang, t: Translate): string {
  const e = error as { text?: { ja?: unknown; en?: unknown }; message?: unknown } | null;
  const own = e?.text?.[lang];
  if (typeof own === "string" && own !== "") return own;
  const message = typeof e?.message === "string" ? e.message : String(error);
  return t("errorGeneric", { message });
}

function describeOp(op: WriteOp, t: Translate): string {
  switch (op.op) {
    case "addSheet":
      return t("opAddSheet", { sheet: op.sheet });
    case "values":
    case "formulas": {
      const block = op.op === "values" ? op.values : op.formulas;
      const count = block.reduce((n, row) => n + row.filter((v) => v !== null && v !== undefined).length, 0);
      const width = block.reduce((w, row) => Math.max(w, row.length), 0);
      const range = rangeText(op.row, op.col, block.length, width);
      return t(op.op === "values" ? "opValues" : "opFormulas", { sheet: op.sheet, range, count });
    }
    case "validation": {
      const list = op.list.length > 4 ? `${op.list.slice(0, 4).join(", ")}, …` : op.list.join(", ");
      return t("opValidation", { sheet: op.sheet, range: op.range, list });
    }
    case "conditionalFormat":
      return t("opConditional", { sheet: op.sheet, range: op.range });
    case "highlight":
      return t("opHighlight", { sheet: op.sheet, count: op.cells.length });
    case "format":
      return t("opFormat", { sheet: op.sheet, range: op.range });
    case "columnWidths":
      return t("opWidths", { sheet: op.sheet });
    case "freeze":
      return t("opFreeze", { sheet: op.sheet, rows: op.rows });
  }
}

function rangeText(row: number, col: number, rows: number, cols: number): string {
  return rows <= 1 && cols <= 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + Math.max(1, rows) - 1, col + Math.max(1, cols) - 1)}`;
}

export function mountApp(host: HTMLElement, bridge: HostBridge, options: MountOptions = {}): MountedApp {
  const doc = host.ownerDocument;
  injectStyles(doc);
  const lang = bridge.language();
  const t = translator(lang);
  const pageSize = options.pageSize ?? 200;
  const debounceMs = options.debounceMs ?? 500;

  let report: WorkbookReport | null = null;
  let severityFilter: Severity | "all" = "all";
  let ruleFilter = "all";
  let limit = pageSize;
  let busy = false;
  let unsubscribe: (() => void) | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let pending: { kind: PlanKind; preview: PlanPreview } | null = null;

  // ---- skeleton ----
  const status = el(doc, "div", { class: "pm-status", role: "status", "aria-live": "polite" });
  const errorMessage = el(doc, "p", { class: "pm-error-text" });
  const dismiss = el(doc, "button", { type: "button", class: "pm-link" }, t("dismiss"));
  const errorBox = el(doc, "div", { class: "pm-error", role: "alert", hidden: true }, el(doc, "strong", undefined, t("errorTitle")), errorMessage, dismiss);

  const checkButton = el(doc, "button", { type: "button", class: "pm-primary", id: "pm-check" }, t("check"));
  const recheck = el(doc, "input", { type: "checkbox", id: "pm-recheck" });
  const recheckLabel = el(doc, "label", { class: "pm-check-label", for: "pm-recheck" }, recheck, " ", t("recheckOnChange"));
  if (!bridge.onChange) recheckLabel.hidden = true;

  const summary = el(doc, "div", { class: "pm-summary" });
  const notices = el(doc, "div", { class: "pm-notices" });
  const severitySelect = el(doc, "select", { id: "pm-filter-severity" });
  const ruleSelect = el(doc, "select", { id: "pm-filter-rule" });
  const filters = el(
    doc,
    "div",
    { class: "pm-filters", hidden: true },
    el(doc, "label", undefined, t("filterSeverity"), " ", severitySelect),
    el(doc, "label", undefined, t("filterRule"), " ", ruleSelect),
  );
  const list = el(doc, "div", { class: "pm-list", id: "pm-findings" }, el(doc, "p", { class: "pm-muted" }, t("notCheckedYet")));

  const heatPanel = el(doc, "div", { class: "pm-heat-panel" });
  const previewBox = el(doc, "div", { class: "pm-preview", id: "pm-preview", hidden: true });

  const actionButton = (id: string, label: MessageKey, help: MessageKey | null) => {
    const button = el(doc, "button", { type: "button", id, class: "pm-action" }, t(label));
    return { button, row: el(doc, "div", { class: "pm-action-row" }, button, help ? el(doc, "p", { class: "pm-help" }, t(help)) : null) };
  };
  const actTemplate = actionButton("pm-act-template", "actionTemplate", "actionTemplateHelp");
  const actFormulas = actionButton("pm-act-formulas", "actionFormulas", "actionFormulasHelp");
  const actHighlight = actionButton("pm-act-highlight", "actionHighlight", "actionHighlightHelp");
  const actClear = actionButton("pm-act-clear", "actionClear", null);
  const actReport = actionButton("pm-act-report", "actionReport", "actionReportHelp");

  const tabs: Record<Tab, { button: HTMLButtonElement; panel: HTMLElement }> = {
    findings: {
      button: el(doc, "button", { type: "button", role: "tab", id: "pm-tab-findings", "aria-controls": "pm-panel-findings" }, t("tabFindings")),
      panel: el(
        doc,
        "section",
        { role: "tabpanel", id: "pm-panel-findings", "aria-labelledby": "pm-tab-findings" },
        el(doc, "div", { class: "pm-toolbar" }, checkButton, recheckLabel),
        summary,
        notices,
        filters,
        list,
      ),
    },
    heat: {
      button: el(doc, "button", { type: "button", role: "tab", id: "pm-tab-heat", "aria-controls": "pm-panel-heat" }, t("tabHeatMap")),
      panel: el(doc, "section", { role: "tabpanel", id: "pm-panel-heat", "aria-labelledby": "pm-tab-heat" }, heatPanel),
    },
    actions: {
      button: el(doc, "button", { type: "button", role: "tab", id: "pm-tab-actions", "aria-controls": "pm-panel-actions" }, t("tabActions")),
      panel: el(
        doc,
        "section",
        { role: "tabpanel", id: "pm-panel-actions", "aria-labelledby": "pm-tab-actions" },
        actTemplate.row,
        actFormulas.row,
        el(doc, "div", { class: "pm-action-row pm-pair" }, actHighlight.button, actClear.button, el(doc, "p", { class: "pm-help" }, t("actionHighlightHelp"))),
        actReport.row,
        previewBox,
      ),
    },
  };

  const root = el(
    doc,
    "div",
    { class: "pm-app", "data-host": bridge.host, lang },
    el(
      doc,
      "header",
      { class: "pm-header" },
      el(doc, "h1", undefined, t("appTitle")),
      bridge.host === "preview" ? el(doc, "span", { class: "pm-badge", title: t("previewNote") }, t("previewBadge")) : null,
    ),
    bridge.host === "preview" ? el(doc, "p", { class: "pm-muted pm-preview-note" }, t("previewNote")) : null,
    el(doc, "nav", { class: "pm-tabs", role: "tablist" }, tabs.findings.button, tabs.heat.button, tabs.actions.button),
    tabs.findings.panel,
    tabs.heat.panel,
    tabs.actions.panel,
    errorBox,
    status,
  );
  replaceChildren(host, root);

  const showTab = (tab: Tab) => {
    for (const [name, { button, panel }] of Object.entries(tabs) as [Tab, (typeof tabs)[Tab]][]) {
      const on = name === tab;
      button.setAttribute("aria-selected", on ? "true" : "false");
      button.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    }
  };
  showTab("findings");
  heatPanel.appendChild(heatMapView(doc, null, t));

  const say = (text: string) => {
    status.textContent = text;
  };
  const fail = (error: unknown) => {
    errorMessage.textContent = errorText(error, lang, t);
    errorBox.hidden = false;
    say("");
  };
  const failWith = (message: { ja: string; en: string }) => {
    errorMessage.textContent = message[lang];
    errorBox.hidden = false;
    say("");
  };
  const clearError = () => {
    errorBox.hidden = true;
    errorMessage.textContent = "";
  };
  const setBusy = (on: boolean) => {
    busy = on;
    for (const b of [checkButton, actTemplate.button, actFormulas.button, actHighlight.button, actClear.button, actReport.button]) b.disabled = on;
    root.classList.toggle("pm-busy", on);
  };

  // ---- findings ----
  const visible = (f: Finding) => (severityFilter === "all" || f.severity === severityFilter) && (ruleFilter === "all" || f.rule === ruleFilter);

  const renderSummary = () => {
    if (!report) return replaceChildren(summary);
    const s = report.summary;
    const chip = (cls: string, label: string, n: number) => el(doc, "span", { class: `pm-chip ${cls}` }, el(doc, "b", undefined, String(n)), " ", label);
    replaceChildren(
      summary,
      chip("pm-error-chip", t("countErrors"), s.errors),
      chip("pm-warning-chip", t("countWarnings"), s.warnings),
      chip("pm-info-chip", t("countInfos"), s.infos),
      s.accepted > 0 ? chip("pm-accepted-chip", t("countAccepted"), s.accepted) : null,
    );
    const kinds = report.sheets.map((sh) => `${sh.name} (${t(sh.kind === "ledger" ? "kindLedger" : sh.kind === "risk" ? "kindRisk" : "kindOther")})`);
    replaceChildren(
      notices,
      !report.sheets.some((sh) => sh.kind === "ledger") ? el(doc, "p", { class: "pm-notice" }, t("noLedger")) : null,
      report.sheets.some((sh) => sh.kind === "ledger") && !report.sheets.some((sh) => sh.kind === "risk") ? el(doc, "p", { class: "pm-notice" }, t("noRisk")) : null,
      el(doc, "p", { class: "pm-muted pm-sheets" }, t("sheetsRead", { list: kinds.join(", ") })),
    );
  };

  const renderFilters = () => {
    if (!report || report.findings.length === 0) {
      filters.hidden = true;
      return;
    }
    filters.hidden = false;
    const sevOptions = [el(doc, "option", { value: "all" }, t("filterAll")), ...SEVERITY_ORDER.map((s) => el(doc, "option", { value: s }, t(SEVERITY_KEYS[s])))];
    replaceChildren(severitySelect, ...sevOptions);
    severitySelect.value = severityFilter;
    const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
    if (ruleFilter !== "all" && !rules.includes(ruleFilter)) ruleFilter = "all";
    replaceChildren(ruleSelect, el(doc, "option", { value: "all" }, t("filterAll")), ...rules.map((r) => el(doc, "option", { value: r }, r)));
    ruleSelect.value = ruleFilter;
  };

  const findingButton = (f: Finding) =>
    el(
      doc,
      "button",
      {
        type: "button",
        class: `pm-finding pm-${f.severity}${f.accepted ? " pm-accepted" : ""}`,
        "data-sheet": f.sheet,
        "data-cell": f.cell,
        "data-rule": f.rule,
        title: t("selectFinding", { sheet: f.sheet, cell: f.cell }),
      },
      el(doc, "span", { class: "pm-cell" }, f.cell),
      el(doc, "span", { class: "pm-rule" }, f.rule, f.accepted ? ` · ${t("accepted")}` : ""),
      el(doc, "span", { class: "pm-msg" }, f.message[lang]),
    );

  const renderList = () => {
    if (!report) return;
    if (report.findings.length === 0) return replaceChildren(list, el(doc, "p", { class: "pm-ok" }, t("noFindings")));
    const shown = report.findings.filter(visible);
    if (shown.length === 0) return replaceChildren(list, el(doc, "p", { class: "pm-muted" }, t("noMatch")));
    const frag = doc.createDocumentFragment();
    const bySheet = new Map<string, Finding[]>();
    for (const f of shown.slice(0, limit)) {
      const l = bySheet.get(f.sheet);
      if (l) l.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    const totals = new Map<string, number>();
    for (const f of shown) totals.set(f.sheet, (totals.get(f.sheet) ?? 0) + 1);
    for (const [sheet, fs] of bySheet) {
      const group = el(doc, "details", { class: "pm-sheet", open: true }, el(doc, "summary", undefined, el(doc, "span", { class: "pm-sheet-name" }, sheet), el(doc, "span", { class: "pm-count" }, String(totals.get(sheet) ?? fs.length))));
      for (const severity of SEVERITY_ORDER) {
        const of = fs.filter((f) => f.severity === severity);
        if (of.length === 0) continue;
        group.appendChild(el(doc, "h3", { class: `pm-sev-heading pm-${severity}` }, `${t(SEVERITY_KEYS[severity])} (${of.length})`));
        const ul = el(doc, "ul", { class: "pm-findings" });
        for (const f of of) ul.appendChild(el(doc, "li", undefined, findingButton(f)));
        group.appendChild(ul);
      }
      frag.appendChild(group);
    }
    if (shown.length > limit) {
      const more = el(doc, "button", { type: "button", class: "pm-link pm-more" }, t("showMore", { count: Math.min(pageSize, shown.length - limit) }));
      more.addEventListener("click", () => {
        limit += pageSize;
        renderList();
      });
      frag.appendChild(more);
    }
    replaceChildren(list, frag);
  };

  const renderReport = () => {
    renderSummary();
    renderFilters();
    renderList();
    replaceChildren(heatPanel, heatMapView(doc, report, t));
  };

  const runCheck = async () => {
    if (busy) return;
    clearError();
    setBusy(true);
    say(t("checking"));
    try {
      report = await bridge.check({});
      limit = pageSize;
      renderReport();
      const s = report.summary;
      say(t("checkedAt", { sheets: report.sheets.length, errors: s.errors, warnings: s.warnings, infos: s.infos }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  // ---- actions ----
  const closePreview = () => {
    pending = null;
    previewBox.hidden = true;
    replaceChildren(previewBox);
  };

  const showPreview = (kind: PlanKind, preview: PlanPreview) => {
    pending = { kind, preview };
    const ops = preview.plan.ops;
    const MAX_OPS = 40;
    const opList = el(doc, "ol", { class: "pm-ops" }, ...ops.slice(0, MAX_OPS).map((op) => el(doc, "li", undefined, describeOp(op, t))));
    if (ops.length > MAX_OPS) opList.appendChild(el(doc, "li", { class: "pm-muted" }, t("previewMore", { count: ops.length - MAX_OPS })));
    const n = preview.overwrites.length;
    const confirm = el(doc, "input", { type: "checkbox", id: "pm-confirm-overwrite" });
    const apply = el(doc, "button", { type: "button", class: "pm-primary", id: "pm-apply" }, t("apply"));
    const cancel = el(doc, "button", { type: "button", id: "pm-cancel" }, t("cancel"));
    const overwriteBlock =
      n > 0
        ? el(
            doc,
            "div",
            { class: "pm-overwrites" },
            el(doc, "p", { class: "pm-warning-text" }, t("overwriteWarning", { count: n })),
            el(doc, "ul", { class: "pm-overwrite-list" }, ...preview.overwrites.slice(0, 30).map((o) => el(doc, "li", undefined, `${o.sheet}!${o.cell}`))),
            n > 30 ? el(doc, "p", { class: "pm-muted" }, t("previewMore", { count: n - 30 })) : null,
            el(doc, "label", { class: "pm-check-label", for: "pm-confirm-overwrite" }, confirm, " ", t("overwriteConfirm", { count: n })),
            el(doc, "p", { class: "pm-help" }, t("overwriteSkipped")),
          )
        : null;
    replaceChildren(
      previewBox,
      el(doc, "h2", undefined, `${t("previewTitle")}: ${preview.plan.title[lang]}`),
      el(doc, "p", undefined, t("previewSummary", { ops: ops.length, cells: cellsWritten(preview.plan) })),
      opList,
      overwriteBlock,
      el(doc, "div", { class: "pm-buttons" }, apply, cancel),
    );
    previewBox.hidden = false;
    apply.addEventListener("click", () => void applyPending(confirm.checked));
    cancel.addEventListener("click", closePreview);
    apply.focus();
  };

  const reportResult = (result: ApplyResult, done: (r: ApplyResult) => string) => {
    if (!result.ok) {
      if (result.error) failWith(result.error.message);
      else fail(new Error("not applied"));
      return;
    }
    say(result.written === 0 && result.skipped.length === 0 ? t("nothingToWrite") : done(result));
  };

  const applyPending = async (confirmOverwrite: boolean) => {
    if (!pending || busy) return;
    const { kind } = pending;
    clearError();
    setBusy(true);
    say(t("applying"));
    try {
      const result = await bridge.apply(kind, undefined, confirmOverwrite);
      closePreview();
      reportResult(result, (r) => (r.skipped.length > 0 ? t("appliedSkipped", { cells: r.written, skipped: r.skipped.length }) : t("applied", { cells: r.written })));
      if (result.ok && (kind === "formulas" || kind === "template") && report) {
        setBusy(false);
        await runCheck();
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const previewAction = async (kind: PlanKind) => {
    if (busy) return;
    clearError();
    closePreview();
    setBusy(true);
    say(t("previewing"));
    try {
      const preview = await bridge.preview(kind);
      say("");
      if (preview.problem && preview.problem.code !== "nothing-to-do") return failWith(preview.problem.message);
      if (preview.plan.ops.length === 0) return say(preview.problem ? preview.problem.message[lang] : t("nothingToWrite"));
      showPreview(kind, preview);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const directAction = async (run: () => Promise<ApplyResult>, done: (r: ApplyResult) => string) => {
    if (busy) return;
    clearError();
    closePreview();
    setBusy(true);
    say(t("applying"));
    try {
      reportResult(await run(), done);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  // ---- events ----
  const onFindingClick = (event: Event) => {
    const target = (event.target as Element | null)?.closest?.(".pm-finding");
    if (!target) return;
    const sheet = target.getAttribute("data-sheet") ?? "";
    const cell = target.getAttribute("data-cell") ?? "";
    clearError();
    bridge.select(sheet, cell).then(
      () => say(t("selected", { sheet, cell })),
      (e: unknown) => fail(e),
    );
  };
  list.addEventListener("click", onFindingClick);
  checkButton.addEventListener("click", () => void runCheck());
  dismiss.addEventListener("click", clearError);
  severitySelect.addEventListener("change", () => {
    severityFilter = severitySelect.value as Severity | "all";
    limit = pageSize;
    renderList();
  });
  ruleSelect.addEventListener("change", () => {
    ruleFilter = ruleSelect.value;
    limit = pageSize;
    renderList();
  });
  for (const [name, { button }] of Object.entries(tabs) as [Tab, (typeof tabs)[Tab]][]) button.addEventListener("click", () => showTab(name));
  actTemplate.button.addEventListener("click", () => void previewAction("template"));
  actFormulas.button.addEventListener("click", () => void previewAction("formulas"));
  actReport.button.addEventListener("click", () => void previewAction("report"));
  actHighlight.button.addEventListener("click", () => void directAction(() => bridge.apply("highlight", undefined, false), (r) => t("highlighted", { cells: r.written })));
  actClear.button.addEventListener("click", () => void directAction(() => bridge.clearHighlights(), () => t("cleared")));
  recheck.addEventListener("change", () => {
    unsubscribe?.();
    unsubscribe = null;
    if (recheck.checked && bridge.onChange) {
      unsubscribe = bridge.onChange(() => {
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = null;
          void runCheck();
        }, debounceMs);
      });
    }
  });

  root.setAttribute("data-ready", "true");
  if (options.checkOnStart) void runCheck();

  return {
    check: runCheck,
    destroy() {
      unsubscribe?.();
      if (debounce) clearTimeout(debounce);
      replaceChildren(host);
    },
  };
}
