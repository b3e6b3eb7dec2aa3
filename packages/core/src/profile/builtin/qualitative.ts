import { DEFAULT_PROFILE } from "../default";
import type { ProfileInput } from "../schema";
import type { RuleSeverities } from "../../rules/ids";

/**
 * `qualitative`: risk sheets rated in words, 大/中/小 or 高/中/低, with no arithmetic
 * (notes/domain.md §2.4 item 1). The risk level is the impact rating (被害の大きさ / 影響度):
 * a risk-level column beside it must agree with it (`risk/score-mismatch`), and the residual
 * risk (残存リスク) is a word of its own. A measure is required from 大 (高) up; a residual above
 * 中 needs a recorded acceptance; 要配慮, My Number and payment data are rated 大 (the top of
 * the scale). Sheets that combine likelihood and impact by a matrix want a `matrix` model
 * instead (see scoring/schema.ts).
 */
export const QUALITATIVE_PROFILE = {
  id: "qualitative",
  version: "1.0.0",
  name: { ja: "定性評価 (大/中/小)", en: "Qualitative (high/medium/low)" },
  fields: {
    required: [...DEFAULT_PROFILE.fields.required],
    expected: [...DEFAULT_PROFILE.fields.expected],
  },
  phases: DEFAULT_PROFILE.phases,
  reviewIntervalMonths: { ...DEFAULT_PROFILE.reviewIntervalMonths },
  riskModel: {
    kind: "qualitative",
    input: "impact",
    actionLevel: "high",
    acceptableResidual: "medium",
    impactFloor: { sensitive: "max", myNumber: "max", payment: "max" },
  },
  rules: {} satisfies RuleSeverities,
} satisfies ProfileInput;
