import {
  APPI_EN,
  APPI_JA,
  GUIDELINE_WORDS as GUIDELINE,
  MY_NUMBER_ACT_EN,
  MY_NUMBER_ACT_JA,
  MY_NUMBER_GUIDELINE_EN,
  MY_NUMBER_GUIDELINE_JA,
} from "../../glossary/laws";
import { scanText } from "../../read/annual";
import type { RecognisedSheet } from "../../recognise/sheet";
import type { WorkbookModel } from "../../model/workbook";
import { LAW } from "../fields";

/** A laws-list row's name, in the two forms the name patterns of glossary/laws.ts run on. */
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
      const name = scanText(LAW.cell(sheet, row, "name").text);
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
