import { isBlank } from "../../grid/grid";
import { flagOf } from "../../model/records";
import { above, residualOfEntry } from "../../model/assess";
import { levelText } from "../../scoring/levels";
import { defineRule } from "../define";
import { riskCell } from "../fields";

export const riskResidualNotAccepted = defineRule({
  meta: {
    id: "risk/residual-not-accepted",
    area: "risk",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.4" },
    description: {
      ja: "残存(残留)リスクが受容できるレベルを超えているのに、受容の承認が記録されていない。",
      en: "The residual risk is above the acceptable level and no acceptance is recorded.",
    },
    messages: {
      notAccepted: {
        ja: "残存(残留)リスク「{{level}}」は受容できるレベル「{{acceptable}}」を超えています。受容の承認(承認者・日付)を記録してください(構築・運用指針 J.3.1.4)。",
        en: "Residual risk {{levelEn}} is above the acceptable level ({{acceptableEn}}): record its acceptance (who approved it, when) (guideline J.3.1.4).",
      },
      noColumn: {
        ja: "残存(残留)リスク「{{level}}」は受容できるレベル「{{acceptable}}」を超えていますが、受容の承認を記録する列がありません(構築・運用指針 J.3.1.4)。",
        en: "Residual risk {{levelEn}} is above the acceptable level ({{acceptableEn}}), and the sheet has no column to record its acceptance (guideline J.3.1.4).",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.riskEntries) {
      const r = residualOfEntry(entry);
      if (!r || !r.level) continue;
      // Sheets with no scoring columns still follow the profile's acceptable level.
      const acceptable = ctx.model.scoringOf(entry.sheet)?.model?.acceptableResidual ?? ctx.profile.riskModel?.acceptableResidual ?? "medium";
      if (!above(r.level, acceptable)) continue;
      const acceptance = riskCell(entry, "acceptance");
      // A date, a name or 「承認済」 records it; 「未」「×」 and blanks do not.
      if (acceptance.col >= 0 && !isBlank(acceptance.value) && flagOf(acceptance) !== false) continue;
      const l = levelText(r.level);
      const ok = levelText(acceptable);
      const data = { level: l.ja, levelEn: l.en, acceptable: ok.ja, acceptableEn: ok.en };
      if (acceptance.col >= 0) ctx.report("notAccepted", { sheet: entry.sheet.name, row: entry.row, col: acceptance.col }, { data });
      else ctx.report("noColumn", { sheet: entry.sheet.name, row: entry.row, col: r.cell.col }, { data });
    }
  },
});
