import { cellText } from "../../grid/grid";
import { isoFromSerial, japaneseDateFromSerial } from "../../read/date";
import { scanText } from "../../read/annual";
import { dateOf } from "../../model/records";
import { defineRule } from "../define";
import { AUDIT } from "../fields";

/** A nonconformity: 不適合 (重大・軽微), not 「不適合なし」, not 観察 or 改善の機会. */
const NONCONFORMITY = /不適合|nonconform|重大|軽微|\bmajor\b|\bminor\b|\bnc\b/i;
const NONE = /不適合(?:は)?(?:なし|無し|無|ゼロ|0件)|^(?:適合|なし|無し|該当なし|観察|改善の機会|conform(?:ing|s)?|observation|ok)$/i;
/** Closed in words when no date is written: 「完了」「是正済」, not 「未完了」. */
const DONE_WORDS = /完了|済|closed|done/i;

/**
 * An internal-audit nonconformity with no corrective action completed: its 是正完了日 is blank
 * (or says 未完了). Past its 是正期限 it is an error; before it, a warning.
 */
export const auditOpenNonconformity = defineRule({
  meta: {
    id: "audit/open-nonconformity",
    area: "audit",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.7 / JIS Q 15001:2023 箇条10(改善)" },
    description: {
      ja: "内部監査の不適合に対する是正処置が完了していない(是正完了日が空欄)。",
      en: "A nonconformity with no corrective action completed.",
    },
    messages: {
      open: {
        ja: "この不適合の是正処置が完了していません(是正完了日が空欄)。是正処置を実施し、完了日を記録してください。",
        en: "This nonconformity has no completed corrective action (no completion date); carry out the correction and record when it was completed.",
      },
      pastDue: {
        ja: "この不適合は是正期限の{{due}}を過ぎても、是正処置が完了していません。",
        en: "This nonconformity is past its correction deadline ({{dueEn}}) and the corrective action is not completed.",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.model.ofKind("audit")) {
      const resultField = AUDIT.has(sheet, "result") ? "result" : AUDIT.has(sheet, "finding") ? "finding" : null;
      if (!resultField) continue;
      for (const row of sheet.dataRows) {
        const result = AUDIT.cell(sheet, row, resultField);
        const text = scanText(result.text).trim();
        if (!NONCONFORMITY.test(text) || NONE.test(text)) continue;
        const corrected = AUDIT.cell(sheet, row, "correctedDate");
        const closedText = scanText(cellText(corrected.value));
        if (dateOf(corrected) !== null || (DONE_WORDS.test(closedText) && !/未/.test(closedText))) continue;
        const due = dateOf(AUDIT.cell(sheet, row, "correctionDue"));
        const at = { sheet: sheet.name, row, col: corrected.col >= 0 ? corrected.col : result.col };
        if (due !== null && due < ctx.today) ctx.report("pastDue", at, { data: { due: japaneseDateFromSerial(due), dueEn: isoFromSerial(due) } });
        else ctx.report("open", at);
      }
    }
  },
});
