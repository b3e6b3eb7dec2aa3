import type { CellValue } from "../../packages/core/src/grid/grid";
import { FIVE_PHASES, LEDGER_HEADER } from "../core/helpers";
import { FakeWorkbook, type Cell } from "./fake-excel";

export const LEDGER = "個人情報管理台帳";
export const RISK = "リスク分析表";
export const TODAY = "2025-06-30";

const RISK_HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"];

/** Rows of a ledger with `items` items, each clean except that retention (保管期間) is blank when asked. */
export function ledgerRows(items: number, opts: { blankRetention?: boolean; names?: (i: number) => string } = {}): CellValue[][] {
  const rows: CellValue[][] = [[...LEDGER_HEADER]];
  for (let i = 1; i <= items; i++) {
    const name = opts.names ? opts.names(i) : `台帳項目${i}`;
    rows.push(
      LEDGER_HEADER.map((h) => {
        switch (h) {
          case "No.":
            return i;
          case "部署":
            return "人事部";
          case "個人情報の名称":
            return name;
          case "個人情報の項目":
            return "氏名、住所";
          case "利用目的":
            return "雇用管理";
          case "取得方法":
            return "本人から直接";
          case "本人同意":
            return "○";
          case "件数":
            return "約60件";
          case "媒体":
            return "電子";
          case "保管場所":
            return "ファイルサーバ";
          case "保管方法":
            return "アクセス制御";
          case "アクセス権を有する者":
            return "人事部員";
          case "保管期間":
            return opts.blankRetention ? null : "退職後5年";
          case "廃棄方法":
            return "データ消去";
          case "委託先":
          case "提供先":
            return "なし";
          case "要配慮個人情報":
            return "無";
          case "開示対象":
            return "○";
          case "管理責任者":
            return "人事部長";
          case "見直し日":
            return "2025/4/1";
          default:
            return null;
        }
      }),
    );
  }
  return rows;
}

/** A long risk sheet: five phases per item; score and level left blank when `scored` is false. */
export function riskRows(items: number, opts: { scored?: boolean; names?: (i: number) => string } = {}): CellValue[][] {
  const rows: CellValue[][] = [[...RISK_HEADER]];
  for (let i = 1; i <= items; i++) {
    const name = opts.names ? opts.names(i) : `台帳項目${i}`;
    for (const phase of FIVE_PHASES) rows.push([i, name, phase, "漏えい・紛失", 1, 2, opts.scored === false ? null : 2, opts.scored === false ? null : "低", "施錠保管", "低"]);
  }
  return rows;
}

export function workbook(sheets: Record<string, CellValue[][]>): FakeWorkbook {
  return new FakeWorkbook(Object.fromEntries(Object.entries(sheets).map(([k, rows]) => [k, rows.map((r) => r.map((v) => (v === undefined ? null : v)) as (Cell | null)[])])));
}

/** A ledger and its risk analysis with about `riskRowCount` risk rows (five per item). */
export function pmarkWorkbook(riskRowCount: number, opts: { blankRetention?: boolean; scored?: boolean } = {}): FakeWorkbook {
  const items = Math.max(1, Math.round(riskRowCount / 5));
  return workbook({ [LEDGER]: ledgerRows(items, opts), [RISK]: riskRows(items, opts) });
}

/** Every cell's fill of a sheet, for before/after comparison. */
export function fillsOf(wb: FakeWorkbook, sheet: string): Record<string, string> {
  return Object.fromEntries([...wb.sheet(sheet).fills].map(([k, f]) => [k, `${f.color}|${f.pattern}|${f.patternColor ?? ""}`]).sort());
}

/** Every cell's content of a sheet (values and formulas), for before/after comparison. */
export function contentOf(wb: FakeWorkbook, sheet: string): Record<string, string> {
  const s = wb.sheet(sheet);
  const out: Record<string, string> = {};
  for (const [k, v] of s.values) out[k] = `v:${typeof v}:${String(v)}`;
  for (const [k, f] of s.formulas) out[k] = `f:${f}`;
  return out;
}
