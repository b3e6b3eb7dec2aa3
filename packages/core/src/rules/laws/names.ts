import { scanText } from "../../read/annual";
import { fieldCell } from "../../read/records";
import type { RecognisedSheet } from "../../recognise/sheet";
import type { WorkbookModel } from "../../model/workbook";

/**
 * Recognising laws by the names companies write in their laws lists (法令等一覧): the official
 * title, the usual short name, or an English name (English rows of the templates keep the
 * Japanese title in brackets too). Japanese patterns run on the name without spaces.
 */

/** 個人情報保護法 itself: not its 施行令, 施行規則 or a guideline about it. */
const APPI_JA = /個人情報(?:の)?保護(?:に関する)?(?:法律|法(?!律))(?!施行|について|に関する|の?ガイドライン|q&a)/i;
const APPI_EN = /act on the protection of personal information(?!\s*\(?(?:enforcement|order|rules|cabinet))/i;

/** 番号法 (マイナンバー法): 行政手続における特定の個人を識別するための番号の利用等に関する法律. */
const MY_NUMBER_ACT_JA = /番号の利用等に関する(?:法律|法(?!律))(?!施行)|番号法(?!施行)|番号利用法|マイナンバー法/;
const MY_NUMBER_ACT_EN = /my ?number act|act on the use of numbers to identify a specific individual/i;

/** 特定個人情報の適正な取扱いに関するガイドライン(事業者編). */
const MY_NUMBER_GUIDELINE_JA = /特定個人情報.{0,20}ガイドライン|マイナンバー.{0,10}ガイドライン|番号法.{0,10}ガイドライン/;
const MY_NUMBER_GUIDELINE_EN = /guidelines?.{0,40}(?:specific personal information|my ?number)|(?:specific personal information|my ?number).{0,40}guidelines?/i;

const GUIDELINE = /ガイドライン|指針|guideline/i;

export interface LawName {
  sheet: RecognisedSheet;
  row: number;
  ja: string;
  en: string;
}

/** Each laws-list row with a name. */
export function lawNames(model: WorkbookModel): LawName[] {
  const out: LawName[] = [];
  for (const sheet of model.ofKind("law")) {
    for (const row of sheet.dataRows) {
      const name = scanText(fieldCell(sheet, row, "name").text);
      if (name.trim() === "") continue;
      out.push({ sheet, row, ja: name.replace(/\s+/g, ""), en: name.replace(/\s+/g, " ") });
    }
  }
  return out;
}

export function namesAppi(n: LawName): boolean {
  return APPI_JA.test(n.ja) || (APPI_EN.test(n.en) && !GUIDELINE.test(n.en));
}

export function namesMyNumberGuideline(n: LawName): boolean {
  return MY_NUMBER_GUIDELINE_JA.test(n.ja) || MY_NUMBER_GUIDELINE_EN.test(n.en);
}

export function namesMyNumberAct(n: LawName): boolean {
  if (namesMyNumberGuideline(n)) return false;
  return MY_NUMBER_ACT_JA.test(n.ja) || MY_NUMBER_ACT_EN.test(n.en);
}
