/**
 * How a ledger item's data was acquired, in the words of its 取得方法 and 取得元 cells. Patterns run
 * on NFKC text.
 */

/** Directly in writing from the person (J.8.5): forms, web forms, CVs, questionnaires, contracts. */
export const DIRECT_WRITTEN_WORDS =
  /申込書|申し込み書|申込用紙|申込み|申込フォーム|申請書|届出書|届書|web\s*フォーム|ウェブフォーム|webサイト.*フォーム|フォーム|入力フォーム|問い?合わ?せフォーム|履歴書|職務経歴書|エントリーシート|応募書類|アンケート|書面|契約書|登録用紙|登録票|会員登録|入会申込|記入用紙|質問票|調査票|web\s*form|online form|application form|questionnaire|\bcv\b|résumé|resume|sign-?up form/i;

/** From somebody other than the person: the direct-acquisition duties do not apply. */
export const INDIRECT_WORDS =
  /本人以外|第三者から|委託元|名簿業者|購入|取引先から|代理店から|紹介|公開情報|間接|(?:健診機関|健康診断機関|医療機関|病院|診療所|クリニック|産業医|健康保険組合|健保組合|保険者|官公署|官公庁|学校|前職|派遣元)から/;

/**
 * Received from the company that entrusted the work (委託元), in a joint use (共同利用) or a
 * business succession: not acquisition from a third party (APPI 第27条第5項), and for 要配慮個人情報
 * an exception to prior consent (第20条第2項 and its cabinet order).
 */
export const ENTRUSTED_ACQUISITION_WORDS = /委託元|受託|委託を受け|業務委託により|共同利用|事業承継|合併|entrusted by|on behalf of|joint use/i;

/**
 * Received from a third party that provided it (APPI 第27条 on the provider's side, 第30条 on
 * ours): a recruiter, an event organiser, a list broker. 「取引先から」 is left out: a business
 * partner handing over its own staff's contact and bank details does so for those people, in the
 * course of the business with them, and is not the provision these duties are about.
 */
export const THIRD_PARTY_SOURCE_WORDS =
  /第三者から|第三者提供|紹介会社|人材紹介|職業紹介|紹介元|転職サイト|求人サイト|求人媒体|代理店から|名簿業者|名簿(?:を)?購入|購入した(?:名簿|リスト|データ)|(?:リスト|データ)(?:を)?購入|主催者|提供を受け|提供元|外部から|本人以外|from a (?:third party|client|recruiter|partner)|recruit(?:er|ing agency)|organi[sz]er|purchased/i;

/** Found in public sources (官報, インターネット上の公開情報): no third party provided it, but the purpose still needs notice or publication. */
export const PUBLIC_SOURCE_WORDS = /公開情報|公開されている|官報|インターネット上|webサイトから|ホームページから|sns|public (?:sources?|information)/i;

/** Job applicants and their papers: 応募者, 履歴書, エントリーシート, 採用選考. */
export const APPLICANT_WORDS = /応募|履歴書|職務経歴書|エントリーシート|採用選考|選考|不採用|求職|内定|candidate|applicant|application for employment|résumé|resume|\bcv\b/i;
