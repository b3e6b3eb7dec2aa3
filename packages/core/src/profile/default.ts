import { DEFAULT_PHASES } from "../glossary/phases";
import type { ProfileInput } from "./schema";
import type { RuleSeverities } from "../rules/ids";

/**
 * The built-in default profile, `jisq15001`: JIS Q 15001 / 構築・運用指針 practice (PRODUCT.md §3).
 * Required ledger columns follow J.3.1.1's list; `a|b` means either column satisfies it.
 * A retention column also stands for the use period when the sheet has no separate one.
 */
export const DEFAULT_PROFILE = {
  id: "jisq15001",
  version: "1.0.0",
  name: { ja: "JIS Q 15001 標準", en: "JIS Q 15001 standard" },
  fields: {
    required: ["name|dataItems", "purpose", "storagePlace", "storageMethod", "accessScope", "usePeriod|retention", "retention"],
    expected: ["medium", "count", "disposal", "contractor", "recipient", "sensitive", "disclosable", "owner", "reviewedDate"],
  },
  phases: DEFAULT_PHASES,
  reviewIntervalMonths: { ledger: 12, risk: 12, contractors: 12, laws: 12, training: 12, audit: 12, review: 12 },
  /**
   * 発生可能性 1–3 × 影響度 1–3 = 1–9: 1–2 低, 3–4 中, 6–9 高; a measure from 高 (6) up; a
   * residual above 中 needs a recorded acceptance; impact at least 3 for 要配慮, My Number and
   * payment data. `fallback: "infer"`: a sheet on other scales or columns (ISMS C・I・A × 脅威 ×
   * 脆弱性, 1–5 scales, 大/中/小 only) is scored by the model its columns describe.
   */
  riskModel: {
    kind: "likelihoodImpact",
    scale: { min: 1, max: 3 },
    thresholds: { medium: 3, high: 6 },
    actionLevel: "high",
    acceptableResidual: "medium",
    impactFloor: { sensitive: 3, myNumber: 3, payment: 3 },
    fallback: "infer",
  },
  rules: {} satisfies RuleSeverities,
} satisfies ProfileInput;
