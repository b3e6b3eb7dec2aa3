import { heatMapCells, heatMapTotal, type HeatMap, type Lang, type RiskCounts, type WorkbookReport } from "@pmark/core";
import { el, svg } from "./dom";
import type { Translate } from "./messages";

/**
 * The risk heat map drawn as an inline SVG built with DOM calls: likelihood up, impact across,
 * each cell's count written in it and coloured by the level its score falls in. Before and
 * after measures side by side when the report has an overview; the level counts always.
 */

const FILL = {
  high: { empty: "#FDE7E9", full: "#E8A0A8" },
  medium: { empty: "#FFF8DB", full: "#F5D76E" },
  low: { empty: "#EAF6EC", full: "#A8D5B0" },
} as const;

const CELL = 34;
const AXIS = 26;

function matrix(doc: Document, heat: HeatMap, counts: number[][], title: string, t: Translate): SVGSVGElement {
  const ls = heat.likelihood;
  const is = heat.impact;
  const rows = ls.max - ls.min + 1;
  const cols = is.max - is.min + 1;
  const width = AXIS + cols * CELL + 4;
  const height = rows * CELL + AXIS + 4;
  const root = svg(doc, "svg", {
    class: "pm-heat",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": t("heatMapLabel", { title }),
  });
  root.appendChild(svg(doc, "title", undefined, t("heatMapLabel", { title })));
  heatMapCells(heat, counts).forEach((cells, r) => {
    const y = r * CELL;
    cells.forEach(({ likelihood, impact, count: n, zone: level }, c) => {
      const x = AXIS + c * CELL;
      const g = svg(doc, "g", { class: `pm-heat-cell pm-${level}`, "data-likelihood": likelihood, "data-impact": impact, "data-count": n });
      g.appendChild(svg(doc, "title", undefined, t("heatCellTitle", { likelihood, impact, count: n })));
      g.appendChild(svg(doc, "rect", { x, y, width: CELL - 2, height: CELL - 2, rx: 3, fill: n > 0 ? FILL[level].full : FILL[level].empty }));
      if (n > 0) g.appendChild(svg(doc, "text", { x: x + (CELL - 2) / 2, y: y + CELL / 2 + 3, "text-anchor": "middle", class: "pm-heat-count" }, String(n)));
      root.appendChild(g);
    });
    root.appendChild(svg(doc, "text", { x: AXIS - 6, y: y + CELL / 2 + 3, "text-anchor": "end", class: "pm-heat-axis" }, String(ls.max - r)));
  });
  for (let c = 0; c < cols; c++) {
    root.appendChild(svg(doc, "text", { x: AXIS + c * CELL + (CELL - 2) / 2, y: rows * CELL + 14, "text-anchor": "middle", class: "pm-heat-axis" }, String(is.min + c)));
  }
  return root;
}

function levelBars(doc: Document, risks: RiskCounts, t: Translate): HTMLElement {
  const items = [
    { key: "high", label: t("levelHigh"), n: risks.high },
    { key: "medium", label: t("levelMedium"), n: risks.medium },
    { key: "low", label: t("levelLow"), n: risks.low },
    { key: "incomplete", label: t("levelIncomplete"), n: risks.incomplete },
  ];
  const max = items.reduce((m, i) => Math.max(m, i.n), 1);
  const width = 220;
  const chart = svg(doc, "svg", { class: "pm-levels-chart", viewBox: `0 0 ${width} ${items.length * 22}`, width, height: items.length * 22, role: "img", "aria-label": t("levelsTitle") });
  items.forEach((item, i) => {
    const y = i * 22;
    chart.appendChild(svg(doc, "text", { x: 0, y: y + 14, class: "pm-heat-axis" }, item.label));
    chart.appendChild(svg(doc, "rect", { x: 60, y: y + 3, width: Math.max(2, ((width - 100) * item.n) / max), height: 14, rx: 2, class: `pm-bar pm-${item.key}` }));
    chart.appendChild(svg(doc, "text", { x: width - 4, y: y + 14, "text-anchor": "end", class: "pm-heat-axis" }, String(item.n)));
  });
  return el(doc, "figure", { class: "pm-levels" }, el(doc, "figcaption", undefined, t("levelsTitle")), chart);
}

function isHeatMap(v: unknown): v is HeatMap {
  const h = v as HeatMap | null | undefined;
  return !!h && Array.isArray(h.before) && Array.isArray(h.after) && typeof h.likelihood?.min === "number" && typeof h.impact?.max === "number";
}

/** The heat map section's content for a report (or a hint when there is none yet). */
export function heatMapView(doc: Document, report: WorkbookReport | null, t: Translate, lang: Lang): HTMLElement {
  const box = el(doc, "div", { class: "pm-heatmaps" });
  if (!report) {
    box.appendChild(el(doc, "p", { class: "pm-muted" }, t("heatNone")));
    return box;
  }
  const heat = report.overview?.heatMap;
  if (isHeatMap(heat)) {
    const axes = (title: string, counts: number[][]) =>
      el(
        doc,
        "figure",
        { class: "pm-heat-figure" },
        el(doc, "figcaption", undefined, title),
        el(doc, "div", { class: "pm-heat-axes" }, el(doc, "span", { class: `pm-axis-y pm-axis-y-${lang}` }, t("heatLikelihood")), matrix(doc, heat, counts, title, t)),
        el(doc, "div", { class: "pm-axis-x" }, t("heatImpact")),
      );
    box.appendChild(axes(t("heatBefore"), heat.before));
    if (heatMapTotal(heat.after) > 0) box.appendChild(axes(t("heatAfter"), heat.after));
    if (heat.unplaced.before > 0) box.appendChild(el(doc, "p", { class: "pm-muted" }, t("heatUnplaced", { count: heat.unplaced.before })));
  }
  box.appendChild(levelBars(doc, report.summary.risks, t));
  return box;
}
