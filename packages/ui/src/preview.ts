import { a1, cellsWritten, type Lang, type Overwrite, type WriteOp } from "@pmark/core";
import type { PlanPreview } from "./bridge";
import { el } from "./dom";
import type { Translate } from "./messages";

/**
 * What a write will do, shown before it happens: the plan's one-line summary first (what a
 * user decides on), the technical operations folded away, then everything of the user's it
 * would replace, written only after the explicit tick.
 */

function rangeText(row: number, col: number, rows: number, cols: number): string {
  return rows <= 1 && cols <= 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + Math.max(1, rows) - 1, col + Math.max(1, cols) - 1)}`;
}

export function describeOp(op: WriteOp, t: Translate): string {
  switch (op.op) {
    case "addSheet":
      return t("opAddSheet", { sheet: op.sheet });
    case "deleteSheet":
      return t("opDeleteSheet", { sheet: op.sheet });
    case "values":
    case "formulas": {
      const block = op.op === "values" ? op.values : op.formulas;
      let count = 0;
      let width = 0;
      for (const row of block) {
        if (row.length > width) width = row.length;
        for (const v of row) if (v !== null && v !== undefined) count++;
      }
      const range = rangeText(op.row, op.col, block.length, width);
      return t(op.op === "values" ? "opValues" : "opFormulas", { sheet: op.sheet, range, count });
    }
    case "validation": {
      const list = op.list.length > 4 ? `${op.list.slice(0, 4).join(", ")}, …` : op.list.join(", ");
      return t("opValidation", { sheet: op.sheet, range: op.range, list });
    }
    case "removeValidation":
      return t("opRemoveValidation", { sheet: op.sheet, range: op.range });
    case "clear":
      return t("opClear", { sheet: op.sheet, range: op.range });
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
    case "insertRows":
      return t("opInsertRows", { sheet: op.sheet, row: op.after, count: op.count });
    case "deleteRows":
      return t("opDeleteRows", { sheet: op.sheet, range: op.count > 1 ? `${op.row}:${op.row + op.count - 1}` : String(op.row), count: op.count });
  }
}

export function describeOverwrite(o: Overwrite, t: Translate): string {
  if (o.kind === "validation") return t("overwriteValidation", { sheet: o.sheet, cell: o.cell });
  if (o.kind === "sheet") return t("overwriteSheet", { sheet: o.sheet });
  if (o.kind === "rows") return t("overwriteRows", { sheet: o.sheet, cell: o.cell });
  return t("overwriteCell", { sheet: o.sheet, cell: o.cell });
}

const MAX_OPS = 40;
const MAX_OVERWRITES = 30;

export interface PreviewView {
  readonly element: HTMLElement;
  /** Whether the user ticked "replace" (always false when nothing would be replaced). */
  confirmed(): boolean;
  focus(): void;
}

/**
 * The preview box. `ids` prefixes the ids of its controls (one box per place: actions, accept).
 * `applyLabel` names what the apply button does.
 */
export function previewView(doc: Document, t: Translate, lang: Lang, preview: PlanPreview, ids: string, applyLabel: string, handlers: { apply(confirm: boolean): void; cancel(): void }): PreviewView {
  const ops = preview.plan.ops;
  const n = preview.overwrites.length;
  const confirm = el(doc, "input", { type: "checkbox", id: `${ids}-confirm-overwrite` });
  const apply = el(doc, "button", { type: "button", class: "pm-primary", id: `${ids}-apply` }, applyLabel);
  const cancel = el(doc, "button", { type: "button", class: "pm-secondary", id: `${ids}-cancel` }, t("cancel"));
  const summary = preview.plan.summary?.[lang];
  // Scrolling lists are focusable, so a keyboard can scroll them too.
  const opList = el(doc, "ol", { class: "pm-ops", tabindex: 0, "aria-label": t("previewDetails", { count: ops.length }) }, ...ops.slice(0, MAX_OPS).map((op) => el(doc, "li", undefined, describeOp(op, t))));
  if (ops.length > MAX_OPS) opList.appendChild(el(doc, "li", { class: "pm-muted" }, t("previewMore", { count: ops.length - MAX_OPS })));
  const details =
    ops.length > 0
      ? el(doc, "details", { class: "pm-op-details" }, el(doc, "summary", undefined, t("previewDetails", { count: ops.length })), el(doc, "p", { class: "pm-muted" }, t("previewSummary", { ops: ops.length, cells: cellsWritten(preview.plan) })), opList)
      : null;
  const overwrites =
    n > 0
      ? el(
          doc,
          "div",
          { class: "pm-overwrites" },
          el(doc, "p", { class: "pm-warning-text" }, t("overwriteWarning", { count: n })),
          el(doc, "ul", { class: "pm-overwrite-list", tabindex: 0, "aria-label": t("overwriteWarning", { count: n }) }, ...preview.overwrites.slice(0, MAX_OVERWRITES).map((o) => el(doc, "li", undefined, describeOverwrite(o, t)))),
          n > MAX_OVERWRITES ? el(doc, "p", { class: "pm-muted" }, t("previewMore", { count: n - MAX_OVERWRITES })) : null,
          el(doc, "label", { class: "pm-check-label", for: confirm.id }, confirm, " ", t("overwriteConfirm", { count: n })),
          el(doc, "p", { class: "pm-help" }, t("overwriteSkipped")),
        )
      : null;
  const element = el(
    doc,
    "section",
    { class: "pm-preview", id: `${ids}-preview`, "aria-label": `${t("previewTitle")}: ${preview.plan.title[lang]}` },
    el(doc, "h3", { class: "pm-preview-title" }, `${t("previewTitle")}: ${preview.plan.title[lang]}`),
    summary ? el(doc, "p", { class: "pm-preview-summary" }, summary) : null,
    details,
    overwrites,
    el(doc, "div", { class: "pm-buttons" }, apply, cancel),
  );
  apply.addEventListener("click", () => handlers.apply(n > 0 && confirm.checked));
  cancel.addEventListener("click", () => handlers.cancel());
  return { element, confirmed: () => n > 0 && confirm.checked, focus: () => apply.focus() };
}
