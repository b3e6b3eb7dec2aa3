import type { HeatMap } from "../types";

/**
 * The heat map's grid as every view draws it (the HTML report and the add-ins' pane): rows from
 * the highest likelihood down, impact across, each cell with its count and the level its
 * likelihood × impact falls in. Views only add their own geometry and colours.
 */

export type HeatZone = "high" | "medium" | "low";

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  zone: HeatZone;
}

/** Level thresholds of likelihood × impact on the common square scales (the default profile's on 1–3). */
const SQUARE: Readonly<Record<number, { medium: number; high: number }>> = { 3: { medium: 3, high: 6 }, 4: { medium: 4, high: 9 }, 5: { medium: 5, high: 15 } };

function zoneOf(score: number, maxScore: number, scaleMax: number): HeatZone {
  const t = SQUARE[scaleMax] ?? { medium: maxScore / 3, high: (2 * maxScore) / 3 };
  return score >= t.high ? "high" : score >= t.medium ? "medium" : "low";
}

/** The cells of one of the map's grids (`counts` is `map.before` or `map.after`), top row first. */
export function heatMapCells(map: HeatMap, counts: readonly (readonly number[])[]): HeatCell[][] {
  const ls = map.likelihood;
  const is = map.impact;
  const maxScore = ls.max * is.max;
  const scaleMax = Math.max(ls.max, is.max);
  const rows: HeatCell[][] = [];
  for (let likelihood = ls.max; likelihood >= ls.min; likelihood--) {
    const row: HeatCell[] = [];
    for (let impact = is.min; impact <= is.max; impact++) {
      const count = counts[likelihood - ls.min]?.[impact - is.min] ?? 0;
      row.push({ likelihood, impact, count, zone: zoneOf(likelihood * impact, maxScore, scaleMax) });
    }
    rows.push(row);
  }
  return rows;
}

/** Rows placed on one of the map's grids. */
export function heatMapTotal(counts: readonly (readonly number[])[]): number {
  let n = 0;
  for (const row of counts) for (const v of row) n += v;
  return n;
}
