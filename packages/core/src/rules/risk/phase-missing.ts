import { partyPresence, type LedgerItem } from "../../model/records";
import type { PhaseDef } from "../../profile/schema";
import { defineRule } from "../define";
import { RISK } from "../fields";

function applies(phase: PhaseDef, item: LedgerItem): boolean {
  if (phase.appliesWhen !== "contractorOrRecipient") return true;
  return partyPresence(item.contractor) === "present" || partyPresence(item.recipient) === "present";
}

export const riskPhaseMissing = defineRule({
  meta: {
    id: "risk/phase-missing",
    area: "risk",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: {
      ja: "台帳の個人情報について、該当する局面のリスク分析がない。",
      en: "A ledger item lacks risk analysis for a phase that applies to it.",
    },
    messages: {
      phaseMissing: {
        ja: "「{{item}}」の「{{phase}}」局面のリスク分析がありません(構築・運用指針 J.3.1.3: 取得・入力から消去・廃棄までの各局面)。",
        en: "\"{{item}}\" has no risk analysis for the {{phaseEn}} phase (guideline J.3.1.3: every phase from acquisition to disposal).",
      },
      notAnalysed: {
        ja: "「{{item}}」のリスク分析がリスク分析表にありません(構築・運用指針 J.3.1.3)。",
        en: "\"{{item}}\" has no risk analysis in the risk sheet (guideline J.3.1.3).",
      },
    },
  },
  check(ctx) {
    const riskSheets = ctx.model.ofKind("risk");
    if (riskSheets.length === 0) return; // sheet/missing speaks.
    const { entriesOf, modeOf } = ctx.model.links;
    // Without any way to tell which item a risk row is about, nothing can be said per item.
    if (![...modeOf.values()].some((m) => m !== null)) return;
    const phased = riskSheets.some((s) => s.layout === "wide" || RISK.has(s, "phase"));
    for (const item of ctx.model.ledgerItems) {
      if (item.name.text === "" && item.dataItems.text === "" && item.id.text === "") continue;
      const entries = entriesOf.get(item) ?? [];
      const at = { sheet: item.sheet.name, row: item.row, col: item.labelCol };
      if (entries.length === 0) {
        ctx.report("notAnalysed", at, { data: { item: item.label } });
        continue;
      }
      // A risk sheet with no phase column gets one header warning, not one finding per item.
      if (!phased) continue;
      const covered = new Set(entries.map((e) => e.phase).filter((p): p is string => p !== null));
      for (const phase of ctx.profile.phases) {
        if (!applies(phase, item) || covered.has(phase.id)) continue;
        ctx.report("phaseMissing", at, { data: { item: item.label, phase: phase.label.ja, phaseEn: phase.label.en } });
      }
    }
  },
});
