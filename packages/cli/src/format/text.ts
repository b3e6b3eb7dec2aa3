import { KIND_LABELS, compareFindings, type Finding, type Lang, type ReportSummary, type SheetKind, type WorkbookReport } from "@pmark/core";
import type { FileResult } from "../check-file";
import { emptySummary, addSummary } from "./summary";

export interface TextOptions {
  /** ANSI colours (only for a terminal, and not when NO_COLOR is set). */
  colour?: boolean;
}

type Paint = (code: string, text: string) => string;

const SEVERITY_COLOUR: Record<Finding["severity"], string> = { error: "31", warning: "33", info: "36" };

const WORDS = {
  noFindings: { ja: "指摘はありません", en: "no findings" },
  workbook: { ja: "(ブック全体)", en: "(workbook)" },
  accepted: { ja: "[承認済み]", en: "[accepted]" },
};

export function summaryLine(s: ReportSummary, lang: Lang): string {
  const r = s.risks;
  if (lang === "ja") {
    return (
      `エラー ${s.errors}・警告 ${s.warnings}・情報 ${s.infos}・承認済み ${s.accepted}` +
      ` / リスク: 高 ${r.high}・中 ${r.medium}・低 ${r.low}・未評価 ${r.incomplete}`
    );
  }
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return (
    `${n(s.errors, "error", "errors")}, ${n(s.warnings, "warning", "warnings")}, ${s.infos} info, ${s.accepted} accepted` +
    ` / risks: ${r.high} high, ${r.medium} medium, ${r.low} low, ${r.incomplete} incomplete`
  );
}

interface Group {
  title: string;
  findings: Finding[];
}

/** Findings grouped by sheet in workbook order; findings on unlisted sheets come after. */
function groupBySheet(report: WorkbookReport, lang: Lang): Group[] {
  const order = new Map<string, number>();
  const kinds = new Map<string, SheetKind>();
  report.sheets.forEach((s, i) => {
    if (!order.has(s.name)) order.set(s.name, i);
    kinds.set(s.name, s.kind);
  });
  for (const f of report.findings) if (!order.has(f.sheet)) order.set(f.sheet, order.size + 1e6);
  const bySheet = new Map<string, Finding[]>();
  for (const f of [...report.findings].sort(compareFindings(order))) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  return [...bySheet].map(([sheet, findings]) => {
    const kind = kinds.get(sheet);
    const title =
      sheet === "" ? WORDS.workbook[lang] : kind !== undefined ? `${sheet} [${KIND_LABELS[kind][lang]}]` : sheet;
    return { title, findings };
  });
}

function fileBlock(file: string, report: WorkbookReport, lang: Lang, paint: Paint): string[] {
  const lines = [paint("1", file)];
  const groups = groupBySheet(report, lang);
  if (groups.length === 0) lines.push(`  ${WORDS.noFindings[lang]}`);
  const cellWidth = Math.max(2, ...report.findings.map((f) => f.cell.length));
  const ruleWidth = Math.max(0, ...report.findings.map((f) => f.rule.length));
  for (const g of groups) {
    lines.push(` ${paint("1", g.title)}`);
    for (const f of g.findings) {
      let line =
        `  ${f.cell.padEnd(cellWidth)}  ${paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(7))}  ` +
        `${f.rule.padEnd(ruleWidth)}  ${f.message[lang]}`;
      if (f.hint) line += `  ${paint("2", `(${f.hint})`)}`;
      if (f.accepted) line += `  ${WORDS.accepted[lang]}`;
      lines.push(line.trimEnd());
    }
  }
  lines.push(` ${summaryLine(report.summary, lang)}`);
  return lines;
}

/**
 * The human report: per file a header, the findings by sheet sorted by row and column, and a
 * summary; a grand total when several files were given. Files that could not be read are
 * reported on stderr (one line each) and only counted here.
 */
export function formatText(results: readonly FileResult[], lang: Lang, options: TextOptions = {}): string {
  const paint: Paint = options.colour ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const blocks: string[] = [];
  let total = emptySummary();
  let checked = 0;
  for (const r of results) {
    if (!r.ok) continue;
    checked++;
    total = addSummary(total, r.report.summary);
    blocks.push(fileBlock(r.file, r.report, lang, paint).join("\n"));
  }
  if (results.length > 1) {
    const failed = results.length - checked;
    const head =
      lang === "ja"
        ? `全 ${results.length} ファイル (検査 ${checked}・読めない ${failed})`
        : `${results.length} files (${checked} checked, ${failed} unreadable)`;
    blocks.push(paint("1", `${head}: ${summaryLine(total, lang)}`));
  }
  return blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n`;
}
