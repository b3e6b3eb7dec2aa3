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

/** Findings by severity, accepted ones counted apart (whatever their severity). */
export function countFindings(findings: readonly Finding[]): Omit<ReportSummary, "risks"> {
  const out = { errors: 0, warnings: 0, infos: 0, accepted: 0 };
  for (const f of findings) {
    if (f.accepted) out.accepted++;
    else if (f.severity === "error") out.errors++;
    else if (f.severity === "warning") out.warnings++;
    else out.infos++;
  }
  return out;
}

export function summarise(findings: readonly Finding[], model: WorkbookModel): ReportSummary {
  return { ...countFindings(findings), risks: riskCounts(model) };
}
