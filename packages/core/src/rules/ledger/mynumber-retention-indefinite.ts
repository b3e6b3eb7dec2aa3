import { readRetention } from "../../read/retention";
import { defineRule } from "../define";
import { holdsMyNumber } from "./keywords";
import { ledgerCell } from "../fields";

/**
 * My Number records kept 「永年」 or with no end (「無期限」「廃棄しない」). 番号法 第20条 allows
 * keeping 特定個人情報 only while a task the act allows needs it; once the statutory retention of
 * the document ends, it must be deleted as soon as possible (特定個人情報ガイドライン(事業者編)).
 * An item holds My Number when its 特定個人情報 flag says so, or (flag blank) its name or data
 * items mention マイナンバー or 個人番号. A blank retention is ledger/required-empty's.
 */
export const ledgerMynumberRetentionIndefinite = defineRule({
  meta: {
    id: "ledger/mynumber-retention-indefinite",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "番号法 第20条 / 特定個人情報の適正な取扱いに関するガイドライン(事業者編)" },
    description: {
      ja: "特定個人情報(マイナンバー)の保管期間が「永年」など期限のない記載になっている。法定保存期間の経過後は速やかに削除・廃棄が必要。",
      en: "My Number records kept 「永年」 or with no end: they must be deleted once the statutory period ends.",
    },
    messages: {
      indefinite: {
        ja: "「{{item}}」は特定個人情報(マイナンバー)を含みますが、保管期間が期限のない記載です。法定保存期間の経過後はできるだけ速やかに削除・廃棄する必要があります(番号法 第20条)。",
        en: "\"{{item}}\" holds My Number data but its retention has no end; it must be deleted as soon as possible once the statutory retention period ends (My Number Act Art. 20).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const cell = ledgerCell(item, "retention");
      const retention = readRetention(cell.value);
      if (!retention?.indefinite) continue;
      if (!holdsMyNumber(item)) continue;
      ctx.report("indefinite", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label } });
    }
  },
});
