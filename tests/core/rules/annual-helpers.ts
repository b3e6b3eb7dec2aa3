/**
 * Small sheet builders for the rules on the yearly PMS records (contractor register, laws list,
 * training, internal audit, management review), in the style of ../helpers.ts: a fixed header
 * row 1 and data from row 2. The check date of every test is TODAY (2025-06-30): 12 months
 * before is 2024-06-30 (still within the interval), 2024-06-29 is one day too old.
 */
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import { sheet } from "../helpers";

export const CONTRACTOR_HEADER = ["No.", "委託先名", "委託業務", "評価日", "評価結果", "覚書", "所在国", "備考"];
export type ContractorRow = Partial<Record<(typeof CONTRACTOR_HEADER)[number], CellValue>>;

const DEFAULT_CONTRACTOR: ContractorRow = { 委託業務: "給与計算", 評価日: "2025/4/1", 評価結果: "適", 覚書: "済", 所在国: "日本" };

export function contractorSheet(rows: ContractorRow[], name = "委託先管理台帳", header = CONTRACTOR_HEADER): SheetGrid {
  return sheet(name, [
    [...header],
    ...rows.map((r, i) => header.map((h) => (h in r ? (r[h] ?? null) : h === "No." ? i + 1 : h === "委託先名" ? `委託先${i + 1}株式会社` : (DEFAULT_CONTRACTOR[h] ?? null)))),
  ]);
}

export const LAW_HEADER = ["No", "法令・規範の名称", "所管", "確認日"];

export function lawSheet(names: (string | [string, CellValue])[], name = "法令等一覧", header = LAW_HEADER): SheetGrid {
  return sheet(name, [
    [...header],
    ...names.map((n, i) => {
      const [law, checked] = typeof n === "string" ? [n, "2025/4/1"] : n;
      return header.map((h) => (h === "No" ? i + 1 : h === "法令・規範の名称" ? law : h === "所管" ? "個人情報保護委員会" : h === "確認日" ? checked : null));
    }),
  ]);
}

export const CORE_LAWS = ["個人情報の保護に関する法律", "行政手続における特定の個人を識別するための番号の利用等に関する法律", "特定個人情報の適正な取扱いに関するガイドライン（事業者編）"];

export const TRAINING_HEADER = ["氏名", "所属", "区分", "実施日", "教育名", "テスト結果", "備考"];
export type TrainingRow = Partial<Record<(typeof TRAINING_HEADER)[number], CellValue>>;

const DEFAULT_TRAINING: TrainingRow = { 所属: "人事部", 区分: "正社員", 実施日: "2025/4/10", 教育名: "個人情報保護教育", テスト結果: "90点" };

export function trainingSheet(rows: TrainingRow[], name = "教育実施記録", header = TRAINING_HEADER): SheetGrid {
  return sheet(name, [
    [...header],
    ...rows.map((r, i) => header.map((h) => (h in r ? (r[h] ?? null) : h === "氏名" ? `従業者${i + 1}` : (DEFAULT_TRAINING[h] ?? null)))),
  ]);
}

export const AUDIT_HEADER = ["監査日", "被監査部門", "監査員", "監査員の所属", "結果", "是正期限", "是正完了日"];
export type AuditRow = Partial<Record<(typeof AUDIT_HEADER)[number], CellValue>>;

const DEFAULT_AUDIT: AuditRow = { 監査日: "2025/2/10", 被監査部門: "人事部", 監査員: "監査員A", 監査員の所属: "営業部", 結果: "適合" };

export function auditSheet(rows: AuditRow[], name = "内部監査記録", header = AUDIT_HEADER): SheetGrid {
  return sheet(name, [[...header], ...rows.map((r) => header.map((h) => (h in r ? (r[h] ?? null) : (DEFAULT_AUDIT[h] ?? null))))]);
}

export const REVIEW_HEADER = ["実施日", "インプット", "アウトプット"];

export function reviewSheet(dates: CellValue[], name = "マネジメントレビュー"): SheetGrid {
  return sheet(name, [[...REVIEW_HEADER], ...dates.map((d) => [d, "内部監査の結果、苦情、法令改正", "教育計画の見直しを指示"])]);
}
