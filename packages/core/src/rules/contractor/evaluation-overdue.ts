import { addMonths, isoFromSerial, japaneseDateFromSerial, readDate } from "../../read/date";
import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { CONTRACTOR } from "../fields";

/**
 * A contractor whose last evaluation is older than the interval (profile `contractors`, 12
 * months), with the boundary of ledger/review-overdue, or who was never evaluated (blank date).
 * Silent for a register without an evaluation-date column: evaluations may live on their own
 * sheet (委託先評価表), which this rule does not read.
 */
export const contractorEvaluationOverdue = defineRule({
  meta: {
    id: "contractor/evaluation-overdue",
    area: "contractor",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.9.4 / 個人情報保護法 第25条", unconfirmed: ["J.9.4"] },
    description: {
      ja: "委託先の最終評価日が評価間隔(既定12か月)より古い、または評価日が空欄。",
      en: "A contractor's last evaluation is older than the interval (12 months by default), or was never recorded.",
    },
    messages: {
      overdue: {
        ja: "委託先「{{name}}」の最終評価日は{{date}}で、{{months}}か月以上経過しています。委託先は少なくとも年1回評価してください。",
        en: "Contractor \"{{name}}\" was last evaluated on {{dateEn}}, more than {{months}} months ago; evaluate contractors at least once a year.",
      },
      never: {
        ja: "委託先「{{name}}」の評価日が空欄です。委託先の選定・継続の評価を行い、その日付を記録してください。",
        en: "Contractor \"{{name}}\" has no evaluation date; evaluate the contractor and record the date.",
      },
    },
  },
  check(ctx) {
    const months = ctx.profile.reviewMonths.contractors;
    for (const entry of ctx.model.contractors.entries) {
      const cell = CONTRACTOR.cell(entry.sheet, entry.row, "evaluationDate");
      if (cell.col < 0) continue;
      const at = { sheet: entry.sheet.name, row: entry.row, col: cell.col };
      const date = readDate(cell.value);
      if (date === null) {
        ctx.report("never", at, { data: { name: truncate(entry.name) } });
        continue;
      }
      if (!date.ok) continue; // cell/invalid-value speaks for it.
      if (addMonths(date.value.serial, months) < ctx.today) {
        ctx.report("overdue", at, { data: { name: truncate(entry.name), date: japaneseDateFromSerial(date.value.serial), dateEn: isoFromSerial(date.value.serial), months } });
      }
    }
  },
});
