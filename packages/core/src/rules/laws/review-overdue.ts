import { addMonths, isoFromSerial, japaneseDateFromSerial, readDate } from "../../read/date";
import { truncate } from "../../model/records";
import { defineRule } from "../define";
import { LAW } from "../fields";

/**
 * The laws list was not checked within the interval (profile `laws`, 12 months; the boundary of
 * ledger/review-overdue): per law, its 確認日 is older than the interval or blank. A list without
 * a 確認日 column gets one finding on its header: nothing shows it was ever re-checked.
 */
export const lawsReviewOverdue = defineRule({
  meta: {
    id: "laws/review-overdue",
    area: "laws",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.2", unconfirmed: ["J.3.1.2"] },
    description: {
      ja: "法令等一覧が見直し間隔(既定12か月)内に確認されていない。",
      en: "The laws list was not checked within the interval (12 months by default).",
    },
    messages: {
      overdue: {
        ja: "「{{law}}」の確認日は{{date}}で、{{months}}か月以上経過しています。法令等の改正状況を少なくとも年1回確認してください。",
        en: "\"{{law}}\" was last checked on {{dateEn}}, more than {{months}} months ago; check laws and norms for amendments at least once a year.",
      },
      never: {
        ja: "「{{law}}」の確認日が空欄です。法令等の改正状況を確認し、その日付を記録してください。",
        en: "\"{{law}}\" has no checked date; check it for amendments and record the date.",
      },
      noColumn: {
        ja: "法令等一覧に確認日の列がなく、年1回の見直しを確認できません。確認日を記録してください。",
        en: "The laws list has no checked-date column, so its yearly review cannot be shown; record when each entry was checked.",
      },
    },
  },
  check(ctx) {
    const months = ctx.profile.reviewMonths.laws;
    for (const sheet of ctx.model.ofKind("law")) {
      if (!LAW.has(sheet, "checkedDate")) {
        if (sheet.dataRows.length > 0) ctx.report("noColumn", LAW.header(sheet, "name"));
        continue;
      }
      for (const row of sheet.dataRows) {
        const name = LAW.cell(sheet, row, "name").text;
        const cell = LAW.cell(sheet, row, "checkedDate");
        if (name === "" && cell.text === "") continue;
        const law = truncate(name || `#${row + 1}`);
        const date = readDate(cell.value);
        const at = { sheet: sheet.name, row, col: cell.col };
        if (date === null) ctx.report("never", at, { data: { law } });
        else if (date.ok && addMonths(date.value.serial, months) < ctx.today) {
          ctx.report("overdue", at, { data: { law, date: japaneseDateFromSerial(date.value.serial), dateEn: isoFromSerial(date.value.serial), months } });
        }
      }
    }
  },
});
