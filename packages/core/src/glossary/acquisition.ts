/**
 * How a ledger item's data was acquired, in the words of its 取得方法 and 取得元 cells. Patterns run
 * on NFKC text.
 */

/** Directly in writing from the person (J.8.5): forms, web forms, CVs, questionnaires, contracts. */
export const DIRECT_WRITTEN_WORDS =
  /申込書|申し込み書|申込用紙|申込み|申込フォーム|申請書|届出書|届書|web\s*フォーム|ウェブフォーム|webサイト.*フォーム|フォーム|入力フォーム|問い?合わ?せフォーム|履歴書|職務経歴書|エントリーシート|応募書類|アンケート|書面|契約書|登録用紙|登録票|会員登録|入会申込|記入用紙|質問票|調査票|web\s*form|online form|application form|questionnaire|\bcv\b|résumé|resume|sign-?up form/i;

/** From somebody other than the person: the direct-acquisition duties do not apply. */
export const INDIRECT_WORDS = /本人以外|第三者から|委託元|名簿業者|購入|取引先から|代理店から|紹介|公開情報|間接/;

/**
 * Received from the company that entrusted the work (委託元), in a joint use (共同利用) or a
 * business succession: not acquisition from a third party (APPI 第27条第5項), and for 要配慮個人情報
 * an exception to prior consent (第20条第2項 and its cabinet order).
 */
export const ENTRUSTED_ACQUISITION_WORDS = /委託元|受託|委託を受け|業務委託により|共同利用|事業承継|合併|entrusted by|on behalf of|joint use/i;
