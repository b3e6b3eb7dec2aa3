import type { LocalisedText } from "../i18n/text";

/** The report's columns: their labels in row 1 are also how a report sheet is told apart (input/own-sheets.ts). */
export const REPORT_COLUMNS: readonly { label: LocalisedText; width: number }[] = [
  { label: { ja: "ルール", en: "Rule" }, width: 32 },
  { label: { ja: "重大度", en: "Severity" }, width: 10 },
  { label: { ja: "シート", en: "Sheet" }, width: 20 },
  { label: { ja: "セル", en: "Cell" }, width: 8 },
  { label: { ja: "内容", en: "Message" }, width: 80 },
];
