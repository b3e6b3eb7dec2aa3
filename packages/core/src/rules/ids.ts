import type { Severity } from "../findings/finding";

/**
 * The catalogue of stable rule ids (PRODUCT.md §4), sorted. A rule id is one of these: `defineRule`,
 * profiles' severity tables and the CLI's `--rule` check against this list, and the catalogue
 * test checks it against the rule files. Ids are added, never renamed or reused.
 */
export const RULE_IDS = [
  "audit/department-not-covered",
  "audit/open-nonconformity",
  "audit/self-audit",
  "cell/invalid-value",
  "contractor/evaluation-failed",
  "contractor/evaluation-overdue",
  "contractor/name-near-miss",
  "contractor/no-agreement",
  "contractor/not-registered",
  "contractor/unused",
  "header/duplicate-column",
  "header/missing-column",
  "laws/missing-core",
  "laws/missing-mynumber",
  "laws/obsolete",
  "laws/review-overdue",
  "laws/sector-missing",
  "ledger/2023-category-missing",
  "ledger/direct-acquisition-without-consent",
  "ledger/duplicate-id",
  "ledger/indirect-acquisition-unnoticed",
  "ledger/mixed-media-row",
  "ledger/mynumber-out-of-scope",
  "ledger/mynumber-retention-indefinite",
  "ledger/overseas-provision-unspecified",
  "ledger/pms-records-missing",
  "ledger/provision-unrecorded",
  "ledger/provision-without-consent",
  "ledger/required-empty",
  "ledger/retention-below-legal",
  "ledger/retention-indefinite",
  "ledger/review-overdue",
  "ledger/sensitive-unflagged",
  "ledger/sensitive-without-consent",
  "ledger/use-after-retention",
  "review/overdue",
  "risk/cloud-storage-unanalysed",
  "risk/compliance-risk-accepted",
  "risk/flat-scoring",
  "risk/high-without-measure",
  "risk/incomplete-scoring",
  "risk/no-risk-described",
  "risk/orphan-row",
  "risk/phase-missing",
  "risk/residual-exceeds-inherent",
  "risk/residual-not-accepted",
  "risk/review-overdue",
  "risk/score-mismatch",
  "risk/sensitive-impact-floor",
  "risk/unknown-phase",
  "risk/vague-measure",
  "sheet/missing",
  "template/outdated",
  "training/no-test-result",
  "training/overdue",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** The area of an id: the part before the slash. */
export type AreaOf<I extends string> = I extends `${infer A}/${string}` ? A : never;

/** The areas of the catalogue. */
export type RuleArea = AreaOf<RuleId>;

/** A severity or "off" per rule id, as a profile gives them: a misspelt id does not compile. */
export type RuleSeverities = Partial<Record<RuleId, Severity | "off">>;

const IDS: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether a text is a rule id of the catalogue (for ids read from files and command lines). */
export function isRuleId(text: string): text is RuleId {
  return IDS.has(text);
}
