import { scanText } from "../../read/annual";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

/**
 * Identifiers that JIS Q 15001:2023 brings into the ledger as 個人関連情報 (or that a company may
 * hold as 仮名加工情報・匿名加工情報): cookie IDs, advertising IDs, access logs, IP addresses,
 * device IDs, location history. Such an item needs a 区分 saying which of 個人情報・仮名加工情報・
 * 匿名加工情報・個人関連情報 it is, because the duties differ (J.8.8.4, J.8.9, J.8.10).
 */
const IDENTIFIER = /cookie|クッキー|広告id|広告識別子|idfa|aaid|adid|アクセスログ|アクセス履歴|閲覧履歴|ウェブビーコン|web ?beacon|ipアドレス|ip address|端末id|端末識別|デバイスid|device ?id|位置情報|位置履歴|仮名加工|匿名加工|個人関連情報|トラッキング|tracking/i;

export const ledger2023CategoryMissing = defineRule({
  meta: {
    id: "ledger/2023-category-missing",
    area: "ledger",
    defaultSeverity: "info",
    clause: { ref: "構築・運用指針 J.3.1.1 / JIS Q 15001:2023 6.1" },
    description: {
      ja: "Cookie ID・アクセスログなどを含む項目に、個人関連情報・仮名加工情報・匿名加工情報の区分がない。",
      en: "Cookie IDs, access logs or similar appear with no 区分 for 個人関連情報・仮名加工情報・匿名加工情報.",
    },
    messages: {
      noCategory: {
        ja: "「{{item}}」は「{{keyword}}」を含みますが、情報の区分(個人情報/個人関連情報/仮名加工情報/匿名加工情報)が記載されていません。JIS Q 15001:2023では区分により求められる取扱いが異なります。",
        en: "\"{{item}}\" contains \"{{keyword}}\" but no category (personal / personally referable / pseudonymously / anonymously processed information) is recorded; JIS Q 15001:2023 sets different duties for each.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const m = IDENTIFIER.exec(scanText(`${item.name.text} ${item.dataItems.text}`));
      if (!m) continue;
      const category = ledgerCell(item, "infoCategory");
      if (category.text !== "") continue;
      const col = category.col >= 0 ? category.col : item.labelCol;
      ctx.report("noCategory", { sheet: item.sheet.name, row: item.row, col }, { data: { item: item.label, keyword: m[0] } });
    }
  },
});
