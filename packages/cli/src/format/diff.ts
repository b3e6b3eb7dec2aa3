import {
  levelLabel,
  type DiffSide,
  type Finding,
  type HeatMap,
  type ItemRef,
  type Lang,
  type LevelChange,
  type LevelId,
  type LocalisedText,
  type ReportOverview,
  type ReportSummary,
  type RiskRowRef,
  type SheetSummary,
  type WorkbookDiff,
} from "@pmark/core";
import type { FileResult } from "../check-file";
import { TEXT_LIMITS, terminalText } from "../terminal-text";
import { jsonFileError, jsonFinding, jsonOverview, type JsonFileError, type JsonFinding, type JsonSheet } from "./json";
import { displayWidth, heatMapLines, LineWriter, summaryLine } from "./text";

/** The two files a diff compares, as the user named them. */
export interface DiffFiles {
  old: string;
  new: string;
}

// ---------------------------------------------------------------- JSON

export interface JsonDiffSide {
  file: string;
  sheets: JsonSheet[];
  summary: ReportSummary;
  overview?: ReportOverview;
}

export type JsonDiffFailure = JsonFileError;

export interface JsonDiffDocument {
  old: JsonDiffSide;
  new: JsonDiffSide;
  summary: WorkbookDiff["summary"];
  ledgerFields: WorkbookDiff["ledgerFields"];
  items: WorkbookDiff["items"];
  risks: WorkbookDiff["risks"];
  findings: { resolved: JsonFinding[]; new: JsonFinding[]; open: (JsonFinding & { was: { sheet: string; cell: string } })[] };
}

function side(file: string, s: DiffSide): JsonDiffSide {
  const out: JsonDiffSide = {
    file,
    sheets: s.sheets.map((x: SheetSummary) => ({ name: x.name, kind: x.kind, headerRow: x.headerRow, rows: x.rows })),
    summary: {
      errors: s.summary.errors,
      warnings: s.summary.warnings,
      infos: s.summary.infos,
      accepted: s.summary.accepted,
      risks: { high: s.summary.risks.high, medium: s.summary.risks.medium, low: s.summary.risks.low, incomplete: s.summary.risks.incomplete },
    },
  };
  if (s.overview) out.overview = jsonOverview(s.overview);
  return out;
}

const item = (i: ItemRef): ItemRef => ({ sheet: i.sheet, row: i.row, cell: i.cell, id: i.id, label: i.label });
const row = (r: RiskRowRef): RiskRowRef => ({ sheet: r.sheet, row: r.row, risk: r.risk, measure: r.measure, before: r.before, after: r.after });
const change = (c: LevelChange): LevelChange => ({ from: c.from, to: c.to, direction: c.direction });

/** `diff --format json`: the comparison, key by key, as docs/json-output.md documents it. */
export function toJsonDiff(files: DiffFiles, d: WorkbookDiff): JsonDiffDocument {
  return {
    old: side(files.old, d.old),
    new: side(files.new, d.new),
    summary: {
      items: { ...d.summary.items },
      risks: { ...d.summary.risks, before: { ...d.summary.risks.before }, after: { ...d.summary.risks.after } },
      findings: { ...d.summary.findings },
    },
    ledgerFields: {
      added: d.ledgerFields.added.map((f) => ({ field: f.field, label: { ja: f.label.ja, en: f.label.en } })),
      removed: d.ledgerFields.removed.map((f) => ({ field: f.field, label: { ja: f.label.ja, en: f.label.en } })),
    },
    items: {
      added: d.items.added.map(item),
      removed: d.items.removed.map(item),
      changed: d.items.changed.map((c) => ({
        old: item(c.old),
        new: item(c.new),
        match: c.match,
        renamed: c.renamed,
        fields: c.fields.map((f) => ({ field: f.field, label: { ja: f.label.ja, en: f.label.en }, old: f.old, new: f.new })),
      })),
    },
    risks: d.risks.map((g) => ({
      items: { old: [...g.items.old], new: [...g.items.new] },
      phase: g.phase,
      phaseLabel: { ja: g.phaseLabel.ja, en: g.phaseLabel.en },
      rows: g.rows.map((r) => {
        const out: (typeof g.rows)[number] = { change: r.change };
        if (r.old) out.old = row(r.old);
        if (r.new) out.new = row(r.new);
        if (r.before) out.before = change(r.before);
        if (r.after) out.after = change(r.after);
        if (r.reworded) out.reworded = true;
        if (r.measureChanged) out.measureChanged = true;
        return out;
      }),
    })),
    findings: {
      resolved: d.findings.resolved.map(jsonFinding),
      new: d.findings.new.map(jsonFinding),
      open: d.findings.open.map((o) => ({ ...jsonFinding(o.finding), was: { sheet: o.was.sheet, cell: o.was.cell } })),
    },
  };
}

