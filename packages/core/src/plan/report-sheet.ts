import type { Severity } from "../findings/finding";
import type { Lang, LocalisedText } from "../i18n/text";
import type { WorkbookReport } from "../report/types";
import { cellText, formulaAt, type CellValue, type SheetGrid } from "../grid/grid";
import { ownSheetRole } from "../input/own-sheets";
import { REPORT_COLUMNS } from "./report-columns";
import { textCell } from "./cells";
import { SEVERITY_FILLS } from "./highlight";
import type { WriteOp, WritePlan } from "./types";

export const REPORT_SHEET_NAME: LocalisedText = { ja: "チェック結果", en: "Check results" };

export const SEVERITY_LABELS: Readonly<Record<Severity, LocalisedText>> = {
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
  info: { ja: "情報", en: "Info" },
};

const ACCEPTED: LocalisedText = { ja: "(受容済み)", en: " (accepted)" };
const NONE: LocalisedText = { ja: "指摘はありません。", en: "No findings." };

/** Content in a report sheet beyond its five columns, or a formula in them: the user's own notes. */
export function reportHasUserContent(grid: SheetGrid): boolean {
  return grid.values.some((row, r) => row.some((v, c) => (c >= REPORT_COLUMNS.length && cellText(v) !== "") || formulaAt(grid, r, c) !== undefined));
}

/**
 * A sheet listing every finding: rule, severity, sheet, cell, message. Every string goes
 * through `textCell`, so a message, an item name or a sheet name that starts with = + - @ (or
 * looks like a date or a number) is written as the text it is. The reports written before are
 * deleted first, so the new one replaces them under the same name; one the user wrote notes
 * into beside the table is an overwrite to confirm.
 */
export function findingsReportPlan(report: WorkbookReport, lang: Lang, grids: readonly SheetGrid[] = []): WritePlan {
  const rows: CellValue[][] = [REPORT_COLUMNS.map((c) => textCell(c.label[lang]))];
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
  const previous = grids.filter((g) => ownSheetRole(g) === "report");
  const count = report.findings.length;
  return {
    title: { ja: "チェック結果シートの作成", en: "Write a findings report sheet" },
    summary:
      previous.length > 0
        ? {
            ja: `前回のチェック結果シート(${previous.map((g) => `「${g.name}」`).join("")})を、指摘 ${count} 件の新しいシート「${sheet}」に置き換えます。`,
            en: `Replaces the previous report (${previous.map((g) => `"${g.name}"`).join(", ")}) with a new sheet "${sheet}" listing ${count} findings.`,
          }
        : { ja: `指摘 ${count} 件を新しいシート「${sheet}」に書き出します。`, en: `Writes ${count} findings to a new sheet "${sheet}".` },
    ops: [
      ...previous.map((g): WriteOp => ({ op: "deleteSheet", sheet: g.name, ...(reportHasUserContent(g) ? { userContent: true } : {}) })),
      { op: "addSheet", sheet, tabColor: SEVERITY_FILLS.error },
      { op: "values", sheet, row: 1, col: 1, values: rows },
      { op: "format", sheet, range: "A1:E1", bold: true, fill: "#D9E1F2" },
      { op: "format", sheet, range: `E2:E${Math.max(2, last)}`, wrap: true },
      { op: "columnWidths", sheet, col: 1, widths: REPORT_COLUMNS.map((c) => c.width) },
      { op: "freeze", sheet, rows: 1, cols: 0 },
    ],
  };
}
