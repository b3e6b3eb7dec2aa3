import type { LocalisedText } from "../i18n/text";

/** What a sheet is, told from its headers (never from its tab name). */
export type SheetKind = "ledger" | "risk" | "contractor" | "law" | "training" | "audit" | "review" | "unknown";

export const RECOGNISED_KINDS = ["ledger", "risk", "contractor", "law", "training", "audit", "review"] as const satisfies readonly SheetKind[];
export type RecognisedKind = (typeof RECOGNISED_KINDS)[number];

export const KIND_LABELS: Record<SheetKind, LocalisedText> = {
  ledger: { ja: "個人情報管理台帳", en: "personal-information ledger" },
  risk: { ja: "リスク分析表", en: "risk analysis" },
  contractor: { ja: "委託先管理台帳", en: "contractor register" },
  law: { ja: "法令等一覧", en: "laws and norms list" },
  training: { ja: "教育実施記録", en: "training records" },
  audit: { ja: "内部監査記録", en: "internal audit records" },
  review: { ja: "マネジメントレビュー記録", en: "management review records" },
  unknown: { ja: "不明", en: "unknown" },
};

/** How a value in a column is read. */
export type ValueType =
  | "text"
  | "id"
  | "count"
  | "date"
  | "yesno"
  | "medium"
  | "phase"
  | "level"
  | "scale"
  | "score"
  | "number";
