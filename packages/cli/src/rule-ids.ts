import { ruleCatalogue } from "@pmark/core";
import { closest } from "./suggest";

/**
 * The rule ids users may name (`--rule`, `--skip-rule`, a profile's `rules` and
 * `suppressions`), from core's rule catalogue: the one list, so a rule added to core is known
 * here at once. A category prefix ending in "/" selects a whole group.
 */
export function ruleIds(): readonly string[] {
  return ruleCatalogue().map((r) => r.id);
}

function categories(ids: readonly string[]): Set<string> {
  return new Set(ids.map((id) => id.slice(0, id.indexOf("/") + 1)));
}

export function isKnownRuleId(value: string): boolean {
  return ruleIds().includes(value);
}

export function isKnownRuleSelector(value: string): boolean {
  const ids = ruleIds();
  return ids.includes(value) || categories(ids).has(value);
}

/** The closest known id (or category), when one is close enough to be a likely typo. */
export function suggestRuleId(value: string, withCategories = true): string | undefined {
  const ids = ruleIds();
  return closest(value, withCategories ? [...ids, ...categories(ids)] : ids);
}
