import { compareFindings, type Finding, type LocalisedText, type ReportSummary, type SheetSummary, type WorkbookReport } from "@pmark/core";
import type { FileResult } from "../check-file";
import { failureMessage, type FailureCode } from "../load/failure";

export interface JsonFinding {
  rule: string;
  severity: Finding["severity"];
  sheet: string;
  cell: string;
  row: number;
  col: number;
  message: LocalisedText;
  hint?: string;
  accepted?: true;
}

export interface JsonSheet {
  name: string;
  kind: SheetSummary["kind"];
  headerRow: number;
  rows: number;
}

export type JsonFile =
  | { file: string; sheets: JsonSheet[]; findings: JsonFinding[]; summary: ReportSummary }
  | { file: string; error: { code: FailureCode; message: LocalisedText } };

export interface JsonDocument {
  files: JsonFile[];
}

/** A finding as PRODUCT.md §5 shows it: no messageId, data or accepted=false. */
export function jsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    col: f.col,
    message: { ja: f.message.ja, en: f.message.en },
  };
  if (f.hint !== undefined && f.hint !== "") out.hint = f.hint;
  if (f.accepted === true) out.accepted = true;
  return out;
}

/** Findings in a stable order: sheet order, then row, column, severity, rule. */
export function sortedFindings(report: WorkbookReport): Finding[] {
  const order = new Map<string, number>();
  report.sheets.forEach((s, i) => {
    if (!order.has(s.name)) order.set(s.name, i);
  });
  return [...report.findings].sort(compareFindings(order));
}

export function toJsonDocument(results: readonly FileResult[]): JsonDocument {
  return {
    files: results.map((r): JsonFile => {
      if (!r.ok) return { file: r.file, error: { code: r.failure.code, message: failureMessage(r.file, r.failure) } };
      const { sheets, summary } = r.report;
      const findings = sortedFindings(r.report);
      return {
        file: r.file,
        sheets: sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, rows: s.rows })),
        findings: findings.map(jsonFinding),
        summary: {
          errors: summary.errors,
          warnings: summary.warnings,
          infos: summary.infos,
          accepted: summary.accepted,
          risks: {
            high: summary.risks.high,
            medium: summary.risks.medium,
            low: summary.risks.low,
            incomplete: summary.risks.incomplete,
          },
        },
      };
    }),
  };
}

/** `check --format json`: one JSON document, PRODUCT.md §5's shape. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonDocument(results), null, 2)}\n`;
}
