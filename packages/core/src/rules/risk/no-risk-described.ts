import { defineRule } from "../define";

export const riskNoRiskDescribed = defineRule({
  meta: {
    id: "risk/no-risk-described",
    area: "risk",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.3.1.3" },
    description: { ja: "リスクが書かれていないリスク行。", en: "A risk row with no risk written." },
    messages: {
      noRisk: {
        ja: "この行にはリスクが書かれていません。想定されるリスク(漏えい、滅失、き損、目的外利用など)を記入してください。",
        en: "No risk is written on this row: describe the foreseen risk (leak, loss, damage, use beyond purpose...).",
      },
    },
  },
  check(ctx) {
    for (const e of ctx.model.riskEntries) {
      if (e.risk.col < 0 || e.risk.text !== "") continue;
      ctx.report("noRisk", { sheet: e.sheet.name, row: e.row, col: e.risk.col });
    }
  },
});
