import {
  KIND_LABELS,
  compareFindings,
  type Coverage,
  type Finding,
  type HeatMap,
  type Lang,
  type Readiness,
  type ReportOverview,
  type ReportSummary,
  type SheetKind,
  type WorkbookReport,
} from "@pmark/core";
import type { FileResult } from "../check-file";
import { TEXT_LIMITS, terminalText } from "../terminal-text";
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

/** The largest of `values` (and `floor`), without spreading a list into arguments. */
function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** A text from the workbook or the profile, safe for a terminal and cut at `max`. */
function shown(text: string, max: number, lang: Lang): string {
  return terminalText(text, { max, lang });
}

/** Terminal columns a string takes: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const padEndW = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStartW = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

const OVERVIEW_WORDS = {
  mapTitle: { ja: "リスクマップ(行: 発生可能性、列: 影響度)", en: "risk map (rows: likelihood, columns: impact)" },
  before: { ja: "対策前", en: "before measures" },
  after: { ja: "対策後(残存)", en: "after measures (residual)" },
  corner: { ja: "発\\影", en: "L\\I" },
  noMap: {
    ja: "リスクマップ: 発生可能性と影響度を読める行がありません",
    en: "risk map: no risk row with a readable likelihood and impact",
  },
  noResidual: {
    ja: "対策後: 残存リスクの発生可能性・影響度の列がありません",
    en: "after measures: no residual likelihood and impact columns",
  },
  readiness: { ja: "準備度", en: "readiness" },
  phases: { ja: "局面別の分析済み項目", en: "items analysed per phase" },
  noPhaseColumn: { ja: "(局面の列なし)", en: "(no phase column)" },
  departments: { ja: "部署別(分析済み/項目・指摘)", en: "per department (analysed/items, findings)" },
  noDepartment: { ja: "(部署なし)", en: "(no department)" },
};

/** One grid: a header of impact values, then likelihood rows from the highest down. */
function gridLines(counts: readonly (readonly number[])[], map: HeatMap, corner: string, cell: number): string[] {
  const impacts: number[] = [];
  for (let i = map.impact.min; i <= map.impact.max; i++) impacts.push(i);
  const cornerWidth = Math.max(displayWidth(corner), String(map.likelihood.max).length);
  const lines = [padEndW(corner, cornerWidth) + impacts.map((i) => padStartW(String(i), cell + 1)).join("")];
  for (let l = map.likelihood.max; l >= map.likelihood.min; l--) {
    const row = counts[l - map.likelihood.min] ?? [];
    lines.push(padStartW(String(l), cornerWidth) + impacts.map((i) => padStartW(String(row[i - map.impact.min] ?? 0), cell + 1)).join(""));
  }
  return lines;
}

/**
 * The heat map as two grids side by side (before and after measures), or the before grid
 * alone when no risk sheet has residual likelihood and impact columns; then a count of the
 * risk rows that could not be placed.
 */
export function heatMapLines(map: HeatMap, lang: Lang): string[] {
  const total = (g: readonly (readonly number[])[]) => g.reduce((n, row) => n + row.reduce((a, b) => a + b, 0), 0);
  if (total(map.before) === 0 && total(map.after) === 0) return [` ${OVERVIEW_WORDS.noMap[lang]}`];
  const withAfter = map.columns.after || total(map.after) > 0;
  let cell = 2;
  for (const grid of withAfter ? [map.before, map.after] : [map.before]) {
    for (const row of grid) cell = maxOf(row.map((n) => String(n).length), cell);
  }
  const corner = OVERVIEW_WORDS.corner[lang];
  const left = gridLines(map.before, map, corner, cell);
  const lines = [` ${OVERVIEW_WORDS.mapTitle[lang]}`];
  if (withAfter) {
    const right = gridLines(map.after, map, corner, cell);
    const leftWidth = maxOf(left.map(displayWidth), displayWidth(OVERVIEW_WORDS.before[lang])) + 4;
    lines.push(`   ${padEndW(OVERVIEW_WORDS.before[lang], leftWidth)}${OVERVIEW_WORDS.after[lang]}`);
    left.forEach((l, i) => lines.push(`   ${padEndW(l, leftWidth)}${right[i] ?? ""}`.trimEnd()));
  } else {
    lines.push(`   ${OVERVIEW_WORDS.before[lang]}`);
    for (const l of left) lines.push(`   ${l}`);
  }
  const before = map.unplaced.before;
  const after = withAfter ? map.unplaced.after : 0;
  if (before > 0 || after > 0) {
    lines.push(
      lang === "ja"
        ? `   マップ外(評価を読めない行): 対策前 ${before}${withAfter ? `・対策後 ${after}` : ""}`
        : `   not on the map (ratings missing or unreadable): ${before} before${withAfter ? `, ${after} after` : ""} measures`,
    );
  }
  if (!withAfter) lines.push(`   ${OVERVIEW_WORDS.noResidual[lang]}`);
  return lines;
}

