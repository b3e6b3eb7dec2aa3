import type { Severity } from "../findings/finding";
import type { Lang, LocalisedText } from "../i18n/text";
import type { WorkbookReport } from "../report/types";
import type { CellValue } from "../grid/grid";
import { textCell } from "./cells";
import { SEVERITY_FILLS } from "./highlight";
import type { WritePlan } from "./types";

export const REPORT_SHEET_NAME: LocalisedText = { ja: "チェック結果", en: "Check results" };

const COLUMNS: { label: LocalisedText; width: number }[] = [
  { label: { ja: "ルール", en: "Rule" }, width: 32 },
  { label: { ja: "重大度", en: "Severity" }, width: 10 },
  { label: { ja: "シート", en: "Sheet" }, width: 20 },
  { label: { ja: "セル", en: "Cell" }, width: 8 },
  { label: { ja: "内容", en: "Message" }, width: 80 },
];

export const SEVERITY_LABELS: Readonly<Record<Severity, LocalisedText>> = {
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
  info: { ja: "情報", en: "Info" },
};

const ACCEPTED: LocalisedText = { ja: "(受容済み)", en: " (accepted)" };
const NONE: LocalisedText = { ja: "指摘はありません。", en: "No findings." };

/**
 * A new sheet listing every finding: rule, severity, sheet, cell, message. Every string goes
 * through `textCell`, so a message, an item name or a sheet name that starts with = + - @ (or
 * looks like a date or a number) is written as the text it is.
 */
export function findingsReportPlan(report: WorkbookReport, lang: Lang): WritePlan {
  const rows: CellValue[][] = [COLUMNS.map((c) => textCell(c.label[lang]))];
  for (const f of report.findings) {
    rows.push([
      textCell(f.rule),
      textCell(SEVERITY_LABELS[f.severity][lang] + (f.accepted ? ACCEPTED[lang] : "")),
      textCell(f.sheet),
      textCell(f.cell),
      textCell(f.message[lang]),
    ]);
  }
  if (report.findings.length === 0) rows.push([null, null, null, null, textCell(NONE[lang])]);
  const sheet = REPORT_SHEET_NAME[lang];
  const last = rows.length;
  return {
    title: { ja: "チェック結果シートの作成", en: "Write a findings report sheet" },
    ops: [
      { op: "addSheet", sheet, tabColor: SEVERITY_FILLS.error },
      { op: "values", sheet, row: 1, col: 1, values: rows },
      { op: "format", sheet, range: "A1:E1", bold: true, fill: "#D9E1F2" },
      { op: "format", sheet, range: `E2:E${Math.max(2, last)}`, wrap: true },
      { op: "columnWidths", sheet, col: 1, widths: COLUMNS.map((c) => c.width) },
      { op: "freeze", sheet, rows: 1, cols: 0 },
    ],
  };
}
