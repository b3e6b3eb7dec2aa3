import { auditDepartmentNotCovered } from "./audit/department-not-covered";
import { auditOpenNonconformity } from "./audit/open-nonconformity";
import { auditSelfAudit } from "./audit/self-audit";
import { cellInvalidValue } from "./cell/invalid-value";
import { contractorEvaluationFailed } from "./contractor/evaluation-failed";
import { contractorEvaluationOverdue } from "./contractor/evaluation-overdue";
import { contractorNameNearMiss } from "./contractor/name-near-miss";
import { contractorNoAgreement } from "./contractor/no-agreement";
import { contractorNotRegistered } from "./contractor/not-registered";
import { contractorUnused } from "./contractor/unused";
import type { AnyRule } from "./define";
import { headerDuplicateColumn } from "./header/duplicate-column";
import { headerMissingColumn } from "./header/missing-column";
import { lawsMissingCore } from "./laws/missing-core";
import { lawsMissingMynumber } from "./laws/missing-mynumber";
import { lawsObsolete } from "./laws/obsolete";
import { lawsReviewOverdue } from "./laws/review-overdue";
import { lawsSectorMissing } from "./laws/sector-missing";
import { ledger2023CategoryMissing } from "./ledger/2023-category-missing";
import { ledgerDirectAcquisitionWithoutConsent } from "./ledger/direct-acquisition-without-consent";
import { ledgerDuplicateId } from "./ledger/duplicate-id";
import { ledgerIndirectAcquisitionUnnoticed } from "./ledger/indirect-acquisition-unnoticed";
import { ledgerMixedMediaRow } from "./ledger/mixed-media-row";
import { ledgerMynumberOutOfScope } from "./ledger/mynumber-out-of-scope";
import { ledgerMynumberRetentionIndefinite } from "./ledger/mynumber-retention-indefinite";
import { ledgerOverseasProvisionUnspecified } from "./ledger/overseas-provision-unspecified";
import { ledgerPmsRecordsMissing } from "./ledger/pms-records-missing";
import { ledgerProvisionUnrecorded } from "./ledger/provision-unrecorded";
import { ledgerProvisionWithoutConsent } from "./ledger/provision-without-consent";
import { ledgerRequiredEmpty } from "./ledger/required-empty";
import { ledgerRetentionBelowLegal } from "./ledger/retention-below-legal";
import { ledgerRetentionIndefinite } from "./ledger/retention-indefinite";
import { ledgerReviewOverdue } from "./ledger/review-overdue";
import { ledgerSensitiveUnflagged } from "./ledger/sensitive-unflagged";
import { ledgerSensitiveWithoutConsent } from "./ledger/sensitive-without-consent";
import { ledgerUseAfterRetention } from "./ledger/use-after-retention";
import { reviewOverdue } from "./review/overdue";
import { riskCloudStorageUnanalysed } from "./risk/cloud-storage-unanalysed";
import { riskComplianceRiskAccepted } from "./risk/compliance-risk-accepted";
import { riskFlatScoring } from "./risk/flat-scoring";
import { riskHighWithoutMeasure } from "./risk/high-without-measure";
import { riskIncompleteScoring } from "./risk/incomplete-scoring";
import { riskNoRiskDescribed } from "./risk/no-risk-described";
import { riskOrphanRow } from "./risk/orphan-row";
import { riskPhaseMissing } from "./risk/phase-missing";
import { riskResidualExceedsInherent } from "./risk/residual-exceeds-inherent";
import { riskResidualNotAccepted } from "./risk/residual-not-accepted";
import { riskReviewOverdue } from "./risk/review-overdue";
import { riskScoreMismatch } from "./risk/score-mismatch";
import { riskSensitiveImpactFloor } from "./risk/sensitive-impact-floor";
import { riskUnknownPhase } from "./risk/unknown-phase";
import { riskVagueMeasure } from "./risk/vague-measure";
import { sheetMissing } from "./sheet/missing";
import { templateOutdated } from "./template/outdated";
import { trainingNoTestResult } from "./training/no-test-result";
import { trainingOverdue } from "./training/overdue";

/** Every rule, sorted by id. The catalogue test checks this list against the rule files. */
export const RULES: readonly AnyRule[] = [
  auditDepartmentNotCovered,
  auditOpenNonconformity,
  auditSelfAudit,
  cellInvalidValue,
  contractorEvaluationFailed,
  contractorEvaluationOverdue,
  contractorNameNearMiss,
  contractorNoAgreement,
  contractorNotRegistered,
  contractorUnused,
  headerDuplicateColumn,
  headerMissingColumn,
  lawsMissingCore,
  lawsMissingMynumber,
  lawsObsolete,
  lawsReviewOverdue,
  lawsSectorMissing,
  ledger2023CategoryMissing,
  ledgerDirectAcquisitionWithoutConsent,
  ledgerDuplicateId,
  ledgerIndirectAcquisitionUnnoticed,
  ledgerMixedMediaRow,
  ledgerMynumberOutOfScope,
  ledgerMynumberRetentionIndefinite,
  ledgerOverseasProvisionUnspecified,
  ledgerPmsRecordsMissing,
  ledgerProvisionUnrecorded,
  ledgerProvisionWithoutConsent,
  ledgerRequiredEmpty,
  ledgerRetentionBelowLegal,
  ledgerRetentionIndefinite,
  ledgerReviewOverdue,
  ledgerSensitiveUnflagged,
  ledgerSensitiveWithoutConsent,
  ledgerUseAfterRetention,
  reviewOverdue,
  riskCloudStorageUnanalysed,
  riskComplianceRiskAccepted,
  riskFlatScoring,
  riskHighWithoutMeasure,
  riskIncompleteScoring,
  riskNoRiskDescribed,
  riskOrphanRow,
  riskPhaseMissing,
  riskResidualExceedsInherent,
  riskResidualNotAccepted,
  riskReviewOverdue,
  riskScoreMismatch,
  riskSensitiveImpactFloor,
  riskUnknownPhase,
  riskVagueMeasure,
  sheetMissing,
  templateOutdated,
  trainingNoTestResult,
  trainingOverdue,
] as AnyRule[];

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
