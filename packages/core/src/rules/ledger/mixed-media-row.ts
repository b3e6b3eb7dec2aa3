import { readMedium } from "../../read/medium";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

/**
 * One row for paper and data together (紙・電子, 紙/データ, 両方). Examiners expect the paper form
 * and the electronic form of a document as separate rows, because their storage, access and
 * disposal (and their risks) differ (notes/domain.md §1.3 [S13a][S38a]). Info: a finding to
 * consider, not a nonconformity by itself.
 */
export const ledgerMixedMediaRow = defineRule({
  meta: {
    id: "ledger/mixed-media-row",
    area: "ledger",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.3.1.1" },
    description: {
      ja: "紙と電子データを1行にまとめている(紙・電子)。媒体ごとに保管・廃棄とリスクが異なるため、審査では1行ずつに分けることが期待される。",
      en: "One row for paper and data together (紙・電子) where examiners expect one row each.",
    },
    messages: {
      mixed: {
        ja: "「{{item}}」は紙と電子データを1行にまとめています。保管場所・廃棄方法・リスクが媒体ごとに異なるため、紙の行と電子データの行に分けることを検討してください。",
        en: "\"{{item}}\" covers paper and electronic data in one row; storage, disposal and risks differ by medium, so consider one row for each.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const cell = ledgerCell(item, "medium");
      const medium = readMedium(cell.value);
      if (medium?.ok && medium.value === "both") ctx.report("mixed", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label } });
    }
  },
});
