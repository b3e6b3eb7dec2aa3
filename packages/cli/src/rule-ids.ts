/**
 * The stable rule ids of PRODUCT.md §4, so that `--rule` and `--skip-rule` can reject a typo
 * instead of silently selecting nothing. A category prefix ending in "/" selects a whole group.
 */
export const RULE_IDS: readonly string[] = [
  "sheet/missing",
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
  "ledger/pms-records-missing",
  "ledger/2023-category-missing",
  "risk/orphan-row",
  "risk/phase-missing",
  "risk/unknown-phase",
  "risk/no-risk-described",
  "risk/incomplete-scoring",
  "risk/score-mismatch",
  "risk/high-without-measure",
  "risk/residual-not-accepted",
  "risk/residual-exceeds-inherent",
  "risk/compliance-risk-accepted",
  "risk/sensitive-impact-floor",
  "risk/flat-scoring",
  "risk/vague-measure",
  "contractor/not-registered",
  "contractor/name-near-miss",
  "contractor/evaluation-overdue",
  "contractor/evaluation-failed",
  "contractor/no-agreement",
  "contractor/unused",
  "laws/missing-core",
  "laws/missing-mynumber",
  "laws/review-overdue",
  "training/overdue",
  "training/no-test-result",
  "audit/self-audit",
  "audit/department-not-covered",
  "audit/open-nonconformity",
  "review/overdue",
];

const CATEGORIES = new Set(RULE_IDS.map((id) => id.slice(0, id.indexOf("/") + 1)));
const IDS = new Set(RULE_IDS);

export function isKnownRuleSelector(value: string): boolean {
  return IDS.has(value) || CATEGORIES.has(value);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest known id, when one is close enough to be a likely typo. */
export function suggestRuleId(value: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const id of [...RULE_IDS, ...CATEGORIES]) {
    const d = distance(value.toLowerCase(), id);
    if (d < bestD) {
      bestD = d;
      best = id;
    }
  }
  return bestD <= Math.max(2, Math.floor(value.length / 5)) ? best : undefined;
}
