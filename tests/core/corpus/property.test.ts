/**
 * Issue 16's property: on every clean workbook of the corpus, three edits a person makes every
 * day add no error-severity finding: numbered empty form rows below the data, a sub-heading row
 * (「リスク」「対策」「残存リスク」) under a risk sheet's header, and a header renamed to another
 * spelling of the same field. Spellings are the ones seen in the field (notes/domain.md §1.2 and
 * §2.3), written here, not read from the glossary. Seeded and bounded: a few runs per fixture.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../packages/core/src/check";
import { isBlank, type CellValue, type SheetGrid } from "../../../packages/core/src/grid/grid";
import { resolveBuiltinProfile } from "../../../packages/core/src/profile/builtin/index";
import { colIndex, parseCell } from "../../fixtures/corpus/build";
import { CORPUS, type CorpusFixture } from "../../fixtures/corpus/index";
import type { ExpectedSheet, FieldId } from "../../fixtures/corpus/types";
import { headerCell, insertRows, setCell, shiftFormula } from "./transforms";

const SEED = 16;
const RUNS = 3;

/** Header spellings seen in real ledgers and risk sheets, per field (notes/domain.md §1.2, §2.3). */
const SPELLINGS: Record<"ledger" | "risk", Partial<Record<FieldId, readonly string[]>>> = {
  ledger: {
    department: ["部門", "部門名", "部署", "部署名", "管理部門", "所管部署", "取扱い部署"],
    name: ["個人情報の名称", "個人情報名", "情報名", "個人情報の種類", "書類名", "帳票名"],
    dataItems: ["個人情報の項目", "個人情報項目", "記載項目", "情報の内容"],
    purpose: ["利用目的", "取得・利用目的"],
    acquisitionMethod: ["取得方法", "入手方法", "取得の形態", "取得経路"],
    source: ["取得元", "入手先", "取得先"],
    count: ["件数", "情報の件数", "保有件数"],
    medium: ["媒体", "情報媒体", "媒体区分"],
    storagePlace: ["保管場所", "保存場所", "保存先", "保管先"],
    accessScope: ["アクセス権を有する者", "アクセス権限を有するもの", "アクセス権者", "利用可能者", "利用者の範囲", "利用者範囲", "取扱者"],
    usePeriod: ["利用期限", "利用期間"],
    retention: ["保管期限", "保管期間", "保存期間", "保存期限"],
    disposal: ["廃棄方法", "消去方法", "処分方法"],
    owner: ["管理責任者", "管理責任者名", "取扱責任者", "責任者"],
    recipient: ["提供先", "第三者提供先"],
    sensitive: ["要配慮個人情報", "要配慮", "機微情報"],
    disclosable: ["開示対象", "開示対象・非対象", "開示対象個人情報", "開示対象の有無"],
    consent: ["本人同意", "本人同意の有無", "同意", "本人の同意", "同意取得"],
    reviewedDate: ["見直し日", "最終確認日", "確認日", "更新日"],
  },
  risk: {
    phase: ["局面", "ライフサイクル", "取扱い局面"],
    risk: ["リスク", "想定されるリスク", "リスク内容", "リスク事象"],
    likelihood: ["発生可能性", "発生頻度", "発生確率", "起こりやすさ"],
    impact: ["影響度", "被害の大きさ"],
    score: ["リスク値", "リスク点数", "リスクスコア", "評価値"],
    measure: ["対策", "管理策", "現状の対策", "リスク対策", "対応策"],
    residualLevel: ["残存リスク", "残留リスク"],
  },
};

/** Short labels a person writes over a risk sheet's columns in a sub-heading row. */
const SUB_HEADING: Partial<Record<FieldId, string>> = { risk: "リスク", measure: "対策", residualLevel: "残存リスク", residualScore: "残存リスク" };

function profileOf(fx: CorpusFixture) {
  return fx.profile ? resolveBuiltinProfile(fx.profile) : undefined;
}

