/**
 * Words that show a ledger item holds special-care-required data (要配慮個人情報), My Number
 * data or payment data. Patterns run on NFKC text.
 */

/**
 * 要配慮個人情報 as the APPI defines it (第2条第3項 and its cabinet order): 人種, 信条, 社会的身分, 病歴,
 * 犯罪の経歴, 犯罪により害を被った事実, 心身の障害, 健康診断等の結果, 診療・調剤, 刑事事件・少年の保護事件の手続.
 *
 * Look-alikes that are *not* sensitive are left out or removed by NOT_SENSITIVE:
 * - 「健康保険証番号」「健康保険」「健康保険組合」: insurance membership, not health data (only
 *   健康診断・健康状態・健康情報 count);
 * - 「国籍」「本籍」: not 要配慮 under the APPI (本籍 was 機微 under the 2006 JIS, no longer);
 * - 「システム障害」「障害対応」: IT incidents (心身の障害 needs 障害者・障がい・障害等級…);
 * - 「犯罪収益移転防止法」「犯収法」 (本人確認記録 kept under that act), 「防犯カメラ」;
 * - 「宗教法人」 (a customer's legal form), 「経営信条」「企業信条」;
 * - 「前歴」 (in payroll, previous employment), 「対処方法」 (処方 alone is not matched).
 */
export const SENSITIVE_WORDS =
  /病歴|既往歴|既往症|病名|傷病|疾病|疾患|診断書|診断結果|健康診断|健診|人間ドック|ストレスチェック|健康状態|健康情報|診療|カルテ|服薬|投薬|処方箋|処方内容|調剤|医療情報|治療|病状|妊娠|遺伝子|ゲノム|障害者|障がい|障碍|身体障|精神障|知的障|発達障|障害等級|障害の有無|障害区分|障害の状況|心身の障害|信条|思想|宗教|信仰|人種|民族|社会的身分|門地|犯罪|前科|逮捕|刑事事件|少年の?保護事件|medical|health ?check|diagnos[ie]s|disease|illness|religio(?:n|us)|\brace\b|ethnic|criminal|disabilit(?:y|ies)|genetic/i;

/**
 * Data JIS Q 15001:2023 asks to handle like 要配慮個人情報 although the APPI does not list it:
 * 性生活, 性的指向, 労働組合.
 */
export const SENSITIVE_LIKE_WORDS = /性生活|性的指向|労働組合|労組|sexual orientation|sex life|trade union|union membership/i;

/** Look-alikes of SENSITIVE_WORDS removed before matching (see above). */
export const NOT_SENSITIVE_WORDS = /宗教法人|経営信条|企業信条|犯罪収益移転防止|犯収法|防犯/g;

/** My Number (個人番号, 特定個人情報) named in an item's name or data items. */
export const MY_NUMBER_WORDS = /マイナンバー|個人番号|特定個人情報|my ?number|individual ?number/i;

/** Payment data: card and bank account numbers, PINs (matched on text without spaces). */
export const PAYMENT_WORDS = /クレジットカード|カード番号|口座|暗証番号|creditcard|cardnumber|bankaccount/i;

/** Health data an employer holds under 労働安全衛生法: health checks, stress checks, interviews with the company doctor. */
export const HEALTH_WORDS = /健康診断|健診|人間ドック|ストレスチェック|産業医|面接指導|就業制限|休職|診断書|健康状態|健康情報|health ?check|medical (?:check|examination)|stress check/i;

/**
 * The purposes 番号法 第9条 allows My Number for, as a purpose cell says them: tax, social
 * security and disaster response (源泉徴収, 年末調整, 社会保険, 雇用保険, 法定調書…).
 */
export const MY_NUMBER_PURPOSE_WORDS =
  /源泉徴収|年末調整|給与所得|給与支払報告|法定調書|支払調書|税務|税金|所得税|住民税|確定申告|社会保険|健康保険|厚生年金|年金|雇用保険|労災|労働保険|社会保障|災害|個人番号関係事務|個人番号利用事務|番号法|マイナンバー法|法令に基づ|法定|扶養控除|退職所得|報酬|tax|social (?:security|insurance)|pension|employment insurance|disaster/i;