export function formatJsonDiff(files: DiffFiles, d: WorkbookDiff): string {
  return `${JSON.stringify(toJsonDiff(files, d), null, 2)}\n`;
}

/** The JSON printed when an input could not be read: each side its file and either nothing or its error. */
export function formatJsonDiffFailure(old: FileResult, now: FileResult): string {
  const side = (r: FileResult): JsonDiffFailure | { file: string } => (r.ok ? { file: r.file } : jsonFileError(r.file, r.failure));
  return `${JSON.stringify({ old: side(old), new: side(now) }, null, 2)}\n`;
}

// ---------------------------------------------------------------- text

const T = {
  title: { ja: "年次比較", en: "year-on-year comparison" },
  items: { ja: "台帳の項目", en: "ledger items" },
  risks: { ja: "リスク分析", en: "risk analysis" },
  findings: { ja: "指摘", en: "findings" },
  added: { ja: "追加", en: "added" },
  removed: { ja: "削除", en: "removed" },
  renamed: { ja: "名称変更", en: "renamed" },
  renamedUncertain: { ja: "名称変更?", en: "renamed?" },
  changed: { ja: "変更", en: "changed" },
  unchanged: { ja: "変更なし", en: "unchanged" },
  resolved: { ja: "解消", en: "resolved" },
  new: { ja: "新規", en: "new" },
  open: { ja: "継続", en: "still open" },
  before: { ja: "対策前", en: "before measures" },
  after: { ja: "対策後", en: "after measures" },
  up: { ja: "上がった", en: "rose" },
  down: { ja: "下がった", en: "fell" },
  set: { ja: "評価あり", en: "now rated" },
  cleared: { ja: "評価なし", en: "no longer rated" },
  columnsAdded: { ja: "今年度に加わった列", en: "columns added this year" },
  columnsRemoved: { ja: "今年度になくなった列", en: "columns no longer recorded" },
  lastYear: { ja: "前年度", en: "last year" },
  thisYear: { ja: "今年度", en: "this year" },
  none: { ja: "(空欄)", en: "(blank)" },
  noChanges: { ja: "変化なし", en: "no changes" },
  measure: { ja: "対策", en: "measure" },
  reworded: { ja: "リスクの記述を変更", en: "risk reworded" },
  measureChanged: { ja: "対策を変更", en: "measure changed" },
  similar: { ja: "似た名称で対応づけ。同じ個人情報か確認してください", en: "paired by a similar name: check it is the same information" },
  was: { ja: "前年度", en: "last year" },
  errors: { ja: "うちエラー", en: "errors" },
  readiness: { ja: "準備度", en: "readiness" },
} satisfies Record<string, LocalisedText>;

/** A text from a workbook, a file name or a profile, safe for a terminal and cut at `max`. */
function shown(text: string, max: number, lang: Lang): string {
  return terminalText(text, { max, lang });
}

function at(sheet: string, cell: string, lang: Lang): string {
  return `${shown(sheet, TEXT_LIMITS.sheet, lang)}!${cell}`;
}

function levelWord(l: LevelId | null, lang: Lang): string {
  return l === null ? "—" : levelLabel(l, lang);
}

function levelChangeText(c: LevelChange, lang: Lang): string {
  return `${levelWord(c.from, lang)} → ${levelWord(c.to, lang)} (${T[c.direction][lang]})`;
}

function itemText(i: ItemRef, lang: Lang): string {
  const label = shown(i.label, TEXT_LIMITS.label, lang);
  return i.id !== "" ? `${shown(i.id, 40, lang)} ${label}` : label;
}

function findingLine(f: Finding, lang: Lang, extra = ""): string {
  let line = `  ${at(f.sheet, f.cell, lang)}  ${f.severity.padEnd(7)}  ${f.rule}  ${shown(f.message[lang], TEXT_LIMITS.message, lang)}`;
  if (f.accepted) line += lang === "ja" ? "  [承認済み]" : "  [accepted]";
  return line + extra;
}

