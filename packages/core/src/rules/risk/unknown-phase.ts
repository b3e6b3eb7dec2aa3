import { defineRule } from "../define";

export const riskUnknownPhase = defineRule({
  meta: {
    id: "risk/unknown-phase",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: { ja: "プロファイルのどの局面にも当たらない局面名。", en: "A phase label that matches no phase of the profile." },
    messages: {
      unknownPhase: {
        ja: "局面「{{label}}」はどの局面にも当たりません。{{phases}}のいずれかで書いてください。",
        en: "Phase \"{{label}}\" matches none of the phases: use one of {{phasesEn}}.",
      },
    },
  },
  check(ctx) {
    const phases = ctx.profile.phases.map((p) => p.label.ja).join("、");
    const phasesEn = ctx.profile.phases.map((p) => p.label.en).join(", ");
    for (const e of ctx.model.riskEntries) {
      if (e.group !== undefined || e.phase !== null || e.phaseCell.col < 0 || e.phaseCell.text === "") continue;
      ctx.report("unknownPhase", { sheet: e.sheet.name, row: e.row, col: e.phaseCell.col }, { data: { label: e.phaseCell.text.slice(0, 30), phases, phasesEn } });
    }
  },
});
