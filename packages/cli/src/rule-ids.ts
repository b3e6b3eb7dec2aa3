import { RULE_IDS } from "@pmark/core";

/**
 * `--rule` and `--skip-rule` reject a typo instead of silently selecting nothing: the known ids
 * are core's catalogue (RULE_IDS), and a category prefix ending in "/" selects a whole group.
 */
const CATEGORIES = new Set(RULE_IDS.map((id) => id.slice(0, id.indexOf("/") + 1)));
const IDS = new Set<string>(RULE_IDS);

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
