import { MY_NUMBER_WORDS, NOT_SENSITIVE_WORDS, SENSITIVE_LIKE_WORDS, SENSITIVE_WORDS } from "../../glossary/sensitive";
import { scanText } from "../../read/annual";
import type { LedgerItem } from "../../model/records";

/**
 * The sensitive word in a text (after removing the look-alikes of glossary/sensitive.ts), or
 * null; `like` is true for data JIS Q 15001:2023 handles like 要配慮個人情報 (性生活, 性的指向,
 * 労働組合) although the APPI does not list it.
 */
export function sensitiveKeyword(text: string): { keyword: string; like: boolean } | null {
  const t = scanText(text).replace(NOT_SENSITIVE_WORDS, " ");
  const m = SENSITIVE_WORDS.exec(t);
  if (m) return { keyword: m[0], like: false };
  const l = SENSITIVE_LIKE_WORDS.exec(t);
  return l ? { keyword: l[0], like: true } : null;
}

export function mentionsMyNumber(text: string): boolean {
  return MY_NUMBER_WORDS.test(scanText(text));
}

/**
 * The item holds 特定個人情報: its My Number flag says so, or (flag blank or absent) its name
 * or data items mention マイナンバー / 個人番号. An explicit "no" wins over the words.
 */
export function holdsMyNumber(item: LedgerItem): boolean {
  const flag = item.myNumber.value;
  if (flag !== null) return flag;
  return mentionsMyNumber(item.name.text) || mentionsMyNumber(item.dataItems.text);
}
