import type { PlanKind } from "@pmark/core";
import { errorText } from "../errors";
import type { ApplyResult, PlanOptions } from "../bridge";
import type { PaneContext, View } from "../context";
import { el, replaceChildren } from "../dom";
import type { MessageKey } from "../messages";
import { previewView } from "../preview";
import { statusLine, type StatusLine } from "../status";

/**
 * The write actions. Each one has its own row: the button, what it does, and under it its
 * preview and its status line, so the result of a write ("Done: 120 cells written") stays next
 * to the action that made it, also after the automatic re-check has run.
 */

interface ActionRow {
  row: HTMLElement;
  slot: HTMLElement;
  status: StatusLine;
  buttons: HTMLButtonElement[];
}

export function actionsView(ctx: PaneContext): View {
  const { doc, t, lang, bridge } = ctx;
  const rows: ActionRow[] = [];
  /** The one open preview: opening another closes it. */
  let open: HTMLElement | null = null;

  const closePreview = () => {
    if (open) replaceChildren(open);
    open = null;
  };

  const actionRow = (id: string, buttons: { id: string; label: MessageKey }[], help: MessageKey | null, heading?: MessageKey): ActionRow => {
    const made = buttons.map((b) => el(doc, "button", { type: "button", id: b.id, class: buttons.length > 1 ? "pm-secondary" : "pm-action" }, t(b.label)));
    const slot = el(doc, "div", { class: "pm-action-slot" });
    const status = statusLine(doc, t, `${id}-status`);
    const row = el(
      doc,
      "div",
      { class: `pm-action-row${buttons.length > 1 ? " pm-pair" : ""}`, id },
      heading ? el(doc, "h2", { class: "pm-action-heading" }, t(heading)) : null,
      el(doc, "div", { class: "pm-action-buttons" }, ...made),
      help ? el(doc, "p", { class: "pm-help" }, t(help)) : null,
      status.element,
      slot,
    );
    const r = { row, slot, status, buttons: made };
    rows.push(r);
    return r;
  };

  const withToday = (options: PlanOptions = {}): PlanOptions => (ctx.asOf() ? { ...options, today: ctx.asOf() } : options);

  const resultText = (kind: PlanKind, r: ApplyResult) => {
    if (r.written === 0 && r.skipped.length === 0) return kind === "remove" ? t("removed") : t("nothingToWrite");
    if (kind === "highlight") return t("highlighted", { cells: r.written });
    if (kind === "remove") return t("removed");
    return r.skipped.length > 0 ? t("appliedSkipped", { cells: r.written, skipped: r.skipped.length }) : t("applied", { cells: r.written });
  };

  /** After a write that changes what the check sees, check again (its status shows in the findings view). */
  const recheckAfter = (kind: PlanKind) => kind === "formulas" || kind === "template" || kind === "remove" || kind === "accept" || kind === "draft";

  const apply = async (row: ActionRow, kind: PlanKind, options: PlanOptions | undefined, confirm: boolean) => {
    row.status.busy(t("applying"));
    try {
      const result = await ctx.whileBusy(() => bridge.apply(kind, withToday(options), confirm));
      closePreview();
      if (!result.ok) return row.status.fail(result.error?.message[lang] ?? t("errorGeneric", { message: "" }));
      row.status.say(resultText(kind, result), "success");
      if (recheckAfter(kind) && ctx.report()) await ctx.runCheck();
    } catch (e) {
      row.status.fail(errorText(e, lang, t));
    }
  };

  const preview = async (row: ActionRow, kind: PlanKind, options?: PlanOptions) => {
    if (ctx.busy()) return;
    closePreview();
    row.status.busy(t("previewing"));
    try {
      const p = await ctx.whileBusy(() => bridge.preview(kind, withToday(options)));
      if (p.problem && p.problem.code !== "nothing-to-do") return row.status.fail(p.problem.message[lang]);
      if (p.plan.ops.length === 0) return row.status.say(p.problem ? p.problem.message[lang] : t("nothingToWrite"));
      row.status.clear();
      const view = previewView(doc, t, lang, p, "pm", t("apply"), {
        apply: (confirm) => void apply(row, kind, options, confirm),
        cancel: () => {
          closePreview();
          row.buttons[0]?.focus();
        },
      });
      open = row.slot;
      replaceChildren(row.slot, view.element);
      view.focus();
    } catch (e) {
      row.status.fail(errorText(e, lang, t));
    }
  };

  const direct = async (row: ActionRow, run: () => Promise<ApplyResult>, done: (r: ApplyResult) => string) => {
    if (ctx.busy()) return;
    closePreview();
    row.status.busy(t("applying"));
    try {
      const result = await ctx.whileBusy(run);
      if (!result.ok) return row.status.fail(result.error?.message[lang] ?? t("errorGeneric", { message: "" }));
      row.status.say(result.written === 0 && result.skipped.length === 0 ? t("nothingToWrite") : done(result), "success");
    } catch (e) {
      row.status.fail(errorText(e, lang, t));
    }
  };

  const template = actionRow("pm-row-template", [{ id: "pm-act-template", label: "actionTemplate" }], "actionTemplateHelp");
  const formulas = actionRow("pm-row-formulas", [{ id: "pm-act-formulas", label: "actionFormulas" }], "actionFormulasHelp");
  const highlight = actionRow(
    "pm-row-highlight",
    [
      { id: "pm-act-highlight", label: "actionHighlight" },
      { id: "pm-act-clear", label: "actionClear" },
    ],
    "actionHighlightHelp",
  );
  const draft = actionRow(
    "pm-row-draft",
    [
      { id: "pm-act-draft-rows", label: "actionDraftRows" },
      { id: "pm-act-draft-sheet", label: "actionDraftSheet" },
    ],
    "draftHelp",
    "draftTitle",
  );
  const report = actionRow("pm-row-report", [{ id: "pm-act-report", label: "actionReport" }], "actionReportHelp");
  const remove = actionRow(
    "pm-row-remove",
    [
      { id: "pm-remove-template", label: "removeTemplate" },
      { id: "pm-remove-formulas", label: "removeFormulas" },
      { id: "pm-remove-report", label: "removeReport" },
      { id: "pm-remove-draft", label: "removeDraft" },
    ],
    "removeHelp",
    "removeTitle",
  );

  template.buttons[0]?.addEventListener("click", () => void preview(template, "template"));
  formulas.buttons[0]?.addEventListener("click", () => void preview(formulas, "formulas"));
  report.buttons[0]?.addEventListener("click", () => void preview(report, "report"));
  highlight.buttons[0]?.addEventListener("click", () => void direct(highlight, () => bridge.apply("highlight", withToday(), false), (r) => t("highlighted", { cells: r.written })));
  highlight.buttons[1]?.addEventListener("click", () => void direct(highlight, () => bridge.clearHighlights(), () => t("cleared")));
  draft.buttons[0]?.addEventListener("click", () => void preview(draft, "draft", { target: "rows" }));
  draft.buttons[1]?.addEventListener("click", () => void preview(draft, "draft", { target: "sheet" }));
  (["template", "formulas", "report", "draft"] as const).forEach((what, i) => remove.buttons[i]?.addEventListener("click", () => void preview(remove, "remove", { what })));

  ctx.on("busy", () => {
    for (const r of rows) for (const b of r.buttons) b.disabled = ctx.busy();
  });

  const panel = el(doc, "section", { class: "pm-panel" }, ...rows.map((r) => r.row));
  return { id: "actions", label: t("tabActions"), panel };
}
