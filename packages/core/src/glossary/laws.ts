/**
 * Laws, guidelines and norms as companies write them in their laws lists (法令等一覧): the
 * official title, the usual short name, or an English name (English rows of the templates keep
 * the Japanese title in brackets too). Japanese patterns run on NFKC text without spaces,
 * English ones on NFKC text with single spaces.
 */

/** 個人情報保護法 itself: not its 施行令, 施行規則 or a guideline about it. */
export const APPI_JA = /個人情報(?:の)?保護(?:に関する)?(?:法律|法(?!律))(?!施行|について|に関する|の?ガイドライン|q&a)/i;
export const APPI_EN = /act on the protection of personal information(?!\s*\(?(?:enforcement|order|rules|cabinet))/i;

/** 番号法 (マイナンバー法): 行政手続における特定の個人を識別するための番号の利用等に関する法律. */
export const MY_NUMBER_ACT_JA = /番号の利用等に関する(?:法律|法(?!律))(?!施行)|番号法(?!施行)|番号利用法|マイナンバー法/;
export const MY_NUMBER_ACT_EN = /my ?number act|act on the use of numbers to identify a specific individual/i;

/** 特定個人情報の適正な取扱いに関するガイドライン(事業者編). */
export const MY_NUMBER_GUIDELINE_JA = /特定個人情報.{0,20}ガイドライン|マイナンバー.{0,10}ガイドライン|番号法.{0,10}ガイドライン/;
export const MY_NUMBER_GUIDELINE_EN = /guidelines?.{0,40}(?:specific personal information|my ?number)|(?:specific personal information|my ?number).{0,40}guidelines?/i;

/** A guideline or similar norm rather than an act. */
export const GUIDELINE_WORDS = /ガイドライン|指針|guideline/i;

/** 労働安全衛生法 (or its rules, or the MHLW's notes on handling health information at work). */
export const INDUSTRIAL_SAFETY_ACT = /労働安全衛生(?:法|規則)|安衛法|安衛則|健康情報(?:を|の|等の)?取(?:り)?扱|industrial safety and health/i;

/** 職業安定法 or its guideline on job seekers' personal information (求職者等の個人情報). */
export const EMPLOYMENT_SECURITY_ACT = /職業安定法|職安法|求職者等の個人情報|職業紹介事業者.{0,40}指針|employment security act/i;

/** A norm a laws list still names although it was withdrawn or replaced. */
export interface ObsoleteNorm {
  id: string;
  /** Tested against the name without spaces. */
  pattern: RegExp;
  name: { ja: string; en: string };
  replacement: { ja: string; en: string };
}

/**
 * Withdrawn or replaced norms: the ministries' APPI guidelines ended on 2017-05-30 when the
 * Personal Information Protection Commission's guidelines replaced them; JIS Q 15001:2006 was
 * replaced by the 2017 and then the 2023 edition. The MHLW's notes on health information
 * (健康情報を取り扱うに当たっての留意事項) remain in force and are not matched.
 */
export const OBSOLETE_NORMS: readonly ObsoleteNorm[] = [
  {
    id: "meti-guideline",
    pattern: /経済産業分野|経済産業省.{0,20}ガイドライン|meti.{0,20}guideline/i,
    name: { ja: "経済産業分野を対象とするガイドライン", en: "the METI guideline for the economic and industrial sectors" },
    replacement: { ja: "個人情報保護委員会のガイドライン(通則編など)", en: "the Personal Information Protection Commission's guidelines (general rules and others)" },
  },
  {
    id: "mhlw-employment-guideline",
    pattern: /雇用管理(?:分野)?(?:における|に関する)個人情報(?!のうち健康情報)(?:保護|の適正な取扱い).{0,30}(?:ガイドライン|指針)/,
    name: { ja: "雇用管理分野における個人情報保護に関するガイドライン", en: "the MHLW guideline on personal information in employment management" },
    replacement: { ja: "個人情報保護委員会のガイドライン(通則編など)", en: "the Personal Information Protection Commission's guidelines (general rules and others)" },
  },
  {
    id: "jis-2006",
    pattern: /15001[:：]?2006/,
    name: { ja: "JIS Q 15001:2006", en: "JIS Q 15001:2006" },
    replacement: { ja: "JIS Q 15001:2023", en: "JIS Q 15001:2023" },
  },
];