/** "名前 value" pairs joined the way each language lists them. */
function list(parts: readonly [LocalisedText, number][], lang: Lang): string {
  return parts.map(([w, n]) => (lang === "ja" ? `${w.ja} ${n}` : `${n} ${w.en}`)).join(lang === "ja" ? "・" : ", ");
}

/** The summary lines: counts first, then the two years' totals. */
export function diffSummaryLines(files: DiffFiles, d: WorkbookDiff, lang: Lang): string[] {
  const s = d.summary;
  const lines = [`${T.title[lang]}: ${shown(files.old, TEXT_LIMITS.file, lang)} → ${shown(files.new, TEXT_LIMITS.file, lang)}`];
  lines.push(
    ` ${T.items[lang]}: ${s.items.old} → ${s.items.new} (${list(
      [
        [T.added, s.items.added],
        [T.removed, s.items.removed],
        [T.renamed, s.items.renamed],
        [T.renamedUncertain, s.items.renamedUncertain],
        [T.changed, s.items.changed],
        [T.unchanged, s.items.unchanged],
      ],
      lang,
    )})`,
  );
  const dir = (x: { up: number; down: number }) =>
    list(
      [
        [T.down, x.down],
        [T.up, x.up],
      ],
      lang,
    );
  lines.push(
    ` ${T.risks[lang]}: ${s.risks.old} → ${s.risks.new} (${list(
      [
        [T.added, s.risks.added],
        [T.removed, s.risks.removed],
        [T.changed, s.risks.changed],
      ],
      lang,
    )}) / ${T.before[lang]}: ${dir(s.risks.before)} / ${T.after[lang]}: ${dir(s.risks.after)}`,
  );
  const withErrors = (w: LocalisedText, n: number, e: number) => (lang === "ja" ? `${w.ja} ${n}${e > 0 ? ` (${T.errors.ja} ${e})` : ""}` : `${n} ${w.en}${e > 0 ? ` (${e} ${T.errors.en})` : ""}`);
  lines.push(
    ` ${T.findings[lang]}: ${[
      withErrors(T.resolved, s.findings.resolved, s.findings.resolvedErrors),
      withErrors(T.new, s.findings.new, s.findings.newErrors),
      withErrors(T.open, s.findings.open, s.findings.openErrors),
    ].join(lang === "ja" ? "・" : ", ")}`,
  );
  lines.push(` ${T.lastYear[lang]}: ${summaryLine(d.old.summary, lang)}${readiness(d.old, lang)}`);
  lines.push(` ${T.thisYear[lang]}: ${summaryLine(d.new.summary, lang)}${readiness(d.new, lang)}`);
  return lines;
}

function readiness(s: DiffSide, lang: Lang): string {
  return s.overview ? ` / ${T.readiness[lang]} ${s.overview.readiness.score}/100` : "";
}

/** Two heat maps (a year's before and after) as printed by `check`, one year under the other. */
function mapLines(title: string, map: HeatMap | undefined, lang: Lang): string[] {
  if (!map) return [];
  return [` ${title}`, ...heatMapLines(map, lang).map((l) => ` ${l}`)];
}

/**
 * `diff` for people: the summary first, then ledger columns and items (added, removed,
 * renamed, changed field by field), risk rows per item and phase with their levels, the
 * findings resolved, new and still open, and the two years' heat maps. Every text from a
 * workbook or a file name is made safe for a terminal.
 */
