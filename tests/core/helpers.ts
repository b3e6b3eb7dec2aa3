import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";
import { checkWorkbook, type CheckOptions } from "../../packages/core/src/check";
import type { Finding } from "../../packages/core/src/findings/finding";
import type { RuleId } from "../../packages/core/src/rules/ids";

export const TODAY = "2025-06-30";

export function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, values: rows };
}

/** One-line assertions: the chosen fields of each finding, in report order. */
export function flat(findings: readonly Finding[], fields: readonly (keyof Finding)[] = ["rule", "sheet", "cell"]): string[] {
  return findings.map((f) => fields.map((k) => String(f[k])).join(" "));
}

export function check(grids: SheetGrid[], options: CheckOptions = {}) {
  return checkWorkbook(grids, { today: TODAY, ...options });
}

/** Findings of one rule only (the rule runs alone, so other rules cannot hide or add noise). */
export function findingsOf(rule: RuleId, grids: SheetGrid[], options: CheckOptions = {}): string[] {
  return flat(check(grids, { ...options, rules: [rule] }).findings.filter((f) => f.rule === rule));
}

/** A complete, clean ledger header (row 1) in the default profile's terms. */
export const LEDGER_HEADER = [
  "No.",
  "部署",
  "個人情報の名称",
  "個人情報の項目",
  "利用目的",
  "取得方法",
  "本人同意",
  "件数",
  "媒体",
  "保管場所",
  "保管方法",
  "アクセス権を有する者",
  "保管期間",
  "廃棄方法",
  "委託先",
  "提供先",
  "要配慮個人情報",
  "開示対象",
  "管理責任者",
  "見直し日",
];

export type LedgerRow = Partial<Record<(typeof LEDGER_HEADER)[number], CellValue>>;

const DEFAULT_ROW: LedgerRow = {
  部署: "人事部",
  個人情報の項目: "氏名、住所、電話番号",
  利用目的: "雇用管理",
  取得方法: "本人から直接",
  本人同意: "○",
  件数: "約60件",
  媒体: "電子",
  保管場所: "ファイルサーバ",
  保管方法: "アクセス制御",
  アクセス権を有する者: "人事部員",
  保管期間: "退職後5年",
  廃棄方法: "データ消去",
  委託先: "なし",
  提供先: "なし",
  要配慮個人情報: "無",
  開示対象: "○",
  管理責任者: "人事部長",
  見直し日: "2025/4/1",
};

export function ledgerSheet(rows: LedgerRow[], name = "個人情報管理台帳"): SheetGrid {
  return sheet(name, [
    [...LEDGER_HEADER],
    ...rows.map((r, i) => LEDGER_HEADER.map((h) => (h in r ? (r[h] ?? null) : h === "No." ? i + 1 : h === "個人情報の名称" ? `台帳項目${i + 1}` : (DEFAULT_ROW[h] ?? null)))),
  ]);
}

export const RISK_HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク"];

export const FIVE_PHASES = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];

/** Risk rows for item ids/names × phases, each with a risk and a measure. */
export function riskSheet(items: { id: CellValue; name: string; phases?: string[] }[], extra: CellValue[][] = [], name = "リスク分析表"): SheetGrid {
  const rows: CellValue[][] = [[...RISK_HEADER]];
  for (const it of items) {
    for (const p of it.phases ?? FIVE_PHASES) rows.push([it.id, it.name, p, "漏えい・紛失", 1, 2, 2, "施錠保管・アクセス制御", "低"]);
  }
  return sheet(name, [...rows, ...extra]);
}

export interface RuleCase {
  name: string;
  grids: SheetGrid[];
  options?: CheckOptions;
}
export interface InvalidCase extends RuleCase {
  /** "Sheet!A1 messageId" per expected finding, in report order. */
  expected: string[];
}

/** ESLint-style table: each valid case yields no finding of the rule, each invalid case exactly the expected ones. */
export function ruleCases(rule: RuleId, cases: { valid: RuleCase[]; invalid: InvalidCase[] }) {
  const run = (c: RuleCase) =>
    check(c.grids, { ...c.options, rules: [rule] })
      .findings.filter((f) => f.rule === rule)
      .map((f) => `${f.sheet}!${f.cell} ${f.messageId}`);
  return {
    valid: cases.valid.map((c) => [c.name, () => run(c)] as const),
    invalid: cases.invalid.map((c) => [c.name, () => run(c), c.expected] as const),
  };
}

/** Registers the valid and invalid cases of one rule as vitest cases. */
export function ruleTable(rule: RuleId, cases: Parameters<typeof ruleCases>[1]): void {
  describe(rule, () => {
    const { valid, invalid } = ruleCases(rule, cases);
    for (const [name, run] of valid) it(`valid: ${name}`, () => expect(run()).toEqual([]));
    for (const [name, run, expected] of invalid) it(`invalid: ${name}`, () => expect(run()).toEqual(expected));
  });
}
