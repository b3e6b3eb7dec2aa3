import type { LocalisedText } from "../i18n/text";

/** A retention with no end: 「永年」「永久」「無期限」「廃棄しない」 (matched on lower-cased NFKC text). */
export const INDEFINITE_RETENTION =
  /永年|永久|無期限|期限(?:なし|無し|を定めない|の定めなし)|定め(?:なし|無し)|廃棄しない|削除しない|消去しない|保存し続ける|indefinite|permanent|forever|nolimit|no limit/i;

/**
 * Records whose retention the law fixes, as data (used by ledger/retention-below-legal and
 * ledger/retention-indefinite).
 *
 * `years` is the period the law states; `accepted` the shortest period that is not a finding
 * (lower than `years` only while a transitional rule lasts). Ledger rows are matched by their
 * name (個人情報の名称), first entry first, so specific records come before general ones.
 *
 * | record | period | source |
 * |---|---|---|
 * | 労働者名簿 (従業員名簿), 賃金台帳 (給与台帳), 出勤簿・タイムカード, 雇入れ・退職に関する書類 | 5 years, 3 accepted | 労働基準法 第109条, 附則第143条 (経過措置: 当分の間3年) |
 * | 年次有給休暇管理簿 | 5 years, 3 accepted | 労働基準法施行規則 第24条の7 (経過措置: 当分の間3年) |
 * | 健康診断個人票 (健康診断結果) | 5 years | 労働安全衛生規則 第51条 |
 * | ストレスチェック結果 (事業者が保存する記録) | 5 years | 労働安全衛生規則 第52条の13 |
 * | 扶養控除等申告書 (基礎・配偶者・保険料控除申告書を含む) | 7 years | 所得税法施行規則 第76条の3 |
 * | 退職所得の受給に関する申告書 | 7 years | 所得税法施行規則 第77条 |
 * | 労災保険に関する書類 | 3 years | 労働者災害補償保険法施行規則 第51条 |
 * | 労働保険の保険料の徴収に関する書類 | 3 years | 労働保険の保険料の徴収等に関する法律施行規則 第70条 |
 * | 雇用保険の被保険者に関する書類 | 4 years | 雇用保険法施行規則 第143条 |
 * | 雇用保険に関するその他の書類 | 2 years | 雇用保険法施行規則 第143条 |
 * | 健康保険・厚生年金保険に関する書類 | 2 years | 健康保険法施行規則 第34条, 厚生年金保険法施行規則 第28条 |
 * | 派遣元管理台帳・派遣先管理台帳 | 3 years | 労働者派遣法 第37条, 第42条 |
 *
 * Left out on purpose: 源泉徴収簿, which no law requires keeping for a fixed period (the 7 years
 * of practice follow the reassessment deadline of 国税通則法 第70条, not a retention duty);
 * third-party provision records (確認・記録義務: 1 or 3 years depending on how the record is kept,
 * which the ledger does not say); accounting vouchers (請求書, 領収書: the 7 years bind the
 * company's books, not a list of people).
 */
export interface LegalRetention {
  id: string;
  record: LocalisedText;
  /** Tested against the NFKC form of the item's name. */
  pattern: RegExp;
  years: number;
  accepted: number;
  source: string;
}

