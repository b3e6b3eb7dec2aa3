import { cellInvalidValue } from "./cell/invalid-value";
import type { AnyRule } from "./define";
import { headerDuplicateColumn } from "./header/duplicate-column";
import { headerMissingColumn } from "./header/missing-column";
import { ledgerDirectAcquisitionWithoutConsent } from "./ledger/direct-acquisition-without-consent";
import { ledgerDuplicateId } from "./ledger/duplicate-id";
import { ledgerProvisionWithoutConsent } from "./ledger/provision-without-consent";
import { ledgerRequiredEmpty } from "./ledger/required-empty";
import { ledgerReviewOverdue } from "./ledger/review-overdue";
import { ledgerSensitiveWithoutConsent } from "./ledger/sensitive-without-consent";
import { riskNoRiskDescribed } from "./risk/no-risk-described";
import { riskOrphanRow } from "./risk/orphan-row";
import { riskPhaseMissing } from "./risk/phase-missing";
import { riskUnknownPhase } from "./risk/unknown-phase";
import { sheetMissing } from "./sheet/missing";

/** Every rule, sorted by id. The catalogue test checks this list against the rule files. */
export const RULES: readonly AnyRule[] = [
  cellInvalidValue,
  headerDuplicateColumn,
  headerMissingColumn,
  ledgerDirectAcquisitionWithoutConsent,
  ledgerDuplicateId,
  ledgerProvisionWithoutConsent,
  ledgerRequiredEmpty,
  ledgerReviewOverdue,
  ledgerSensitiveWithoutConsent,
  riskNoRiskDescribed,
  riskOrphanRow,
  riskPhaseMissing,
  riskUnknownPhase,
  sheetMissing,
] as AnyRule[];

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
