import { flagOf } from "../../read/records";
import { defineRule } from "../define";
import { sensitiveKeyword } from "./keywords";
import { ledgerCell } from "../fields";

/**
 * The item's name or data items name sensitive data (病歴, 健康診断, 信条, 宗教, 犯罪, 障害者,
 * 人種, 性生活, 性的指向, 労働組合…: see glossary/sensitive.ts for the list and the look-alikes left out,
 * such as 健康保険証番号) while the 要配慮 flag is no or blank. A ledger without a 要配慮 column
 * gets the finding on the item's name (the column itself is header/missing-column's).
 */
export const ledgerSensitiveUnflagged = defineRule({
  meta: {
    id: "ledger/sensitive-unflagged",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.8.3 / 個人情報保護法 第2条第3項" },
    description: {
      ja: "名称や個人情報の項目が要配慮個人情報(病歴・健康診断・信条・宗教・犯罪歴・障害・人種・性生活・性的指向・労働組合など)を示すのに、要配慮の欄が「無」または空欄。",
      en: "The item's name or data items point to sensitive data (medical history, health checks, creed, religion, criminal record, disability, race, sex life, sexual orientation, trade union...) but the sensitive flag is no or blank.",
    },
    messages: {
      unflagged: {
        ja: "「{{item}}」は「{{keyword}}」を含み要配慮個人情報に当たりますが、要配慮の欄が「無」または空欄です。要配慮個人情報として取得時の同意と取扱いを確認してください(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\", which is special-care-required (sensitive) information, but its sensitive flag is no or blank; treat it as sensitive and check consent at acquisition (guideline J.8.3).",
      },
      noFlagColumn: {
        ja: "「{{item}}」は「{{keyword}}」を含み要配慮個人情報に当たりますが、台帳に要配慮の列がなく区別されていません(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\", which is special-care-required (sensitive) information, but the ledger has no sensitive column to flag it (guideline J.8.3).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const fromName = sensitiveKeyword(item.name.text);
      const found = fromName ?? sensitiveKeyword(item.dataItems.text);
      if (found === null) continue;
      const keyword = found.keyword;
      const cell = ledgerCell(item, "sensitive");
      if (flagOf(cell) === true) continue;
      const where = cell.col >= 0 ? cell.col : fromName !== null ? item.name.col : item.dataItems.col;
      ctx.report(cell.col >= 0 ? "unflagged" : "noFlagColumn", { sheet: item.sheet.name, row: item.row, col: Math.max(0, where) }, { data: { item: item.label, keyword } });
    }
  },
});
