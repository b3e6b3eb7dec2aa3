import { defineRule } from "../define";

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
    // Which phases apply to each item and which its rows cover: the workbook model's coverage.
    const { phased, phases, applies, covered } = ctx.model.coverage;
    const n = phases.length;
    ctx.model.ledgerItems.forEach((item, i) => {
      if (item.name.text === "" && item.dataItems.text === "" && item.id.text === "") return;
      const entries = entriesOf.get(item) ?? [];
      const at = { sheet: item.sheet.name, row: item.row, col: item.labelCol };
      if (entries.length === 0) {
        ctx.report("notAnalysed", at, { data: { item: item.label } });
        return;
      }
      // A risk sheet with no phase column gets one header warning, not one finding per item.
      if (!phased) return;
      phases.forEach((phase, k) => {
        if (applies[i * n + k] !== 1 || covered[i * n + k] === 1) return;
        ctx.report("phaseMissing", at, { data: { item: item.label, phase: phase.label.ja, phaseEn: phase.label.en } });
      });
    });
  },
});
