import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";

/**
 * Generated workbooks of any length with the same shape and the same kinds of defects, so
 * that a 10-row and a 10,000-row workbook differ only in rows: service calls must not.
 */

const LEDGER_HEADER = [
  "No.",
  "部署",
  "個人情報の名称",
  "個人情報の項目",
  "利用目的",
  "本人同意",
  "件数",
  "媒体",
  "保管場所",
  "保管方法",
  "アクセス権を有する者",
  "保管期間",
  "廃棄方法",
  "委託先",
  "要配慮個人情報",
  "管理責任者",
  "見直し日",
];

const RISK_HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク"];
const PHASES = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];

/** 2024-04-01 and 2025-04-01 as serials: the first is over a year before 2025-06-30. */
export const OLD_REVIEW = 45383;
export const RECENT_REVIEW = 45748;

/**
 * A ledger of `rows` items and a risk sheet with one row per item (so most phases are
 * missing). Every third item lacks its retention period, every other one was reviewed long
 * ago, and every risk row's score is a formula.
 */
export function generatedWorkbook(rows: number): SheetGrid[] {
  const ledger: CellValue[][] = [["個人情報管理台帳"], [], LEDGER_HEADER];
  const risk: CellValue[][] = [RISK_HEADER];
  const riskFormulas: (string | null)[][] = [RISK_HEADER.map(() => null)];
  for (let i = 1; i <= rows; i++) {
    ledger.push([
      i,
      i % 2 ? "人事部" : "営業部",
      `台帳項目${i}`,
      "氏名、住所、電話番号",
      "雇用管理",
      "○",
      `約${i * 10}件`,
      "電子",
      "ファイルサーバ",
      "アクセス制御",
      "人事部員",
      i % 3 === 0 ? null : "退職後5年",
      "データ消去",
      "なし",
      "無",
      "人事部長",
      i % 2 ? OLD_REVIEW : RECENT_REVIEW,
    ]);
    const l = (i % 3) + 1;
    const m = ((i + 1) % 3) + 1;
    risk.push([i, `台帳項目${i}`, PHASES[i % PHASES.length] ?? null, "漏えい・紛失", l, m, l * m, "施錠保管・アクセス制御", "低"]);
    riskFormulas.push(RISK_HEADER.map((_, c) => (c === 6 ? `=E${i + 1}*F${i + 1}` : null)));
  }
  return [
    { name: "個人情報管理台帳", values: ledger, merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 5 }] },
    { name: "リスク分析表", values: risk, formulas: riskFormulas },
  ];
}
