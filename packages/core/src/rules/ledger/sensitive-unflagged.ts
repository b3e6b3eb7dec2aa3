import { defineRule } from "../define";
import { sensitiveKeyword } from "./keywords";

/**
 * The item's name or data items contain a word that points to sensitive data (病歴, 健康診断, 信条,
 * 宗教, 犯罪, 障害者, 人種…; see glossary/sensitive.ts for the list and the look-alikes left out,
 * such as 健康保険証番号) while the 要配慮 flag is no or blank. A word is a hint, not proof, so the
 * message says the item may be sensitive. 性生活, 性的指向 and 労働組合 are not 要配慮個人情報 under
 * the APPI; JIS Q 15001:2023 asks that they be handled like it, and the message says so. A ledger
 * without a 要配慮 column gets the finding on the item's name (the column itself is
 * header/missing-column's).
 */
export const ledgerSensitiveUnflagged = defineRule({
  meta: {
    id: "ledger/sensitive-unflagged",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.8.3 / 個人情報保護法 第2条第3項" },
    description: {
      ja: "名称や個人情報の項目に、要配慮個人情報(病歴・健康診断・信条・宗教・犯罪歴・障害・人種など)、またはJIS Q 15001:2023が同様の扱いを求める情報(性生活・性的指向・労働組合)に当たる可能性のある語があるのに、要配慮の欄が「無」または空欄。",
      en: "The item's name or data items contain a word that may point to special-care-required data (medical history, health checks, creed, religion, criminal record, disability, race...) or to data JIS Q 15001:2023 asks to handle the same way (sex life, sexual orientation, trade union), but the sensitive flag is no or blank.",
    },
    messages: {
      unflagged: {
        ja: "「{{item}}」は「{{keyword}}」を含み、要配慮個人情報に該当する可能性がありますが、要配慮の欄が「無」または空欄です。該当する場合は要配慮個人情報として、取得時の同意と取扱いを確認してください(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\" and may be special-care-required (sensitive) information, but its sensitive flag is no or blank; if it is, treat it as such and check consent at acquisition (guideline J.8.3).",
      },
      unflaggedLike: {
        ja: "「{{item}}」は「{{keyword}}」を含みます。性生活・性的指向・労働組合に関する情報は、個人情報保護法の要配慮個人情報ではありませんが、JIS Q 15001:2023では要配慮個人情報と同様に扱うことが求められます。要配慮の欄が「無」または空欄のため、取扱いを確認してください(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\". Data on sex life, sexual orientation or trade-union membership is not special-care-required under the APPI, but JIS Q 15001:2023 asks that it be handled the same way; its sensitive flag is no or blank, so check how it is handled (guideline J.8.3).",
      },
      noFlagColumn: {
        ja: "「{{item}}」は「{{keyword}}」を含み、要配慮個人情報に該当する可能性がありますが、台帳に要配慮の列がなく区別されていません(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\" and may be special-care-required (sensitive) information, but the ledger has no sensitive column to flag it (guideline J.8.3).",
      },
      noFlagColumnLike: {
        ja: "「{{item}}」は「{{keyword}}」を含みます。JIS Q 15001:2023では要配慮個人情報と同様に扱うことが求められる情報ですが、台帳に要配慮の列がなく区別されていません(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" mentions \"{{keyword}}\", data JIS Q 15001:2023 asks to handle like special-care-required information, but the ledger has no sensitive column to flag it (guideline J.8.3).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const fromName = sensitiveKeyword(item.name.text);
      const found = fromName ?? sensitiveKeyword(item.dataItems.text);
      if (found === null) continue;
      const cell = item.sensitive;
      if (cell.value === true) continue;
      const where = cell.col >= 0 ? cell.col : fromName !== null ? item.name.col : item.dataItems.col;
      const id = cell.col >= 0 ? (found.like ? "unflaggedLike" : "unflagged") : found.like ? "noFlagColumnLike" : "noFlagColumn";
      ctx.report(id, { sheet: item.sheet.name, row: item.row, col: Math.max(0, where) }, { data: { item: item.label, keyword: found.keyword } });
    }
  },
});
