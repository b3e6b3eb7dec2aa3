import { nfkc } from "../../glossary/normalise";
import { fieldCell } from "../../read/records";
import { defineRule } from "../define";
import { consentRecorded, flag } from "./consent";

/** Acquisition "directly in writing from the person" (J.8.5): forms, CVs, questionnaires, contracts. */
const DIRECT_WRITTEN =
  /申込書|申し込み書|申込用紙|申込み|申込フォーム|申請書|届出書|届書|web\s*フォーム|ウェブフォーム|webサイト.*フォーム|フォーム|入力フォーム|問い?合わ?せフォーム|履歴書|職務経歴書|エントリーシート|応募書類|アンケート|書面|契約書|登録用紙|登録票|会員登録|入会申込|記入用紙|質問票|調査票|web\s*form|online form|application form|questionnaire|\bcv\b|résumé|resume|sign-?up form/i;

/** Acquired from somebody else, not the person: the direct-acquisition duties do not apply. */
const INDIRECT = /本人以外|第三者から|委託元|名簿業者|購入|取引先から|代理店から|紹介|公開情報|間接/;

export const ledgerDirectAcquisitionWithoutConsent = defineRule({
  meta: {
    id: "ledger/direct-acquisition-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: "構築・運用指針 J.8.5",
    description: {
      ja: "本人から書面(申込書、Webフォーム、履歴書、アンケートなど)で直接取得しているのに、同意または明示が記録されていない。",
      en: "Acquired directly in writing from the person (forms, web forms, CVs, questionnaires) and neither consent nor notice is recorded.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は本人から書面で直接取得していますが、同意(または利用目的等の明示)が記録されていません(構築・運用指針 J.8.5)。",
        en: "\"{{item}}\" is acquired directly in writing from the person but neither consent nor notice of purpose is recorded (guideline J.8.5).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const method = fieldCell(item.sheet, item.row, "acquisitionMethod");
      const source = fieldCell(item.sheet, item.row, "source");
      const how = `${nfkc(method.text)} ${nfkc(source.text)}`;
      if (!DIRECT_WRITTEN.test(how) || INDIRECT.test(how)) continue;
      const consent = consentRecorded(item);
      if (consent.recorded) continue;
      if (flag(item, "notice").value === true) continue;
      const at = consent.col >= 0 ? consent.col : method.col >= 0 ? method.col : source.col;
      ctx.report("noConsent", { sheet: item.sheet.name, row: item.row, col: at }, { data: { item: item.label } });
    }
  },
});
