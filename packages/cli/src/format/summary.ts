import type { ReportSummary } from "@pmark/core";
import type { FileResult } from "../check-file";

export function emptySummary(): ReportSummary {
  return { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } };
}

export function addSummary(a: ReportSummary, b: ReportSummary): ReportSummary {
  return {
    errors: a.errors + b.errors,
    warnings: a.warnings + b.warnings,
    infos: a.infos + b.infos,
    accepted: a.accepted + b.accepted,
    risks: {
      high: a.risks.high + b.risks.high,
      medium: a.risks.medium + b.risks.medium,
      low: a.risks.low + b.risks.low,
      incomplete: a.risks.incomplete + b.risks.incomplete,
    },
  };
}

/**
 * 0 no errors, 1 an error-severity finding that is not accepted, 2 an input that could not be
 * read (which wins: the run is incomplete even if other files had errors).
 */
export function exitStatus(results: readonly FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => !r.ok)) return 2;
  const errors = results.some((r) => r.ok && r.report.findings.some((f) => f.severity === "error" && !f.accepted));
  return errors ? 1 : 0;
}
