import { scanText } from "../../read/annual";
import { fieldCell, flagOf, type LedgerItem } from "../../read/records";

/**
 * Words that show a ledger item holds 要配慮個人情報 (APPI 第2条第3項 and its cabinet order:
 * 人種, 信条, 社会的身分, 病歴, 犯罪の経歴, 犯罪により害を被った事実, 心身の障害, 健康診断等の結果,
 * 診療・調剤, 刑事事件・少年の保護事件の手続) and the data JIS Q 15001:2023 handles the same way
 * (性生活, 性的指向, 労働組合).
 *
 * Decisions on look-alikes, which are *not* sensitive:
 * - 「健康保険証番号」「健康保険」「健康保険組合」: insurance membership, not health data (only
 *   健康診断・健康状態・健康情報 count);
 * - 「国籍」「本籍」: not 要配慮 under the APPI (本籍 was 機微 under the 2006 JIS, no longer);
 * - 「システム障害」「障害対応」: IT incidents (心身の障害 needs 障害者・障がい・障害等級…);
 * - 「犯罪収益移転防止法」「犯収法」 (本人確認記録 kept under that act), 「防犯カメラ」;
 * - 「宗教法人」 (a customer's legal form), 「経営信条」「企業信条」;
 * - 「前歴」 (in payroll, previous employment), 「対処方法」 (処方 alone is not matched).
 */
const SENSITIVE =
  /病歴|既往歴|既往症|病名|傷病|疾病|疾患|診断書|診断結果|健康診断|健診|人間ドック|ストレスチェック|健康状態|健康情報|診療|カルテ|服薬|投薬|処方箋|処方内容|調剤|医療情報|治療|病状|妊娠|遺伝子|ゲノム|障害者|障がい|障碍|身体障|精神障|知的障|発達障|障害等級|障害の有無|障害区分|障害の状況|心身の障害|信条|思想|宗教|信仰|人種|民族|社会的身分|門地|犯罪|前科|逮捕|刑事事件|少年の?保護事件|性生活|性的指向|労働組合|労組|medical|health ?check|diagnos[ie]s|disease|illness|religio(?:n|us)|\brace\b|ethnic|criminal|disabilit(?:y|ies)|sexual orientation|sex life|trade union|union membership|genetic/i;

const NOT_SENSITIVE = /宗教法人|経営信条|企業信条|犯罪収益移転防止|犯収法|防犯/g;

/** The sensitive word in a text (after removing the look-alikes above), or null. */
export function sensitiveKeyword(text: string): string | null {
  const t = scanText(text).replace(NOT_SENSITIVE, " ");
  const m = SENSITIVE.exec(t);
  return m ? m[0] : null;
}

const MY_NUMBER = /マイナンバー|個人番号|特定個人情報|my ?number|individual number/i;

export function mentionsMyNumber(text: string): boolean {
  return MY_NUMBER.test(scanText(text));
}

/**
 * The item holds 特定個人情報: its My Number flag says so, or (flag blank or absent) its name
 * or data items mention マイナンバー / 個人番号. An explicit "no" wins over the words.
 */
export function holdsMyNumber(item: LedgerItem): boolean {
  const flag = flagOf(fieldCell(item.sheet, item.row, "myNumber"));
  if (flag !== null) return flag;
  return mentionsMyNumber(item.name.text) || mentionsMyNumber(item.dataItems.text);
}
