/**
 * Words with a fixed meaning in ledger and risk cells, one list per concept. Readers and rules
 * import them from here; a spelling seen in the field is added here, not in the code that reads it.
 * Patterns run on NFKC text (full-width letters and digits already folded).
 */

/** "None" in a contractor or recipient cell: 「なし」「委託なし」「社内のみ」「-」, with or without a note after it. */
export const NONE_WORDS =
  /^(?:なし|無し|無|ない|該当なし|該当無し|非該当|提供なし|委託なし|提供無し|委託無し|しない|行わない|社内のみ|自社のみ|自社内|n\/?a|none|no|nil|-|ー|―|—|－|×)(?:[(（:：、,].*)?$/i;

/** "No" written as prose in a yes/no cell (consent, agreement, flags): 「なし」「未取得」「不要」「×」. */
export const FLAG_NO_WORDS = /(?:なし|無し|未取得|未|不要|しない|していない|なかった|対象外|非該当|^無|^×|^no\b)/i;

/** A yes/no cell a human still has to resolve: not yes, not no. */
export const AMBIGUOUS_FLAG = /^(?:要確認|確認中|不明|未定|一部|\?|？|tbd|unknown)$/i;

/** "No measure" in a risk row's measure cell: 「なし」「特になし」「未定」「検討中」「-」. */
export const NO_MEASURE_WORDS = /^(?:なし|無し|無|特になし|特に無し|対策なし|対策無し|未定|未実施|未対応|検討中|予定なし|なし。|-|ー|―|—|－|×|n\/?a|none|tbd)$/i;

/**
 * A legal basis written where consent is recorded (a consent, source or note cell): the law
 * requires or allows the handling without consent, as in 「不要(法令に基づく提供)」「不要(安衛法に基づく)」
 * 「法定」. Such a cell records why no consent is needed (APPI 第20条第2項第1号, 第27条第1項第1号).
 */
export const LEGAL_BASIS_WORDS =
  /法令に基づ|法律に基づ|法に基づ|法令上の義務|法令による|法律による|法定|法令の定め|法律の定め|法令義務|義務付け|義務づけ|(?:労働)?安衛法|労働安全衛生法|労基法|労働基準法|所得税法|健康保険法|厚生年金保険法|雇用保険法|番号法|マイナンバー法|required by law|legal obligation|statutory|under the .{0,40}act/i;

/**
 * A label for the date a risk analysis (or any sheet) was made or reviewed, as written in the
 * title block above its header: 「実施日：2025年4月1日」「見直し日」「作成日」「改訂日」.
 */
export const REVIEW_DATE_LABELS = /実施日|実施年月日|見直し日|最終見直し|作成日|作成年月日|改訂日|改定日|更新日|最終更新|評価日|分析日|確認日|承認日|reviewed|review date|updated|date of (?:analysis|review)/i;

/** Access by everyone: 「全社員」「全従業員」「全員」「制限なし」 in an access-holders cell. */
export const EVERYONE_WORDS = /全社員|全従業員|全従業者|社員全員|従業員全員|全員|全社|全部署|全部門|誰でも|制限なし|制限無し|共有フォルダ|all (?:staff|employees)|everyone|anyone|unrestricted/i;

/** Notice or publication of the purpose of use (通知・公表), as a notice or note cell says it. */
export const NOTICE_WORDS = /公表|通知|明示|掲載|掲示|ホームページ|hp|webサイト|ウェブサイト|プライバシーポリシー|個人情報保護方針|published|notified|privacy (?:policy|notice)/i;

/** A record of the check made on receiving data from a third party (APPI 第30条): 「取得の経緯を確認」「受領記録」. */
export const RECEIPT_CHECK_WORDS = /取得(?:の)?経緯|経緯(?:を)?確認|提供元(?:を|の)?確認|受領記録|受領時(?:に)?確認|確認記録|確認・記録|確認済|記録済|記録簿|checked on receipt|record of receipt/i;
