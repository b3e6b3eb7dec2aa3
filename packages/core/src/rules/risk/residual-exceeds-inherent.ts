import { levelRank, levelText } from "../../scoring/levels";
import { defineRule } from "../define";

export const riskResidualExceedsInherent = defineRule({
  meta: {
    id: "risk/residual-exceeds-inherent",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.4" },
    description: {
      ja: "対策後の残存(残留)リスクが、対策前のリスクより高く評価されている。",
      en: "The residual risk (after measures) is scored higher than the risk before measures.",
    },
    messages: {
      higherScore: {
        ja: "残存(残留)リスク値{{residual}}が、対策前のリスク値{{inherent}}より高くなっています。対策後の評点を見直してください(構築・運用指針 J.3.1.4)。",
        en: "Residual score {{residual}} is higher than the score before measures ({{inherent}}): review the post-measure ratings (guideline J.3.1.4).",
      },
      higherLevel: {
        ja: "残存(残留)リスク「{{residual}}」が、対策前のリスク「{{inherent}}」より高くなっています。対策後の評価を見直してください(構築・運用指針 J.3.1.4)。",
        en: "Residual risk {{residualEn}} is higher than the risk before measures ({{inherentEn}}): review the post-measure rating (guideline J.3.1.4).",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.riskEntries) {
      const a = entry.assessment;
      const r = a?.residual;
      if (!a || !r || r.cell.col < 0) continue;
      const at = { sheet: entry.sheet.name, row: entry.row, col: r.cell.col };
      const inherent = a.inherent.result;
      if (!a.model.scoreIsRank && inherent.ok && r.score !== null) {
        if (r.score > inherent.score) ctx.report("higherScore", at, { data: { residual: r.score, inherent: inherent.score } });
        continue;
      }
      if (!a.level || !r.level || levelRank(r.level) <= levelRank(a.level)) continue;
      const res = levelText(r.level);
      const inh = levelText(a.level);
      ctx.report("higherLevel", at, { data: { residual: res.ja, residualEn: res.en, inherent: inh.ja, inherentEn: inh.en } });
    }
  },
});
