import { KIND_LABELS, type SheetExplanation, type SkippedRole } from "@pmark/core";
import type { PaneContext, View } from "../context";
import { el, replaceChildren } from "../dom";
import type { MessageKey } from "../messages";

/**
 * How each sheet was read (core's explanation of the last check): its kind and why, the header
 * rows, each column's role with the evidence from its header and its values, the columns left
 * unassigned, the rows not read as data and why, and the scoring rule with where it came from.
 * A user who doubts a finding sees what the reader saw, and can fix the sheet. One collapsible
 * section per sheet (native <details>, reachable and opened by keyboard).
 */

const SKIPPED: Record<SkippedRole, MessageKey> = {
  emptySlot: "skipEmptySlot",
  subHeading: "skipSubHeading",
  example: "skipExample",
  note: "skipNote",
  total: "skipTotal",
};

const SOURCE: Record<"header" | "values" | "formula", MessageKey> = {
  header: "sourceHeader",
  values: "sourceValues",
  formula: "sourceFormula",
};

export function readingView(ctx: PaneContext): View {
  const { doc, t, lang } = ctx;
  const body = el(doc, "div", { class: "pm-reading" }, el(doc, "p", { class: "pm-muted" }, t("readingNone")));
  const panel = el(doc, "section", { class: "pm-panel" }, body);

  const rows = (from: number, to: number) => (from === to ? t("readingRow", { row: from }) : t("readingRowRange", { from, to }));

  const sheetSection = (s: SheetExplanation, index: number) => {
    const id = `pm-reading-${index}`;
    const parts: HTMLElement[] = [el(doc, "p", { class: "pm-reading-why" }, el(doc, "span", { class: "pm-label" }, `${t("readingWhy")}: `), s.why[lang])];
    if (s.kind !== "unknown") {
      const layout = s.layout ? ` · ${t(s.layout === "wide" ? "readingWide" : "readingLong")}` : "";
      parts.push(el(doc, "p", undefined, t("readingHeaderRows", { rows: s.headerRows.join(", ") }), layout));
      const columns = el(doc, "ul", { class: "pm-reading-columns", "aria-labelledby": `${id}-columns` });
      for (const c of s.columns) {
        const evidence = c.evidence.map((e) => e[lang]).join(lang === "ja" ? "、" : "; ");
        const how = `${t(SOURCE[c.source])} ${Math.round(c.confidence * 100)}%${c.wordScale ? ` · ${t("readingWordScale")}` : ""}`;
        columns.appendChild(
          el(
            doc,
            "li",
            { "data-col": c.col, "data-field": c.field },
            el(doc, "span", { class: "pm-col" }, c.col),
            " ",
            el(doc, "strong", undefined, c.label[lang]),
            c.phase ? el(doc, "span", { class: "pm-muted" }, ` @${c.phase}`) : null,
            el(doc, "span", { class: "pm-muted" }, ` (${how})`),
            el(doc, "span", { class: "pm-evidence" }, evidence),
          ),
        );
      }
      for (const u of s.unassigned) {
        columns.appendChild(
          el(doc, "li", { class: "pm-unassigned", "data-col": u.col }, el(doc, "span", { class: "pm-col" }, u.col), " ", t("readingUnassigned", { header: u.header }), u.reason ? el(doc, "span", { class: "pm-evidence" }, u.reason[lang]) : null),
        );
      }
      parts.push(el(doc, "h3", { id: `${id}-columns` }, t("readingColumns")), columns);
      const span = s.rows.first !== undefined && s.rows.last !== undefined ? ` (${rows(s.rows.first, s.rows.last)})` : "";
      parts.push(el(doc, "p", undefined, t("readingItems", { items: s.rows.items }), span));
      if (s.rows.skipped.length > 0) {
        const skipped = el(doc, "ul", { class: "pm-reading-skipped", "aria-labelledby": `${id}-skipped` });
        for (const k of s.rows.skipped) skipped.appendChild(el(doc, "li", { "data-role": k.role }, rows(k.from, k.to), ": ", t(SKIPPED[k.role])));
        parts.push(el(doc, "h3", { id: `${id}-skipped` }, t("readingSkipped")), skipped);
      }
      if (s.scoring) {
        parts.push(
          el(
            doc,
            "p",
            { class: "pm-reading-scoring" },
            el(doc, "span", { class: "pm-label" }, `${t("readingScoring")}: `),
            s.scoring.rule[lang],
            s.scoring.departs ? el(doc, "span", { class: "pm-notice-inline" }, ` ${t("readingDeparts")}`) : null,
          ),
        );
      }
    }
    return el(
      doc,
      "details",
      { class: "pm-sheet pm-reading-sheet", id, "data-kind": s.kind },
      el(doc, "summary", { id: `${id}-summary` }, el(doc, "span", { class: "pm-sheet-name" }, s.name), " ", el(doc, "span", { class: "pm-kind" }, KIND_LABELS[s.kind][lang])),
      ...parts,
    );
  };

  const render = () => {
    const sheets = ctx.report()?.explanation?.sheets;
    if (!sheets || sheets.length === 0) return replaceChildren(body, el(doc, "p", { class: "pm-muted" }, t("readingNone")));
    const list = el(doc, "div", { class: "pm-reading-sheets" });
    sheets.forEach((s, i) => list.appendChild(sheetSection(s, i)));
    replaceChildren(body, el(doc, "p", { class: "pm-muted" }, t("readingIntro")), list);
  };
  ctx.on("report", render);
  return { id: "reading", label: t("tabReading"), panel };
}
