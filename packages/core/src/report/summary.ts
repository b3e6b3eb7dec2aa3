import type { Finding } from "../findings/finding";
import type { WorkbookModel } from "../model/workbook";
import type { ReportSummary, RiskCounts } from "./types";

/**
 * Risk level counts from each row's assessment (model/assess.ts): the level the model gives, or, for
 * a qualitative sheet, the level word it reads. A row whose model inputs are missing or unusable
 * is incomplete (never scored by guess); a sheet without any scoring column is not counted.
 * A drafted row still to review is incomplete whatever it holds: a draft is not an analysis.
 */
export function riskCounts(model: WorkbookModel): RiskCounts {
  const counts: RiskCounts = { high: 0, medium: 0, low: 0, incomplete: 0 };
  for (const e of model.riskEntries) {
    if (e.draft) {
      counts.incomplete++;
      continue;
    }
    const a = e.assessment;
    if (!a) continue;
    if (a.inherent.result.ok) counts[a.inherent.result.level]++;
    else counts.incomplete++;
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
