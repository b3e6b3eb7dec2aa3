import { DEFAULT_PHASES } from "../glossary/phases";
import type { ProfileInput } from "./schema";

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
  reviewIntervalMonths: { ledger: 12, risk: 12, contractors: 12, laws: 12, training: 12 },
  rules: {},
} satisfies ProfileInput;
