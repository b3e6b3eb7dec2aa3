import type { Finding } from "../findings/finding";
import type { RuleId } from "../rules/ids";
import { countFindings } from "./summary";
import type { WorkbookReport } from "./types";

/**
 * A check of part of a workbook (a host skipped sheets it could not read in time or at all):
 * what it may still say. A finding is kept only when reading the skipped sheets could never
 * take it back: its rule judges one row or one sheet on its own, and its sheet was read. Rules
 * that compare sheets (a ledger item's risk analysis, a contractor in the register, the laws
 * list, coverage, the workbook as a whole) are withheld, as is the overview built from them.
 * Any rule not listed here is withheld, so a new rule is safe until it is judged.
 */
export const SOUND_ON_PART: ReadonlySet<RuleId> = new Set<RuleId>([
  "header/missing-column",
  "header/duplicate-column",
  "cell/invalid-value",
  "template/outdated",
  "ledger/required-empty",
  "ledger/duplicate-id",
  "ledger/sensitive-without-consent",
  "ledger/sensitive-unflagged",
  "ledger/provision-without-consent",
  "ledger/overseas-provision-unspecified",
  "ledger/direct-acquisition-without-consent",
  "ledger/review-overdue",
  "ledger/retention-below-legal",
  "ledger/mynumber-retention-indefinite",
  "ledger/mixed-media-row",
  "ledger/2023-category-missing",
  "ledger/mynumber-out-of-scope",
  "ledger/indirect-acquisition-unnoticed",
  "ledger/retention-indefinite",
  "ledger/provision-unrecorded",
  "ledger/use-after-retention",
  "risk/review-overdue",
  "risk/no-risk-described",
  "risk/incomplete-scoring",
  "risk/score-mismatch",
  "risk/high-without-measure",
  "risk/residual-not-accepted",
  "risk/residual-exceeds-inherent",
  "risk/compliance-risk-accepted",
  "risk/unknown-phase",
  "risk/vague-measure",
  "contractor/evaluation-overdue",
  "contractor/evaluation-failed",
  "contractor/no-agreement",
  "laws/review-overdue",
  "laws/obsolete",
  "training/no-test-result",
  "audit/self-audit",
  "audit/open-nonconformity",
]);

export interface PartialReport extends WorkbookReport {
  /** Findings left out because they may depend on a sheet that was not read. */
  withheld: number;
}

/** The report of a check that read all sheets but `skipped`, cut to what stays true whatever those hold. */
export function partialReport(report: WorkbookReport, skipped: readonly string[]): PartialReport {
  if (skipped.length === 0) return { ...report, withheld: 0 };
  const unread = new Set(skipped);
  const kept: Finding[] = report.findings.filter((f) => SOUND_ON_PART.has(f.rule) && !unread.has(f.sheet));
  const summary = { ...report.summary, ...countFindings(kept) };
  const { overview: _dropped, ...rest } = report;
  return { ...rest, findings: kept, summary, withheld: report.findings.length - kept.length };
}