/** `準備度 72/100 / 局面別…: 取得・入力 18/18・…` (phases no item is subject to are left out). */
export function readinessLine(readiness: Readiness, coverage: Coverage, lang: Lang): string {
  const sep = lang === "ja" ? "・" : ", ";
  const phases = coverage.phases
    .filter((p) => p.applicable > 0)
    .map((p) => `${shown(p.label[lang], TEXT_LIMITS.label, lang)} ${p.analysed}/${p.applicable}`);
  let line = `${OVERVIEW_WORDS.readiness[lang]} ${readiness.score}/100`;
  if (phases.length > 0) {
    line += ` / ${OVERVIEW_WORDS.phases[lang]}: ${phases.join(sep)}`;
    if (!coverage.phased) line += ` ${OVERVIEW_WORDS.noPhaseColumn[lang]}`;
  }
  return line;
}

/** Per-department coverage, or null when no ledger item names a department. */
export function departmentLine(coverage: Coverage, lang: Lang): string | null {
  const named = coverage.departments.some((d) => d.department !== "");
  if (!named) return null;
  const parts = coverage.departments.map((d) => {
    const name = d.department === "" ? OVERVIEW_WORDS.noDepartment[lang] : shown(d.department, TEXT_LIMITS.label, lang);
    return lang === "ja"
      ? `${name} ${d.analysed}/${d.items}・指摘${d.findings}`
      : `${name} ${d.analysed}/${d.items}, ${d.findings} ${d.findings === 1 ? "finding" : "findings"}`;
  });
  return `${OVERVIEW_WORDS.departments[lang]}: ${parts.join(lang === "ja" ? "、" : "; ")}`;
}

/** The lines after a file's summary: heat map, readiness with phase coverage, departments. */
export function overviewLines(o: ReportOverview, lang: Lang): string[] {
  const lines = heatMapLines(o.heatMap, lang);
  lines.push(` ${readinessLine(o.readiness, o.coverage, lang)}`);
  const departments = departmentLine(o.coverage, lang);
  if (departments !== null) lines.push(` ${departments}`);
  return lines;
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
  for (const f of report.findings.slice().sort(compareFindings(order))) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const groups: Group[] = [];
  for (const [sheet, findings] of bySheet) {
    const kind = kinds.get(sheet);
    const name = shown(sheet, TEXT_LIMITS.sheet, lang);
    const title = sheet === "" ? WORDS.workbook[lang] : kind !== undefined ? `${name} [${KIND_LABELS[kind][lang]}]` : name;
    groups.push({ title, findings });
  }
  return groups;
}

/** Collects lines and hands them on in blocks of about 64 KB, so no report is one huge string. */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly sink: (chunk: string) => void) {}

  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size >= 65_536) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.sink(`${this.buffer.join("\n")}\n`);
    this.buffer = [];
    this.size = 0;
  }
}

function writeFileBlock(out: LineWriter, file: string, report: WorkbookReport, lang: Lang, paint: Paint): void {
  out.line(paint("1", shown(file, TEXT_LIMITS.file, lang)));
  const groups = groupBySheet(report, lang);
  if (groups.length === 0) out.line(`  ${WORDS.noFindings[lang]}`);
  const cellWidth = maxOf(report.findings.map((f) => f.cell.length), 2);
  const ruleWidth = maxOf(report.findings.map((f) => f.rule.length), 0);
  for (const g of groups) {
    out.line(` ${paint("1", g.title)}`);
    for (const f of g.findings) {
      let line =
        `  ${f.cell.padEnd(cellWidth)}  ${paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(7))}  ` +
        `${f.rule.padEnd(ruleWidth)}  ${shown(f.message[lang], TEXT_LIMITS.message, lang)}`;
      if (f.hint) line += `  ${paint("2", `(${shown(f.hint, TEXT_LIMITS.label, lang)})`)}`;
      if (f.accepted) line += `  ${WORDS.accepted[lang]}`;
      out.line(line.trimEnd());
    }
  }
  out.line(` ${summaryLine(report.summary, lang)}`);
  if (report.overview) for (const l of overviewLines(report.overview, lang)) out.line(l);
}

/**
 * The human report, written to `sink` in blocks as it is made: per file a header, the findings
 * by sheet sorted by row and column, and a summary; a grand total when several files were
 * given. Files that could not be read are reported on stderr (one line each) and only counted
 * here. Every text that comes from a workbook, a file name or a profile is made safe for a
 * terminal (control characters shown as escapes, long texts cut).
 */
export function writeText(results: readonly FileResult[], lang: Lang, sink: (chunk: string) => void, options: TextOptions = {}): void {
  const paint: Paint = options.colour ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const out = new LineWriter(sink);
  let total = emptySummary();
  let checked = 0;
  for (const r of results) {
    if (!r.ok) continue;
    if (checked > 0) out.line("");
    checked++;
    total = addSummary(total, r.report.summary);
    writeFileBlock(out, r.file, r.report, lang, paint);
  }
  if (results.length > 1) {
    const failed = results.length - checked;
    const head =
      lang === "ja"
        ? `全 ${results.length} ファイル (検査 ${checked}・読めない ${failed})`
        : `${results.length} files (${checked} checked, ${failed} unreadable)`;
    if (checked > 0) out.line("");
    out.line(paint("1", `${head}: ${summaryLine(total, lang)}`));
  }
  out.flush();
}

/** The human report as one string (see writeText). */
export function formatText(results: readonly FileResult[], lang: Lang, options: TextOptions = {}): string {
  const chunks: string[] = [];
  writeText(results, lang, (chunk) => chunks.push(chunk), options);
  return chunks.join("");
}