export const LEGAL_RETENTION: readonly LegalRetention[] = [
  {
    id: "health-check",
    record: { ja: "健康診断個人票", en: "health-check records" },
    pattern: /健康診断|健診(?:結果|個人票|記録)|定期健康|雇入時健康/,
    years: 5,
    accepted: 5,
    source: "労働安全衛生規則 第51条",
  },
  {
    id: "stress-check",
    record: { ja: "ストレスチェック結果", en: "stress-check results" },
    pattern: /ストレスチェック/,
    years: 5,
    accepted: 5,
    source: "労働安全衛生規則 第52条の13",
  },
  {
    id: "deduction-declaration",
    record: { ja: "扶養控除等申告書", en: "dependant-deduction declarations" },
    pattern: /扶養控除|(?:基礎|配偶者|保険料)控除(?:等)?申告書|基礎控除申告書/,
    years: 7,
    accepted: 7,
    source: "所得税法施行規則 第76条の3",
  },
  {
    id: "retirement-income-declaration",
    record: { ja: "退職所得の受給に関する申告書", en: "declarations for the receipt of retirement income" },
    pattern: /退職所得(?:の受給)?に関する申告書|退職所得申告書/,
    years: 7,
    accepted: 7,
    source: "所得税法施行規則 第77条",
  },
  {
    id: "annual-leave-register",
    record: { ja: "年次有給休暇管理簿", en: "register of annual paid leave" },
    pattern: /年次有給休暇管理簿|有給休暇管理簿|年休管理簿|有休管理簿/,
    years: 5,
    accepted: 3,
    source: "労働基準法施行規則 第24条の7",
  },
  {
    id: "workers-accident",
    record: { ja: "労災保険に関する書類", en: "workers' accident insurance records" },
    pattern: /労災|労働者災害補償/,
    years: 3,
    accepted: 3,
    source: "労働者災害補償保険法施行規則 第51条",
  },
  {
    id: "labour-insurance-premium",
    record: { ja: "労働保険の保険料の徴収に関する書類", en: "labour-insurance premium records" },
    pattern: /労働保険(?:料|の保険料|の年度更新|概算|確定)|年度更新/,
    years: 3,
    accepted: 3,
    source: "労働保険の保険料の徴収等に関する法律施行規則 第70条",
  },
  {
    id: "dispatch-ledger",
    record: { ja: "派遣元・派遣先管理台帳", en: "temporary-staff ledgers" },
    pattern: /派遣(?:元|先)管理台帳/,
    years: 3,
    accepted: 3,
    source: "労働者派遣法 第37条・第42条",
  },
  {
    id: "employment-insurance-insured",
    record: { ja: "雇用保険の被保険者に関する書類", en: "employment-insurance records of insured persons" },
    pattern: /雇用保険.*被保険者|被保険者.*雇用保険/,
    years: 4,
    accepted: 4,
    source: "雇用保険法施行規則 第143条",
  },
  {
    id: "employment-insurance",
    record: { ja: "雇用保険に関する書類", en: "employment-insurance records" },
    pattern: /雇用保険/,
    years: 2,
    accepted: 2,
    source: "雇用保険法施行規則 第143条",
  },
  {
    id: "social-insurance",
    record: { ja: "健康保険・厚生年金保険に関する書類", en: "health-insurance and pension records" },
    pattern: /健康保険(?!証番号)|厚生年金|社会保険(?:関係|手続|届|の届)/,
    years: 2,
    accepted: 2,
    source: "健康保険法施行規則 第34条・厚生年金保険法施行規則 第28条",
  },
  {
    id: "labour-register",
    record: { ja: "労働者名簿", en: "register of workers" },
    pattern: /労働者名簿|従業員名簿/,
    years: 5,
    accepted: 3,
    source: "労働基準法 第109条・附則第143条",
  },
  {
    id: "wage-ledger",
    record: { ja: "賃金台帳", en: "wage ledger" },
    pattern: /賃金台帳|給与台帳/,
    years: 5,
    accepted: 3,
    source: "労働基準法 第109条・附則第143条",
  },
  {
    id: "attendance",
    record: { ja: "出勤簿・タイムカード", en: "attendance records" },
    pattern: /出勤簿|タイムカード|勤怠(?:記録|管理表|データ)|出退勤記録/,
    years: 5,
    accepted: 3,
    source: "労働基準法 第109条・附則第143条",
  },
  {
    id: "employment-records",
    record: { ja: "雇入れ・退職に関する書類", en: "hiring and leaving records" },
    pattern: /雇用契約書|労働契約書|労働条件通知書|雇入通知書|退職届|退職願|解雇通知/,
    years: 5,
    accepted: 3,
    source: "労働基準法 第109条・附則第143条",
  },
];

/** The legal minimum for a ledger item by its name, or null when the law fixes none. */
export function legalRetentionFor(name: string): LegalRetention | null {
  return LEGAL_RETENTION.find((r) => r.pattern.test(name)) ?? null;
}
