import type { Finding } from "../findings/finding";
import { readLevel, readScale } from "../read/level";
import { fieldCell } from "../read/records";
import type { WorkbookModel } from "../rules/model";
import type { ReportSummary, RiskCounts } from "./types";

/**
 * Risk level counts. The stored level is used when it can be read; otherwise likelihood ×
 * impact on the default 1–3 scales (1–2 低, 3–4 中, 6–9 高). A row that has scoring columns but
 * not the inputs to give it a level is incomplete; a sheet without scoring columns is not counted.
 */
export function riskCounts(model: WorkbookModel): RiskCounts {
  const counts: RiskCounts = { high: 0, medium: 0, low: 0, incomplete: 0 };
  for (const e of model.riskEntries) {
    const s = e.sheet;
    const scored = ["level", "score", "likelihood", "impact"].some((f) => s.byField.has(f));
    if (!scored) continue;
    const level = readLevel(fieldCell(s, e.row, "level", e.group).value);
    if (level && level.ok) {
      counts[level.value]++;
      continue;
    }
    const l = readScale(fieldCell(s, e.row, "likelihood", e.group).value, 1, 3);
    const i = readScale(fieldCell(s, e.row, "impact", e.group).value, 1, 3);
    if (l && l.ok && i && i.ok) {
      const score = l.value * i.value;
      counts[score >= 6 ? "high" : score >= 3 ? "medium" : "low"]++;
    } else {
      counts.incomplete++;
    }
  }
  return counts;
}

export function summarise(findings: readonly Finding[], model: WorkbookModel): ReportSummary {
  const summary: ReportSummary = { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: riskCounts(model) };
  for (const f of findings) {
    if (f.accepted) {
      summary.accepted++;
      continue;
    }
    if (f.severity === "error") summary.errors++;
    else if (f.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
