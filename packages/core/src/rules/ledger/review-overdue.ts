import { addMonths, isoFromSerial, japaneseDateFromSerial, readDate } from "../../read/date";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

export const ledgerReviewOverdue = defineRule({
  meta: {
    id: "ledger/review-overdue",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.1" },
    description: {
      ja: "台帳の見直し日が見直し間隔(既定12か月)より古い。",
      en: "The item's review date is older than the review interval (12 months by default).",
    },
    messages: {
      overdue: {
        ja: "「{{item}}」の最終見直し日は{{date}}で、{{months}}か月以上経過しています。台帳は少なくとも年1回見直してください(構築・運用指針 J.3.1.1)。",
        en: "\"{{item}}\" was last reviewed on {{dateEn}}, more than {{months}} months ago; review the ledger at least once a year (guideline J.3.1.1).",
      },
      never: {
        ja: "「{{item}}」の見直し日が空欄です。台帳は少なくとも年1回見直し、その日付を記録してください(構築・運用指針 J.3.1.1)。",
        en: "\"{{item}}\" has no review date; review the ledger at least once a year and record the date (guideline J.3.1.1).",
      },
    },
  },
  check(ctx) {
    const months = ctx.profile.reviewMonths.ledger;
    for (const item of ctx.model.ledgerItems) {
      const cell = ledgerCell(item, "reviewedDate");
      if (cell.col < 0) continue; // header/missing-column speaks for a ledger without review dates.
      const date = readDate(cell.value);
      if (date === null) {
        ctx.report("never", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label } });
        continue;
      }
      if (!date.ok) continue; // cell/invalid-value speaks for it.
      // Reviewed on D: due again on D + interval; overdue from the day after.
      if (addMonths(date.value.serial, months) < ctx.today) {
        ctx.report("overdue", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label, date: japaneseDateFromSerial(date.value.serial), dateEn: isoFromSerial(date.value.serial), months } });
      }
    }
  },
});
