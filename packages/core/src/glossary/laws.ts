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
