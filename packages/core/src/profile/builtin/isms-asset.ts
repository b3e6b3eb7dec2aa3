import { DEFAULT_PROFILE } from "../default";
import type { ProfileInput } from "../schema";
import type { RuleSeverities } from "../../rules/ids";

/**
 * `isms-asset`: ISMS-style asset ledgers and risk sheets used for P-mark (notes/domain.md §2.4
 * item 4). Risk = asset value × threat × vulnerability (資産価値 × 脅威 × 脆弱性), each 1–3, so
 * 1–27; the asset value is the sheet's 資産価値 / 重要度 column, or the maximum of
 * 機密性・完全性・可用性 when the sheet keeps only those (`asset: "auto"`). Levels: 1–6 低,
 * 8–12 中, 18–27 高 (the scoring module's thresholds for 1–27); a measure from 高 up; a residual
 * above 中 needs a recorded acceptance; asset value at least 3 for 要配慮, My Number and payment
 * data.
 *
 * Asset sheets often have no lifecycle-phase column: such a sheet gets one
 * `header/missing-column` warning for the phase and no `risk/phase-missing` per item
 * (PRODUCT.md §4); a sheet that has the column is checked phase by phase as usual. The model
 * applies as written (no `fallback`): a likelihood × impact sheet checked with this profile is
 * reported, not silently scored another way.
 */
export const ISMS_ASSET_PROFILE = {
  id: "isms-asset",
  version: "1.0.0",
  name: { ja: "ISMS 資産価値×脅威×脆弱性", en: "ISMS asset value × threat × vulnerability" },
  fields: {
    required: [...DEFAULT_PROFILE.fields.required],
    expected: [...DEFAULT_PROFILE.fields.expected],
  },
  phases: DEFAULT_PROFILE.phases,
  reviewIntervalMonths: { ...DEFAULT_PROFILE.reviewIntervalMonths },
  riskModel: {
    kind: "assetThreatVulnerability",
    scale: { min: 1, max: 3 },
    asset: "auto",
    thresholds: { medium: 8, high: 18 },
    actionLevel: "high",
    acceptableResidual: "medium",
    impactFloor: { sensitive: 3, myNumber: 3, payment: 3 },
  },
  rules: {} satisfies RuleSeverities,
} satisfies ProfileInput;
