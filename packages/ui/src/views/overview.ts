import { KIND_LABELS, type Coverage, type Readiness, type ReadinessComponentId } from "@pmark/core";
import type { PaneContext, View } from "../context";
import { el, replaceChildren } from "../dom";
import type { MessageKey } from "../messages";

/**
 * The overview: the readiness figure and what it is made of, risk analysis by phase and by
 * department, and the sheets read with what each was recognised as. A check that could not
 * read every sheet shows no readiness or coverage: both compare sheets.
 */

const COMPONENT_KEYS: Record<ReadinessComponentId, MessageKey> = {
  columns: "readinessColumns",
  rows: "readinessRows",
  phases: "readinessPhases",
  scoring: "readinessScoring",
  areas: "readinessAreas",
};

/** Appends one child per item (a loop: departments and sheets can be many). */
function appendAll<T>(parent: HTMLElement, items: readonly T[], make: (item: T) => HTMLElement): HTMLElement {
  for (const item of items) parent.appendChild(make(item));
  return parent;
}

export function overviewView(ctx: PaneContext): View {
  const { doc, t, lang } = ctx;
  const rowsOf = <T>(items: readonly T[], make: (item: T) => HTMLElement) => appendAll(el(doc, "tbody"), items, make);
  const body = el(doc, "div", { class: "pm-overview" }, el(doc, "p", { class: "pm-muted" }, t("overviewNone")));
  const panel = el(doc, "section", { class: "pm-panel" }, body);

  const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
  const meter = (ratio: number, label: string) => el(doc, "span", { class: "pm-meter", role: "img", "aria-label": `${label} ${percent(ratio)}` }, el(doc, "span", { class: "pm-meter-fill", style: `width:${percent(ratio)}` }));

  const readinessBlock = (r: Readiness) =>
    el(
      doc,
      "section",
      { class: "pm-readiness", "aria-labelledby": "pm-readiness-title" },
      el(doc, "h2", { id: "pm-readiness-title" }, t("readinessTitle")),
      el(doc, "p", { class: "pm-score", id: "pm-readiness-score" }, t("readinessScore", { score: r.score })),
      el(
        doc,
        "table",
        { class: "pm-table" },
        el(doc, "tbody", undefined, ...r.components.map((c) => {
          const label = t(COMPONENT_KEYS[c.id]);
          return el(doc, "tr", undefined, el(doc, "th", { scope: "row" }, label), el(doc, "td", undefined, t("readinessValue", { met: c.met, of: c.of })), el(doc, "td", undefined, meter(c.ratio, label)));
        })),
      ),
    );

  const coverageBlock = (c: Coverage) => {
    const phases = el(
      doc,
      "table",
      { class: "pm-table", id: "pm-coverage-phases" },
      el(doc, "caption", undefined, t("coveragePhasesTitle")),
      el(doc, "thead", undefined, el(doc, "tr", undefined, el(doc, "th", { scope: "col" }, t("colPhase")), el(doc, "th", { scope: "col" }, t("colAnalysed")), el(doc, "th", { scope: "col" }, el(doc, "span", { class: "pm-visually-hidden" }, "%")))),
      el(doc, "tbody", undefined, ...c.phases.map((p) => {
        const ratio = p.applicable > 0 ? p.analysed / p.applicable : 1;
        return el(doc, "tr", undefined, el(doc, "th", { scope: "row" }, p.label[lang]), el(doc, "td", undefined, t("analysedOf", { analysed: p.analysed, of: p.applicable })), el(doc, "td", undefined, meter(ratio, p.label[lang])));
      })),
    );
    const departments =
      c.departments.length > 0
        ? el(
            doc,
            "table",
            { class: "pm-table", id: "pm-coverage-departments" },
            el(doc, "caption", undefined, t("coverageDepartmentsTitle")),
            el(doc, "thead", undefined, el(doc, "tr", undefined, el(doc, "th", { scope: "col" }, t("colDepartment")), el(doc, "th", { scope: "col" }, t("colAnalysed")), el(doc, "th", { scope: "col" }, t("colFindings")))),
            rowsOf(c.departments, (d) =>
              el(doc, "tr", undefined, el(doc, "th", { scope: "row" }, d.department === "" ? t("noDepartment") : d.department), el(doc, "td", undefined, t("analysedOf", { analysed: d.analysed, of: d.items })), el(doc, "td", undefined, String(d.findings))),
            ),
          )
        : null;
    return el(doc, "div", { class: "pm-coverage" }, phases, departments);
  };

  const render = () => {
    const report = ctx.report();
    if (!report) return replaceChildren(body, el(doc, "p", { class: "pm-muted" }, t("overviewNone")));
    const sheets = el(
      doc,
      "section",
      { class: "pm-sheets-read", "aria-labelledby": "pm-sheets-read-title" },
      el(doc, "h2", { id: "pm-sheets-read-title" }, t("sheetsRead")),
      appendAll(el(doc, "ul", { class: "pm-sheet-kinds", id: "pm-sheet-kinds" }), report.sheets, (s) =>
        el(doc, "li", { "data-kind": s.kind }, el(doc, "span", { class: "pm-sheet-name" }, s.name), " ", el(doc, "span", { class: "pm-kind" }, KIND_LABELS[s.kind][lang]), s.rows > 0 ? el(doc, "span", { class: "pm-muted" }, ` · ${t("sheetRows", { rows: s.rows })}`) : null),
      ),
    );
    const overview = report.overview;
    replaceChildren(
      body,
      overview ? readinessBlock(overview.readiness) : el(doc, "p", { class: "pm-notice" }, t("overviewPartial")),
      overview ? coverageBlock(overview.coverage) : null,
      sheets,
    );
  };
  ctx.on("report", render);
  return { id: "overview", label: t("tabOverview"), panel };
}
