/**
 * Words that tell what a cell's value is, as opposed to header words (fields.ts): the
 * categories of personal information a 区分 column holds, and the placeholders templates leave
 * in a dropdown before anyone picks a value.
 */

/** The categories of JIS Q 15001:2023 §6.1 and the APPI that a 個人情報区分 column holds. */
export type InfoCategory = "personal" | "sensitive" | "myNumber" | "referable" | "pseudonymous" | "anonymous";

/** Spellings per category, compared after NFKC, lower case and without spaces. */
export const INFO_CATEGORY_WORDS: Readonly<Record<InfoCategory, readonly string[]>> = {
  personal: ["個人情報", "一般", "一般個人情報", "一般情報", "個人データ", "保有個人データ", "personal information", "personal data", "personal"],
  sensitive: ["要配慮個人情報", "要配慮", "要配慮情報", "機微", "機微情報", "機微な個人情報", "sensitive", "special care-required", "special care-required personal information"],
  myNumber: ["特定個人情報", "マイナンバー", "個人番号", "my number", "individual number"],
  referable: ["個人関連情報", "personally referable information"],
  pseudonymous: ["仮名加工情報", "pseudonymously processed information"],
  anonymous: ["匿名加工情報", "anonymously processed information"],
};

/** What a dropdown shows before a value is picked: not a value the user entered. */
export const PLACEHOLDER_WORDS: readonly string[] = ["選択してください", "選択して下さい", "選択", "未選択", "--選択--", "▼", "▼選択", "select", "choose", "please select"];