export function writeDiffText(files: DiffFiles, d: WorkbookDiff, lang: Lang, sink: (chunk: string) => void): void {
  const out = new LineWriter(sink);
  for (const l of diffSummaryLines(files, d, lang)) out.line(l);
  const sep = lang === "ja" ? "、" : ", ";

  out.line("");
  out.line(T.items[lang]);
  if (d.ledgerFields.added.length > 0) out.line(` ${T.columnsAdded[lang]}: ${d.ledgerFields.added.map((f) => f.label[lang]).join(sep)}`);
  if (d.ledgerFields.removed.length > 0) out.line(` ${T.columnsRemoved[lang]}: ${d.ledgerFields.removed.map((f) => f.label[lang]).join(sep)}`);
  const { added, removed, changed } = d.items;
  if (added.length + removed.length + changed.length === 0) out.line(` ${T.noChanges[lang]}`);
  const width = [T.added, T.removed, T.renamed, T.renamedUncertain, T.changed].reduce((m, w) => Math.max(m, displayWidth(w[lang])), 0);
  const tag = (w: LocalisedText) => w[lang] + " ".repeat(width - displayWidth(w[lang]));
  for (const i of added) out.line(` ${tag(T.added)}  ${itemText(i, lang)}  (${at(i.sheet, i.cell, lang)})`);
  for (const i of removed) out.line(` ${tag(T.removed)}  ${itemText(i, lang)}  (${at(i.sheet, i.cell, lang)})`);
  for (const c of changed) {
    const word = c.match === "similar" ? T.renamedUncertain : c.renamed ? T.renamed : T.changed;
    const name = c.renamed ? `${shown(c.old.label, TEXT_LIMITS.label, lang)} → ${itemText(c.new, lang)}` : itemText(c.new, lang);
    out.line(` ${tag(word)}  ${name}  (${at(c.new.sheet, c.new.cell, lang)})${c.match === "similar" ? `  [${T.similar[lang]}]` : ""}`);
    for (const f of c.fields) {
      if (f.field === "name") continue;
      const v = (t: string) => (t === "" ? T.none[lang] : shown(t, TEXT_LIMITS.label, lang));
      out.line(`     ${f.label[lang]}: ${v(f.old)} → ${v(f.new)}`);
    }
  }

  out.line("");
  out.line(T.risks[lang]);
  if (d.risks.length === 0) out.line(` ${T.noChanges[lang]}`);
  for (const g of d.risks) {
    const names = (g.items.new.length > 0 ? g.items.new : g.items.old).map((x) => shown(x, TEXT_LIMITS.label, lang)).join(sep);
    out.line(` ${names} / ${shown(g.phaseLabel[lang], TEXT_LIMITS.label, lang)}`);
    for (const r of g.rows) {
      const ref = (r.new ?? r.old) as RiskRowRef;
      const word = r.change === "added" ? T.added : r.change === "removed" ? T.removed : T.changed;
      const where = lang === "ja" ? `${shown(ref.sheet, TEXT_LIMITS.sheet, lang)} ${ref.row}行目` : `${shown(ref.sheet, TEXT_LIMITS.sheet, lang)} row ${ref.row}`;
      const parts = [`   ${word[lang]}  ${shown(ref.risk || "—", TEXT_LIMITS.label, lang)}  (${where})`];
      if (r.change === "changed") {
        if (r.before) parts.push(`${T.before[lang]} ${levelChangeText(r.before, lang)}`);
        if (r.after) parts.push(`${T.after[lang]} ${levelChangeText(r.after, lang)}`);
        if (r.reworded) parts.push(T.reworded[lang]);
        if (r.measureChanged) parts.push(T.measureChanged[lang]);
      } else {
        parts.push(`${T.before[lang]} ${levelWord(ref.before, lang)}`, `${T.after[lang]} ${levelWord(ref.after, lang)}`);
      }
      out.line(parts.join("  "));
    }
  }

  out.line("");
  out.line(T.findings[lang]);
  const section = (w: LocalisedText, n: number) => out.line(` ${w[lang]} (${n})`);
  section(T.new, d.findings.new.length);
  for (const f of d.findings.new) out.line(findingLine(f, lang));
  section(T.resolved, d.findings.resolved.length);
  for (const f of d.findings.resolved) out.line(findingLine(f, lang));
  section(T.open, d.findings.open.length);
  for (const o of d.findings.open) out.line(findingLine(o.finding, lang, `  (${T.was[lang]} ${at(o.was.sheet, o.was.cell, lang)})`));

  out.line("");
  for (const l of mapLines(T.lastYear[lang], d.old.overview?.heatMap, lang)) out.line(l);
  for (const l of mapLines(T.thisYear[lang], d.new.overview?.heatMap, lang)) out.line(l);
  out.flush();
}

export function formatDiffText(files: DiffFiles, d: WorkbookDiff, lang: Lang): string {
  const chunks: string[] = [];
  writeDiffText(files, d, lang, (c) => chunks.push(c));
  return chunks.join("");
}
