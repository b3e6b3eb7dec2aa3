import type { Severity } from "../findings/finding";
import type { ExtraSynonyms } from "../glossary/match";
import { DEFAULT_PROFILE } from "./default";
import type { PhaseDef, ProfileInput } from "./schema";

/** A profile with every default filled in: what the recogniser and the rules read. */
export interface ResolvedProfile {
  id: string;
  version: string;
  synonyms: ExtraSynonyms;
  /** Each entry lists alternative fields, any one of which satisfies it. */
  required: string[][];
  expected: string[][];
  phases: readonly PhaseDef[];
  reviewMonths: { ledger: number; risk: number; contractors: number; laws: number; training: number };
  rules: Readonly<Record<string, Severity | "off">>;
}

function alternatives(list: readonly string[]): string[][] {
  return list.map((entry) => entry.split("|").map((s) => s.trim()).filter(Boolean));
}

const cache = new WeakMap<object, ResolvedProfile>();

/** Fills a (possibly partial) profile with the default profile's values. */
export function resolveProfile(input: ProfileInput = DEFAULT_PROFILE): ResolvedProfile {
  const hit = cache.get(input);
  if (hit) return hit;
  const d = DEFAULT_PROFILE;
  const resolved: ResolvedProfile = {
    id: input.id,
    version: input.version,
    synonyms: input.fields?.synonyms ?? {},
    required: alternatives(input.fields?.required ?? d.fields.required),
    expected: alternatives(input.fields?.expected ?? d.fields.expected),
    phases: input.phases ?? d.phases,
    reviewMonths: { ...d.reviewIntervalMonths, ...(input.reviewIntervalMonths ?? {}) },
    rules: input.rules ?? {},
  };
  cache.set(input, resolved);
  return resolved;
}