function errors(fx: CorpusFixture, sheets: readonly SheetGrid[]): string[] {
  const profile = profileOf(fx);
  const report = checkWorkbook(sheets, { today: fx.today, ...(profile ? { profile } : {}) });
  return report.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet} ${f.cell}`);
}

/** Error findings of the edited workbook, moved back to the original rows; those in new rows stay. */
function mappedBack(found: readonly string[], sheet: string, at: number, count: number): string[] {
  return found.map((key) => {
    // "rule sheet cell": a sheet name may hold spaces, a rule id and a cell do not.
    const rule = key.slice(0, key.indexOf(" "));
    const cell = key.slice(key.lastIndexOf(" ") + 1);
    const name = key.slice(rule.length + 1, key.length - cell.length - 1);
    if (name !== sheet) return key;
    const { row } = parseCell(cell);
    if (row < at) return key;
    if (row < at + count) return `${key} (in an inserted row)`;
    return `${rule} ${name} ${cell.replace(/[0-9]+$/, "")}${row + 1 - count}`;
  });
}

function added(before: readonly string[], after: readonly string[]): string[] {
  const had = new Set(before);
  return [...new Set(after.filter((k) => !had.has(k)))].sort();
}

const hasContent = (g: SheetGrid, r: number) => (g.values[r] ?? []).some((v) => !isBlank(v)) || (g.formulas?.[r] ?? []).some((f) => typeof f === "string" && f.startsWith("="));

/** 0-based index of the last row read as an item (content, below the header, not skipped). */
function lastItemRow(g: SheetGrid, want: ExpectedSheet): number {
  let last = (want.headerRow ?? 1) - 1;
  for (let r = want.headerRow ?? 0; r < g.values.length; r++) if (hasContent(g, r) && !want.skipped?.[String(r + 1)]) last = r;
  return last;
}

/** The column a form numbers its rows in: the id column, else the table's first column. */
function numberColumn(want: ExpectedSheet): number {
  const entries = Object.entries(want.columns ?? {});
  const id = entries.find(([, f]) => f === "id") ?? entries.find(([, f]) => f === "itemRef") ?? entries[0];
  return id ? colIndex(id[0]) : 0;
}

const tables = (fx: CorpusFixture, kinds: readonly string[]) =>
  Object.entries(fx.expect.sheets).filter(([, w]) => kinds.includes(w.kind) && w.headerRow !== undefined && w.columns);

describe("shiftFormula moves references as Excel does when rows are inserted", () => {
  it("moves references at or below the insertion, leaves others, strings and other sheets alone", () => {
    expect(shiftFormula("=E5*F5", "リスク", "リスク", 5, 2)).toBe("=E7*F7");
    expect(shiftFormula("=SUM(H5:H16)", "台帳", "台帳", 17, 3)).toBe("=SUM(H5:H16)");
    expect(shiftFormula('=IF(G9>=15,"高",IF(G9>=8,"中","低"))', "s", "s", 6, 1)).toBe('=IF(G10>=15,"高",IF(G10>=8,"中","低"))');
    expect(shiftFormula("=VLOOKUP(H4,'評価基準'!$A$4:$B$6,2,TRUE)", "リスク分析表", "リスク分析表", 4, 1)).toBe("=VLOOKUP(H5,'評価基準'!$A$4:$B$6,2,TRUE)");
    expect(shiftFormula("=MAX(E6:G6)", "a", "b", 1, 5)).toBe("=MAX(E6:G6)");
    expect(shiftFormula('=IF(T6="","",EDATE(T6,12))', "s", "s", 6, 1)).toBe('=IF(T7="","",EDATE(T7,12))');
  });
});

describe("harmless edits to a clean corpus workbook add no error", () => {
  for (const fx of CORPUS.filter((f) => f.variant === "clean")) {
    let cached: string[] | null = null;
    const before = () => (cached ??= errors(fx, fx.sheets));

    it(`${fx.id}: numbered empty form rows below the data`, () => {
      const candidates = tables(fx, ["ledger", "risk"]);
      fc.assert(
        // Sheet names, not their expectations, so that a counterexample reads in one line.
        fc.property(fc.constantFrom(...candidates.map(([name]) => name)), fc.integer({ min: 1, max: 30 }), (name, count) => {
          const want = fx.expect.sheets[name] as ExpectedSheet;
          const g = fx.sheets.find((s) => s.name === name) as SheetGrid;
          const at = lastItemRow(g, want) + 1;
          const col = numberColumn(want);
          let next = 1;
          for (let r = want.headerRow ?? 0; r < at; r++) {
            const v = g.values[r]?.[col];
            if (typeof v === "number" && v >= next) next = v + 1;
          }
          const rows = Array.from({ length: count }, (_, i) => {
            const line: CellValue[] = [];
            line[col] = next + i;
            return line;
          });
          const after = errors(fx, insertRows(fx.sheets, name, at, rows));
          expect(added(before(), mappedBack(after, name, at, count))).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });

    const risks = tables(fx, ["risk"]);
    it.skipIf(risks.length === 0)(`${fx.id}: a sub-heading row under the risk sheet's header`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...risks.map(([name]) => name)), (name) => {
          const want = fx.expect.sheets[name] as ExpectedSheet;
          const line: CellValue[] = [];
          for (const [letter, field] of Object.entries(want.columns ?? {})) {
            const label = SUB_HEADING[field];
            if (label) line[colIndex(letter)] = label;
          }
          const at = want.headerRow as number;
          const after = errors(fx, insertRows(fx.sheets, name, at, [line]));
          expect(added(before(), mappedBack(after, name, at, 1))).toEqual([]);
        }),
        { seed: SEED, numRuns: Math.min(RUNS, risks.length) },
      );
    });

    // Columns whose header is, exactly, one of the field's spellings seen in the field.
    const renames = tables(fx, ["ledger", "risk"]).flatMap(([name, want]) => {
      const g = fx.sheets.find((s) => s.name === name) as SheetGrid;
      const kind = want.kind as "ledger" | "risk";
      const headerRow = (want.headerRow as number) - 1;
      const present = new Set<string>();
      for (const r of [headerRow - 1, headerRow]) for (const v of g.values[r] ?? []) if (typeof v === "string") present.add(v.trim());
      return Object.entries(want.columns ?? {}).flatMap(([letter, field]) => {
        const at = headerCell(g, headerRow, colIndex(letter));
        const text = g.values[at.row]?.[at.col];
        const spellings = SPELLINGS[kind][field] ?? [];
        if (typeof text !== "string" || !spellings.includes(text.trim())) return [];
        return spellings.filter((s) => !present.has(s)).map((spelling) => ({ name, at, from: text, to: spelling }));
      });
    });
    it.skipIf(renames.length === 0)(`${fx.id}: a header renamed to another spelling of its field`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...renames), ({ name, at, to }) => {
          const after = errors(fx, setCell(fx.sheets, name, at.row, at.col, to));
          expect(added(before(), after)).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});
