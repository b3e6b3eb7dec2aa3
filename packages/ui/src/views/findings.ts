import { builtinChoices, parseProfileFile, type Finding, type Severity, type WorkbookSettings } from "@pmark/core";
import { errorText } from "../errors";
import type { PaneContext, View } from "../context";
import { el, replaceChildren } from "../dom";
import type { MessageKey } from "../messages";
import { previewView } from "../preview";
import { statusLine } from "../status";

/**
 * The findings view: check (with the profile and the "as of" date, a spinner and a stop
 * button), what could not be read, the counts, filters, and the findings by sheet and
 * severity. The list is one Tab stop: Up/Down (Home/End) move between findings, Enter selects
 * the cell. Under the finding being looked at: its place in the list, previous/next, "accept
 * with reason", and what selecting it said (a renamed sheet's error shows right there).
 */

const SEVERITY_KEYS: Record<Severity, MessageKey> = { error: "severityError", warning: "severityWarning", info: "severityInfo" };
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export function findingsView(ctx: PaneContext, opts: { pageSize: number; debounceMs: number }): View {
  const { doc, t, lang, bridge } = ctx;
  let severityFilter: Severity | "all" = "all";
  let ruleFilter = "all";
  let limit = opts.pageSize;
  /** Index in `shown` of the finding being looked at. */
  let current = -1;
  let shown: Finding[] = [];
  let unsubscribe: (() => void) | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;

  // ---- toolbar and settings ----
  const checkButton = el(doc, "button", { type: "button", class: "pm-primary", id: "pm-check" }, t("check"));
  const recheck = el(doc, "input", { type: "checkbox", id: "pm-recheck" });
  const recheckLabel = el(doc, "label", { class: "pm-check-label", for: "pm-recheck" }, recheck, " ", t("recheckOnChange"));
  if (!bridge.onChange) recheckLabel.hidden = true;

  const profileSelect = el(doc, "select", { id: "pm-profile" });
  const profileFile = el(doc, "input", { type: "file", id: "pm-profile-file", accept: ".json,application/json", class: "pm-file" });
  const asOfInput = el(doc, "input", { type: "date", id: "pm-as-of", "aria-describedby": "pm-as-of-help" });
  const settingsStatus = statusLine(doc, t, "pm-settings-status");
  const settingsSummary = el(doc, "summary", { id: "pm-settings-summary" });
  const settingsBox = el(
    doc,
    "details",
    { class: "pm-settings", id: "pm-settings" },
    settingsSummary,
    el(doc, "div", { class: "pm-field" }, el(doc, "label", { for: "pm-profile" }, t("profileLabel")), profileSelect),
    el(doc, "div", { class: "pm-field" }, el(doc, "label", { for: "pm-profile-file" }, t("loadProfileFile")), profileFile),
    el(doc, "div", { class: "pm-field" }, el(doc, "label", { for: "pm-as-of" }, t("asOfLabel")), asOfInput, el(doc, "p", { class: "pm-help", id: "pm-as-of-help" }, t("asOfHelp"))),
    settingsStatus.element,
  );

  // ---- results ----
  const notices = el(doc, "div", { class: "pm-notices", id: "pm-notices" });
  const summary = el(doc, "div", { class: "pm-summary", id: "pm-summary" });
  const severitySelect = el(doc, "select", { id: "pm-filter-severity" });
  const ruleSelect = el(doc, "select", { id: "pm-filter-rule" });
  const filters = el(
    doc,
    "div",
    { class: "pm-filters", hidden: true },
    el(doc, "label", { for: "pm-filter-severity" }, t("filterSeverity")),
    severitySelect,
    el(doc, "label", { for: "pm-filter-rule" }, t("filterRule")),
    ruleSelect,
  );
  const list = el(doc, "div", { class: "pm-list", id: "pm-findings", role: "region", "aria-label": t("findingsLabel") }, el(doc, "p", { class: "pm-muted" }, t("notCheckedYet")));

  // ---- the finding being looked at ----
  const position = el(doc, "span", { class: "pm-position", id: "pm-position" });
  const prev = el(doc, "button", { type: "button", class: "pm-secondary", id: "pm-prev" }, t("previousFinding"));
  const next = el(doc, "button", { type: "button", class: "pm-secondary", id: "pm-next" }, t("nextFinding"));
  const acceptToggle = el(doc, "button", { type: "button", class: "pm-secondary", id: "pm-accept", "aria-expanded": "false", "aria-controls": "pm-accept-form" }, t("acceptFinding"));
  const reason = el(doc, "textarea", { id: "pm-accept-reason", rows: 2, "aria-describedby": "pm-accept-help" });
  const acceptCheck = el(doc, "button", { type: "button", class: "pm-secondary", id: "pm-accept-check" }, t("acceptCheck"));
  const acceptPreview = el(doc, "div", { class: "pm-accept-preview" });
  const acceptForm = el(
    doc,
    "div",
    { class: "pm-accept-form", id: "pm-accept-form", hidden: true },
    el(doc, "label", { for: "pm-accept-reason" }, t("acceptReasonLabel")),
    reason,
    el(doc, "p", { class: "pm-help", id: "pm-accept-help" }, t("acceptReasonHelp")),
    acceptCheck,
    acceptPreview,
  );
  const detailStatus = statusLine(doc, t, "pm-finding-status");
  const detail = el(
    doc,
    "div",
    { class: "pm-detail", id: "pm-detail" },
    el(doc, "div", { class: "pm-detail-bar" }, position, prev, next, acceptToggle),
    detailStatus.element,
    acceptForm,
  );

  const panel = el(
    doc,
    "section",
    { class: "pm-panel" },
    el(doc, "div", { class: "pm-toolbar" }, checkButton, recheckLabel),
    ctx.checkStatus.element,
    settingsBox,
    notices,
    summary,
    filters,
    list,
  );

  // ---- drawing ----
  const profileName = (s: WorkbookSettings): string => {
    const p = s.profile;
    if (p?.kind === "file") return t("profileFromFile", { name: p.name });
    const id = p?.kind === "builtin" ? p.id : "jisq15001";
    return builtinChoices().find((c) => c.id === id)?.name[lang] ?? id;
  };

  const renderSettings = () => {
    const s = ctx.settings();
    const chosen = s.profile?.kind === "file" ? "file" : s.profile?.kind === "builtin" ? s.profile.id : "jisq15001";
    replaceChildren(
      profileSelect,
      ...builtinChoices().map((c) => el(doc, "option", { value: c.id }, c.name[lang])),
      s.profile?.kind === "file" ? el(doc, "option", { value: "file" }, t("profileFromFile", { name: s.profile.name })) : null,
    );
    profileSelect.value = chosen;
    asOfInput.value = ctx.asOf();
    settingsSummary.textContent = `${t("settingsTitle")}: ${t("settingsSummary", { profile: profileName(s), date: ctx.asOf() || t("today") })}`;
  };

  const renderNotices = () => {
    const report = ctx.report();
    if (!report) return replaceChildren(notices);
    const hasLedger = report.sheets.some((sh) => sh.kind === "ledger");
    const notice = report.notice;
    const rest = notice?.continuable ? el(doc, "button", { type: "button", class: "pm-secondary", id: "pm-check-rest" }, t("checkRest")) : null;
    rest?.addEventListener("click", () => void ctx.runCheck({ complete: true }));
    replaceChildren(
      notices,
      notice ? el(doc, "div", { class: "pm-notice pm-notice-partial", id: "pm-partial-notice" }, el(doc, "p", undefined, notice.message[lang]), rest) : null,
      !hasLedger && !notice ? el(doc, "p", { class: "pm-notice" }, t("noLedger")) : null,
      hasLedger && !report.sheets.some((sh) => sh.kind === "risk") && !notice ? el(doc, "p", { class: "pm-notice" }, t("noRisk")) : null,
    );
  };

  const renderSummary = () => {
    const report = ctx.report();
    if (!report) return replaceChildren(summary);
    const s = report.summary;
    const chip = (cls: string, label: string, n: number) => el(doc, "span", { class: `pm-chip ${cls}` }, el(doc, "b", undefined, String(n)), " ", label);
    replaceChildren(
      summary,
      chip("pm-chip-error", t("countErrors"), s.errors),
      chip("pm-chip-warning", t("countWarnings"), s.warnings),
      chip("pm-chip-info", t("countInfos"), s.infos),
      s.accepted > 0 ? chip("pm-chip-accepted", t("countAccepted"), s.accepted) : null,
      report.withheld ? el(doc, "p", { class: "pm-muted pm-withheld", id: "pm-withheld" }, t("withheld", { count: report.withheld })) : null,
    );
  };

  const renderFilters = () => {
    const report = ctx.report();
    if (!report || report.findings.length === 0) {
      filters.hidden = true;
      return;
    }
    filters.hidden = false;
    replaceChildren(severitySelect, el(doc, "option", { value: "all" }, t("filterAll")), ...SEVERITY_ORDER.map((s) => el(doc, "option", { value: s }, t(SEVERITY_KEYS[s]))));
    severitySelect.value = severityFilter;
    const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
    if (ruleFilter !== "all" && !rules.some((r) => r === ruleFilter)) ruleFilter = "all";
    replaceChildren(ruleSelect, el(doc, "option", { value: "all" }, t("filterAll")), ...rules.map((r) => el(doc, "option", { value: r }, r)));
    ruleSelect.value = ruleFilter;
  };

  const buttons = (): HTMLButtonElement[] => [...list.querySelectorAll<HTMLButtonElement>("button.pm-finding")];

  const findingButton = (f: Finding, index: number) =>
    el(
      doc,
      "button",
      {
        type: "button",
        class: `pm-finding pm-sev-${f.severity}${f.accepted ? " pm-accepted" : ""}`,
        "data-index": index,
        "data-sheet": f.sheet,
        "data-cell": f.cell,
        "data-rule": f.rule,
        tabindex: -1,
        title: t("selectFinding", { sheet: f.sheet, cell: f.cell }),
      },
      // What the colour says, for screen readers: the severity and the sheet, before the cell.
      el(doc, "span", { class: "pm-visually-hidden" }, `${t(SEVERITY_KEYS[f.severity])} ${f.sheet}!`),
      el(doc, "span", { class: "pm-cell" }, f.cell),
      el(doc, "span", { class: "pm-rule" }, f.rule, f.accepted ? ` · ${t("accepted")}` : ""),
      el(doc, "span", { class: "pm-msg" }, f.message[lang]),
    );

  /** One Tab stop in the list: the finding being looked at, else the first. */
  const rove = (focusIndex: number) => {
    for (const b of buttons()) b.tabIndex = Number(b.getAttribute("data-index")) === focusIndex ? 0 : -1;
  };

  const renderList = () => {
    const report = ctx.report();
    if (!report) return;
    current = -1;
    detail.remove();
    if (report.findings.length === 0) {
      shown = [];
      return replaceChildren(list, el(doc, "p", { class: "pm-ok" }, t("noFindings")));
    }
    // In the order they are drawn (by sheet, then severity), so Up/Down, previous/next and "n of N" agree with the screen.
    const sheetOrder = new Map<string, number>();
    for (const f of report.findings) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
    shown = report.findings
      .filter((f) => (severityFilter === "all" || f.severity === severityFilter) && (ruleFilter === "all" || f.rule === ruleFilter))
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (sheetOrder.get(a.f.sheet) ?? 0) - (sheetOrder.get(b.f.sheet) ?? 0) || SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity) || a.i - b.i)
      .map((x) => x.f);
    if (shown.length === 0) return replaceChildren(list, el(doc, "p", { class: "pm-muted" }, t("noMatch")));
    const frag = doc.createDocumentFragment();
    const bySheet = new Map<string, { f: Finding; i: number }[]>();
    const totals = new Map<string, number>();
    shown.forEach((f, i) => {
      totals.set(f.sheet, (totals.get(f.sheet) ?? 0) + 1);
      if (i >= limit) return;
      const l = bySheet.get(f.sheet);
      if (l) l.push({ f, i });
      else bySheet.set(f.sheet, [{ f, i }]);
    });
    for (const [sheet, fs] of bySheet) {
      const group = el(doc, "details", { class: "pm-sheet", open: true }, el(doc, "summary", undefined, el(doc, "span", { class: "pm-sheet-name" }, sheet), el(doc, "span", { class: "pm-count" }, String(totals.get(sheet) ?? fs.length))));
      for (const severity of SEVERITY_ORDER) {
        const of = fs.filter((x) => x.f.severity === severity);
        if (of.length === 0) continue;
        group.appendChild(el(doc, "h3", { class: `pm-sev-heading pm-sev-${severity}` }, `${t(SEVERITY_KEYS[severity])} (${of.length})`));
        const ul = el(doc, "ul", { class: "pm-findings" });
        for (const x of of) ul.appendChild(el(doc, "li", undefined, findingButton(x.f, x.i)));
        group.appendChild(ul);
      }
      frag.appendChild(group);
    }
    if (shown.length > limit) {
      const more = el(doc, "button", { type: "button", class: "pm-link pm-more" }, t("showMore", { count: Math.min(opts.pageSize, shown.length - limit) }));
      more.addEventListener("click", () => {
        limit += opts.pageSize;
        renderList();
      });
      frag.appendChild(more);
    }
    replaceChildren(list, frag);
    rove(0);
  };

  const renderAll = () => {
    renderNotices();
    renderSummary();
    renderFilters();
    renderList();
  };

  // ---- looking at a finding ----
  const closeAccept = () => {
    acceptForm.hidden = true;
    acceptToggle.setAttribute("aria-expanded", "false");
    replaceChildren(acceptPreview);
  };

  /** Selects finding `index`: its cell in the workbook, the detail under it, the list's Tab stop on it. */
  const look = async (index: number, focus: "finding" | "keep") => {
    if (index < 0 || index >= shown.length) return;
    if (index >= limit) {
      limit = Math.ceil((index + 1) / opts.pageSize) * opts.pageSize;
      renderList();
    }
    const button = buttons().find((b) => Number(b.getAttribute("data-index")) === index);
    if (!button) return;
    const active = doc.activeElement;
    const changed = current !== index;
    current = index;
    rove(index);
    if (changed) {
      closeAccept();
      reason.value = "";
    }
    button.parentElement?.appendChild(detail);
    if (focus === "finding") button.focus();
    else if (active instanceof HTMLElement && detail.contains(active)) active.focus();
    position.textContent = t("findingPosition", { index: index + 1, total: shown.length });
    prev.disabled = index === 0;
    next.disabled = index === shown.length - 1;
    const f = shown[index] as Finding;
    detailStatus.clear();
    try {
      await bridge.select(f.sheet, f.cell);
      if (current === index) detailStatus.say(t("selected", { sheet: f.sheet, cell: f.cell }), "success");
    } catch (e) {
      if (current === index) {
        detailStatus.fail(errorText(e, lang, t));
        detailStatus.reveal();
      }
    }
  };

  list.addEventListener("click", (event) => {
    const target = (event.target as Element | null)?.closest?.("button.pm-finding");
    if (!target) return;
    void look(Number(target.getAttribute("data-index")), "finding");
  });
  list.addEventListener("keydown", (event) => {
    const target = (event.target as Element | null)?.closest?.("button.pm-finding");
    if (!target) return;
    const all = buttons();
    const at = all.indexOf(target as HTMLButtonElement);
    const to = event.key === "ArrowDown" ? at + 1 : event.key === "ArrowUp" ? at - 1 : event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    const b = all[Math.max(0, Math.min(all.length - 1, to))];
    if (!b) return;
    rove(Number(b.getAttribute("data-index")));
    b.focus();
  });
  prev.addEventListener("click", () => void look(current - 1, "keep"));
  next.addEventListener("click", () => void look(current + 1, "keep"));

  acceptToggle.addEventListener("click", () => {
    const open = acceptForm.hidden;
    acceptForm.hidden = !open;
    acceptToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) reason.focus();
    else replaceChildren(acceptPreview);
  });

  const acceptOptions = () => {
    const f = shown[current];
    return f ? { rule: f.rule, sheet: f.sheet, cell: f.cell, reason: reason.value, ...(ctx.asOf() ? { today: ctx.asOf() } : {}) } : null;
  };

  acceptCheck.addEventListener("click", () => {
    const options = acceptOptions();
    if (!options || ctx.busy()) return;
    replaceChildren(acceptPreview);
    detailStatus.busy(t("previewing"));
    void ctx
      .whileBusy(() => bridge.preview("accept", options))
      .then((preview) => {
        if (preview.problem) return detailStatus.fail(preview.problem.message[lang]);
        detailStatus.clear();
        const view = previewView(doc, t, lang, preview, "pm-accept", t("acceptApply"), {
          cancel: () => replaceChildren(acceptPreview),
          apply: (confirm) => {
            detailStatus.busy(t("applying"));
            void ctx
              .whileBusy(() => bridge.apply("accept", options, confirm))
              .then(async (result) => {
                if (!result.ok) return detailStatus.fail(result.error?.message[lang] ?? t("errorGeneric", { message: "" }));
                await ctx.runCheck();
                ctx.checkStatus.say(t("acceptDone", { sheet: options.sheet, cell: options.cell }), "success");
              })
              .catch((e: unknown) => detailStatus.fail(errorText(e, lang, t)));
          },
        });
        replaceChildren(acceptPreview, view.element);
        view.focus();
      })
      .catch((e: unknown) => detailStatus.fail(errorText(e, lang, t)));
  });

  // ---- settings ----
  profileSelect.addEventListener("change", () => {
    const value = profileSelect.value;
    const s = ctx.settings();
    if (value === "file") return;
    const chosen = builtinChoices().find((c) => c.id === value);
    if (!chosen) return;
    void ctx
      .saveSettings({ ...s, profile: { kind: "builtin", id: chosen.id } })
      .then(async () => {
        settingsStatus.say(t("profileSaved", { name: chosen.name[lang] }), "success");
        if (ctx.report()) await ctx.runCheck();
      })
      .catch((e: unknown) => settingsStatus.fail(errorText(e, lang, t)));
  });
  profileFile.addEventListener("change", () => {
    const file = profileFile.files?.[0];
    if (!file) return;
    void file
      .text()
      .then(async (text) => {
        const parsed = parseProfileFile(file.name, text);
        if (!parsed.ok) return settingsStatus.fail(parsed.message[lang]);
        await ctx.saveSettings({ ...ctx.settings(), profile: { kind: "file", name: file.name, profile: parsed.profile } });
        settingsStatus.say(t("profileSaved", { name: file.name }), "success");
        if (ctx.report()) await ctx.runCheck();
      })
      .catch((e: unknown) => settingsStatus.fail(errorText(e, lang, t)))
      .finally(() => {
        profileFile.value = "";
      });
  });
  asOfInput.addEventListener("change", () => ctx.setAsOf(/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value) ? asOfInput.value : ""));

  // ---- check ----
  checkButton.addEventListener("click", () => void ctx.runCheck());
  severitySelect.addEventListener("change", () => {
    severityFilter = severitySelect.value as Severity | "all";
    limit = opts.pageSize;
    renderList();
  });
  ruleSelect.addEventListener("change", () => {
    ruleFilter = ruleSelect.value;
    limit = opts.pageSize;
    renderList();
  });
  recheck.addEventListener("change", () => {
    unsubscribe?.();
    unsubscribe = null;
    if (recheck.checked && bridge.onChange) {
      unsubscribe = bridge.onChange(() => {
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = null;
          void ctx.runCheck();
        }, opts.debounceMs);
      });
    }
  });

  ctx.on("report", renderAll);
  ctx.on("settings", renderSettings);
  ctx.on("busy", () => {
    checkButton.disabled = ctx.busy();
    acceptCheck.disabled = ctx.busy();
  });
  renderSettings();

  return { id: "findings", label: t("tabFindings"), panel };
}
