import { SEVERITIES, type Severity } from "../findings/finding";
import type { WorkbookReport } from "../report/types";
import { rectAddress, rectanglesOf } from "./cells";
import type { WriteOp, WritePlan } from "./types";

/** Fill per severity: Excel's own "Bad", "Neutral" and a light blue, readable with black text. */
export const SEVERITY_FILLS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One `highlight` op per sheet and severity: each finding's cell takes the colour of the most
 * severe finding on it, and cells are merged into rectangles (B2:B40 rather than 39 cells).
 * Accepted findings are not painted. Sheets keep the report's order.
 */
export function highlightPlan(report: WorkbookReport): WritePlan {
  const bySheet = new Map<string, Map<string, { row: number; col: number; severity: Severity }>>();
  for (const f of report.findings) {
    if (f.accepted) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const key = `${f.row}:${f.col}`;
    const prev = cells.get(key);
    if (!prev || RANK[f.severity] < RANK[prev.severity]) cells.set(key, { row: f.row, col: f.col, severity: f.severity });
  }
  const ops: WriteOp[] = [];
  for (const [sheet, cells] of bySheet) {
    for (const severity of SEVERITIES) {
      const mine = [...cells.values()].filter((c) => c.severity === severity);
      if (mine.length === 0) continue;
      ops.push({ op: "highlight", sheet, cells: rectanglesOf(mine).map(rectAddress), fill: SEVERITY_FILLS[severity] });
    }
  }
  return { title: { ja: "指摘セルの色付け", en: "Highlight findings" }, ops };
}
