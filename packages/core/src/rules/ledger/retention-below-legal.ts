import { readRetention } from "../../read/retention";
import { scanText } from "../../read/annual";
import { defineRule } from "../define";
import { legalRetentionFor } from "../../glossary/retention";
import { ledgerCell } from "../fields";

function years(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Retention shorter than the law requires for that record. The records, their periods and the
 * laws that fix them are data (glossary/retention.ts, with sources); a record no law gives a
 * period (源泉徴収簿) is not judged. The item's period is read from the retention cell (「退職後5年」「7年間」「5年」「1年6か月」; the longest one written);
 * a period equal to the legal minimum is fine, and so are 3 years for the records of 労働基準法
 * 第109条 while its transitional rule (附則第143条) lasts. 「永年」 and unreadable text are left
 * to other rules (ledger/mynumber-retention-indefinite, a human).
 */
export const ledgerRetentionBelowLegal = defineRule({
  meta: {
    id: "ledger/retention-below-legal",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "労働基準法 第109条・労働安全衛生規則 第51条・所得税法施行規則 第76条の3 ほか" },
    description: {
      ja: "保管期間が法令の定める保存期間より短い(労働者名簿・賃金台帳・出勤簿・年次有給休暇管理簿は5年で経過措置中は3年、健康診断個人票5年、扶養控除等申告書・退職所得の受給に関する申告書7年、労災保険・労働保険料の書類3年など)。",
      en: "Retention shorter than the law requires for that record (registers of workers, wage ledgers, attendance records and annual-leave registers 5 years, 3 accepted while the transitional rule lasts; health-check records 5; dependant-deduction and retirement-income declarations 7; workers' accident and labour-insurance premium records 3...).",
    },
    messages: {
      belowLegal: {
        ja: "「{{item}}」の保管期間({{period}})は、{{record}}の法定保存期間より短くなっています。{{source}}が定める保存期間は{{minimum}}です。",
        en: "\"{{item}}\" is kept for {{periodEn}}, shorter than the {{minimumEn}} {{source}} requires for {{recordEn}}.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const rule = legalRetentionFor(scanText(item.name.text || item.dataItems.text));
      if (!rule) continue;
      const cell = ledgerCell(item, "retention");
      const retention = readRetention(cell.value);
      if (!retention || retention.indefinite || retention.years === null) continue;
      if (retention.years >= rule.accepted) continue;
      const transitional = rule.accepted < rule.years;
      ctx.report(
        "belowLegal",
        { sheet: item.sheet.name, row: item.row, col: cell.col },
        {
          data: {
            item: item.label,
            period: `${years(retention.years)}年`,
            periodEn: `${years(retention.years)} year(s)`,
            record: rule.record.ja,
            recordEn: rule.record.en,
            minimum: transitional ? `${rule.years}年(経過措置により当面${rule.accepted}年)` : `${rule.years}年`,
            minimumEn: transitional ? `${rule.years} years (${rule.accepted} while the transitional rule lasts)` : `${rule.years} years`,
            source: rule.source,
          },
        },
      );
    }
  },
});
