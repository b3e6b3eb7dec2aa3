import {
  compareFindings,
  type Finding,
  type LocalisedText,
  type ReportOverview,
  type ReportSummary,
  type SheetSummary,
  type WorkbookReport,
} from "@pmark/core";
import type { FileResult } from "../check-file";
import { failureMessage, type FailureCode, type LoadFailure } from "../load/failure";

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

/** A file that could not be read, as every JSON document gives it (check, explain, diff). */
export type JsonFileError = { file: string; error: { code: FailureCode; message: LocalisedText } };

export function jsonFileError(file: string, failure: LoadFailure): JsonFileError {
  return { file, error: { code: failure.code, message: failureMessage(file, failure) } };
}

export type JsonFile = { file: string; sheets: JsonSheet[]; findings: JsonFinding[]; summary: ReportSummary; overview?: ReportOverview } | JsonFileError;

export interface JsonDocument {
  files: JsonFile[];
}

/** A finding as docs/json-output.md shows it: no messageId, data or accepted=false. */
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

/**
 * The report's overview (heat map, coverage, readiness): an extension beyond the documented
 * keys, copied key by key so the JSON's shape does not follow internal fields.
 */
export function jsonOverview(o: ReportOverview): ReportOverview {
  const h = o.heatMap;
  return {
    heatMap: {
      likelihood: { min: h.likelihood.min, max: h.likelihood.max },
      impact: { min: h.impact.min, max: h.impact.max },
      before: h.before.map((row) => [...row]),
      after: h.after.map((row) => [...row]),
      unplaced: { before: h.unplaced.before, after: h.unplaced.after },
      columns: { before: h.columns.before, after: h.columns.after },
    },
    coverage: {
      phased: o.coverage.phased,
      phases: o.coverage.phases.map((p) => ({
        phase: p.phase,
        label: { ja: p.label.ja, en: p.label.en },
        applicable: p.applicable,
        analysed: p.analysed,
      })),
      departments: o.coverage.departments.map((d) => ({
        department: d.department,
        items: d.items,
        analysed: d.analysed,
        findings: d.findings,
        errors: d.errors,
      })),
    },
    readiness: {
      score: o.readiness.score,
      components: o.readiness.components.map((c) => ({ id: c.id, weight: c.weight, ratio: c.ratio, met: c.met, of: c.of })),
    },
  };
}

export function toJsonDocument(results: readonly FileResult[]): JsonDocument {
  return {
    files: results.map((r): JsonFile => {
      if (!r.ok) return jsonFileError(r.file, r.failure);
      const { sheets, summary, overview } = r.report;
      const findings = sortedFindings(r.report);
      const file: JsonFile = {
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
      if (overview) file.overview = jsonOverview(overview);
      return file;
    }),
  };
}

/** `check --format json`: one JSON document, the shape docs/json-output.md documents. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonDocument(results), null, 2)}\n`;
}
