import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { evaluationOutcome, exceptionRecorded } from "./evaluation";
import { CONTRACTOR } from "../fields";

/**
 * The last evaluation is not a pass (否, 不適, 要改善, 条件付き, 保留, NG…: ./evaluation.ts) and no
 * exception is recorded (an exception column, or a note saying the representative approved
 * continued use). A result that is neither a pass nor a fail (a score, a comment) is left alone.
 */
export const contractorEvaluationFailed = defineRule({
  meta: {
    id: "contractor/evaluation-failed",
    area: "contractor",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.9.4 / 個人情報保護法 第25条", unconfirmed: ["J.9.4"] },
    description: {
      ja: "委託先の最新の評価結果が「適」でなく、例外(代表者の承認など)も記録されていない。",
      en: "The last evaluation is not a pass and no exception is recorded.",
    },
    messages: {
      notPassed: {
        ja: "委託先「{{name}}」の評価結果は「{{result}}」で、基準を満たしていません。是正を求めて再評価するか、委託を続ける理由と承認(例外)を記録してください。",
        en: "Contractor \"{{name}}\" did not pass its evaluation (\"{{result}}\"); have it corrected and re-evaluate, or record why the entrustment continues and who approved it.",
      },
    },
  },
  check(ctx) {
    for (const entry of ctx.model.contractors.entries) {
      const cell = CONTRACTOR.cell(entry.sheet, entry.row, "evaluationResult");
      if (cell.col < 0 || evaluationOutcome(cell.text) !== "notPass") continue;
      if (exceptionRecorded(entry)) continue;
      ctx.report("notPassed", { sheet: entry.sheet.name, row: entry.row, col: cell.col }, { data: { name: truncate(entry.name), result: truncate(cell.text, 20) } });
    }
  },
});
