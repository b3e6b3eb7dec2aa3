import type { PhaseDef } from "../profile/schema";
import { partyPresence, type LedgerItem } from "../model/records";
import type { RecognisedSheet } from "../recognise/sheet";
import type { RiskLinks } from "./links";

/**
 * Which phases apply to each ledger item and which of them its risk rows cover: what
 * `risk/phase-missing`, the coverage by phase and department and the readiness figure all read.
 * 委託・提供 applies only to an item with a contractor or a recipient. When no risk sheet records
 * phases (no phase column, no phase column groups), any linked row covers every phase. A drafted
 * row still to review covers its phase (nothing is missing) but does not make it analysed.
 */
export interface PhaseCoverage {
  /** Whether some risk sheet records phases at all. */
  phased: boolean;
  phases: readonly PhaseDef[];
  /** Item i's phase p is at i × phases.length + p (1: applies / covered). */
  applies: Uint8Array;
  covered: Uint8Array;
  /** Covered by a row that is not a draft still to review: what counts as analysed. */
  analysed: Uint8Array;
  /** Items for which every applicable phase is covered. */
  full: number;
  /** Items for which every applicable phase is analysed (drafts left out). */
  fullAnalysed: number;
}

/** Whether an item has a contractor or a recipient named: the 委託・提供 phase applies only then. */
export function hasParty(item: LedgerItem): boolean {
  return partyPresence(item.contractor) === "present" || partyPresence(item.recipient) === "present";
}

export function phaseCoverage(riskSheets: readonly RecognisedSheet[], items: readonly LedgerItem[], links: RiskLinks, phases: readonly PhaseDef[]): PhaseCoverage {
  const phased = riskSheets.some((s) => s.layout === "wide" || s.byField.has("phase"));
  const n = phases.length;
  // A profile could list a phase id twice: a row of that phase covers both places.
  const indexesOf = new Map<string, number[]>();
  phases.forEach((p, k) => indexesOf.set(p.id, [...(indexesOf.get(p.id) ?? []), k]));
  const applies = new Uint8Array(items.length * n);
  const covered = new Uint8Array(items.length * n);
  const analysed = new Uint8Array(items.length * n);
  const partyOnly = phases.some((p) => p.appliesWhen === "contractorOrRecipient");
  let full = 0;
  let fullAnalysed = 0;
  items.forEach((item, i) => {
    const base = i * n;
    const party = partyOnly && hasParty(item);
    for (let k = 0; k < n; k++) applies[base + k] = (phases[k] as PhaseDef).appliesWhen !== "contractorOrRecipient" || party ? 1 : 0;
    const entries = links.entriesOf.get(item) ?? [];
    if (!phased) {
      if (entries.length > 0) covered.fill(1, base, base + n);
      if (entries.some((e) => !e.draft)) analysed.fill(1, base, base + n);
    } else {
      for (const e of entries) {
        const at = e.phase === null ? undefined : indexesOf.get(e.phase);
        if (at) for (const k of at) {
          covered[base + k] = 1;
          if (!e.draft) analysed[base + k] = 1;
        }
      }
    }
    let all = true;
    let allAnalysed = true;
    for (let k = 0; k < n; k++) {
      if (applies[base + k] !== 1) continue;
      if (covered[base + k] === 0) all = false;
      if (analysed[base + k] === 0) allAnalysed = false;
    }
    if (all) full++;
    if (allAnalysed) fullAnalysed++;
  });
  return { phased, phases, applies, covered, analysed, full, fullAnalysed };
}
