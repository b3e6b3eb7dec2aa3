import type { PaneContext, View } from "../context";
import { el, replaceChildren } from "../dom";
import { heatMapView } from "../heatmap";

/** The risk map view: the likelihood × impact heat maps and the level counts of the last check. */
export function heatView(ctx: PaneContext): View {
  const body = el(ctx.doc, "div", { class: "pm-heat-panel" }, heatMapView(ctx.doc, null, ctx.t, ctx.lang));
  const panel = el(ctx.doc, "section", { class: "pm-panel" }, body);
  ctx.on("report", () => replaceChildren(body, heatMapView(ctx.doc, ctx.report(), ctx.t, ctx.lang)));
  return { id: "heat", label: ctx.t("tabHeatMap"), panel };
}
