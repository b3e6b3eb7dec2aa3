import { readDate } from "../../read/date";
import { readRetention } from "../../read/retention";
import type { FieldCell } from "../../model/records";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

/** When a use-period or retention cell ends: a period in years, a calendar date, or never. */
type End = { years: number } | { serial: number } | { never: true } | null;

function endOf(cell: FieldCell): End {
  if (cell.col < 0) return null;
  const date = readDate(cell.value);
  if (date?.ok) return { serial: date.value.serial };
  const r = readRetention(cell.value);
  if (!r) return null;
  if (r.indefinite) return { never: true };
  return r.years === null ? null : { years: r.years };
}

/** Whether `use` ends after `keep`; null when the two cannot be compared (a date against a period). */
function endsAfter(use: End, keep: End): boolean | null {
  if (!use || !keep) return null;
  if ("never" in keep) return false;
  if ("never" in use) return true;
  if ("years" in use && "years" in keep) return use.years > keep.years + 1e-9;
  if ("serial" in use && "serial" in keep) return use.serial > keep.serial;
  return null;
}

/**
 * The use period (利用期限) ends after the retention period (保管期限): the item would be used
 * after it has been disposed of, so one of the two is wrong (J.3.1.1 asks for both). Compared
 * when both cells are periods (「5年」「退職後7年」), both dates, or one of them has no end
 * (「永年」). A ledger whose one period column stands for both is not judged.
 */
export const ledgerUseAfterRetention = defineRule({
  meta: {
    id: "ledger/use-after-retention",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.3.1.1 / JIS Q 15001:2023 6.1" },
    description: {
      ja: "利用期限が保管期限より後になっている(保管していない個人情報を利用することになる)。",
      en: "The use period ends after the retention period (the data would be used after it is disposed of).",
    },
    messages: {
      useAfterRetention: {
        ja: "「{{item}}」の利用期限が保管期限より後になっています。保管期限を過ぎて廃棄した個人情報は利用できないため、利用期限と保管期限を見直してください(構築・運用指針 J.3.1.1)。",
        en: "The use period of \"{{item}}\" ends after its retention period; data disposed of when its retention ends cannot be used, so review both periods (guideline J.3.1.1).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const use = ledgerCell(item, "usePeriod");
      const keep = ledgerCell(item, "retention");
      if (use.col < 0 || keep.col < 0 || use.col === keep.col) continue;
      if (endsAfter(endOf(use), endOf(keep)) !== true) continue;
      ctx.report("useAfterRetention", { sheet: item.sheet.name, row: item.row, col: use.col }, { data: { item: item.label } });
    }
  },
});
