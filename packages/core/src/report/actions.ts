import type { LocalisedText } from "../i18n/text";
import type { RuleId } from "../rules/ids";

/**
 * What to do about a finding of each rule, in a line: the "suggested action" column of a printed
 * report, next to the message that says what was found. Keyed by every id of the catalogue, so a
 * new rule does not compile until it has one.
 */
export const SUGGESTED_ACTIONS: Readonly<Record<RuleId, LocalisedText>> = {
  "audit/department-not-covered": { ja: "次回の内部監査計画にこの部門を加える", en: "Add the department to the next internal audit plan" },
  "audit/open-nonconformity": { ja: "是正処置を完了させ、完了日を記録する", en: "Complete the corrective action and record the date" },
  "audit/self-audit": { ja: "他部門の監査員に監査を担当させる", en: "Have an auditor from another department audit it" },
  "cell/invalid-value": { ja: "列の形式に合った値で入力し直す", en: "Re-enter the value in the column's format" },
  "contractor/evaluation-failed": { ja: "是正を求めて再評価するか、例外の承認を記録する", en: "Re-evaluate after correction, or record the approved exception" },
  "contractor/evaluation-overdue": { ja: "委託先を評価し、評価日を記録する", en: "Evaluate the contractor and record the date" },
  "contractor/name-near-miss": { ja: "台帳と委託先管理台帳で名称を揃える", en: "Write the name the same way in both registers" },
  "contractor/no-agreement": { ja: "安全管理を定めた契約・覚書を締結し、記録する", en: "Sign an agreement on safeguards and record it" },
  "contractor/not-registered": { ja: "委託先として評価・契約し、委託先管理台帳に登録する", en: "Evaluate, contract and register the contractor" },
  "contractor/unused": { ja: "委託終了なら登録を外し、継続中なら台帳に記載する", en: "Remove it if the entrustment ended, or name it in the ledger" },
  "header/duplicate-column": { ja: "同じ項目の列を1つにまとめる", en: "Merge the columns into one" },
  "header/missing-column": { ja: "見出しに列を追加して記入する", en: "Add the column to the header and fill it in" },
  "laws/missing-core": { ja: "法令等一覧に個人情報保護法を加える", en: "Add the Act on the Protection of Personal Information to the list" },
  "laws/missing-mynumber": { ja: "法令等一覧に番号法と特定個人情報ガイドラインを加える", en: "Add the My Number Act and its guideline to the list" },
  "laws/obsolete": { ja: "現行の規範に差し替える", en: "Replace it with the norm in force" },
  "laws/review-overdue": { ja: "改正の有無を確認し、確認日を記録する", en: "Check for amendments and record the date" },
  "laws/sector-missing": { ja: "該当する分野の法令・指針を法令等一覧に加える", en: "Add the sector's law or guideline to the list" },
  "ledger/2023-category-missing": { ja: "個人関連情報・仮名加工情報などの区分を記入する", en: "Record the category (personally referable, pseudonymised…)" },
  "ledger/direct-acquisition-without-consent": { ja: "同意の取得方法か利用目的の明示方法を記録する", en: "Record how consent is obtained or the purpose notified" },
  "ledger/duplicate-id": { ja: "重複しない管理番号を振り直す", en: "Give each row its own ID" },
  "ledger/indirect-acquisition-unnoticed": { ja: "通知・公表の方法と受領時の確認を記録する", en: "Record the notice or publication and the check on receipt" },
  "ledger/mixed-media-row": { ja: "紙と電子データを別の行に分ける", en: "Split paper and electronic data into separate rows" },
  "ledger/mynumber-out-of-scope": { ja: "利用目的を法定の事務に限り、アクセスできる者を限定する", en: "Limit the purpose to statutory tasks and restrict access" },
  "ledger/mynumber-retention-indefinite": { ja: "法定保存期間と、その後の削除・廃棄を記載する", en: "State the statutory period and deletion after it" },
  "ledger/overseas-provision-unspecified": { ja: "国名と移転の根拠(同意・基準適合体制など)を記録する", en: "Record the country and the safeguard relied on" },
  "ledger/pms-records-missing": { ja: "PMSの運用で生じる記録を台帳に加える", en: "Add the PMS's own records to the ledger" },
  "ledger/provision-unrecorded": { ja: "提供記録を作成・保存し、その保存先を台帳に記録する", en: "Keep provision records and note where in the ledger" },
  "ledger/provision-without-consent": { ja: "本人の同意か、同意を要しない根拠を記録する", en: "Record consent, or the basis that needs none" },
  "ledger/required-empty": { ja: "空欄のセルに記入する", en: "Fill in the blank cell" },
  "ledger/retention-below-legal": { ja: "保管期間を法定の保存期間以上にする", en: "Extend the retention to the statutory period" },
  "ledger/retention-indefinite": { ja: "利用目的に見合った保管期間を定める", en: "Set a retention period that fits the purpose" },
  "ledger/review-overdue": { ja: "台帳の内容を見直し、見直し日を記録する", en: "Review the item and record the date" },
  "ledger/sensitive-unflagged": { ja: "要配慮個人情報に当たるか確認し、欄に記入する", en: "Check whether it is sensitive and fill in the flag" },
  "ledger/sensitive-without-consent": { ja: "本人の同意か、同意を要しない法令上の根拠を記録する", en: "Record consent, or the legal basis that needs none" },
  "ledger/use-after-retention": { ja: "利用期限を保管期限までに収める", en: "End the use period by the end of retention" },
  "review/overdue": { ja: "マネジメントレビューを実施し、記録する", en: "Hold the management review and record it" },
  "risk/cloud-storage-unanalysed": { ja: "クラウドでの保管・委託のリスクを分析に加える", en: "Add the cloud storage and outsourcing risks" },
  "risk/compliance-risk-accepted": { ja: "対策を講じ、残存リスクを「低」にする", en: "Take measures and bring the residual risk to low" },
  "risk/flat-scoring": { ja: "リスクごとに発生可能性と影響度を評価し直す", en: "Rate each risk's likelihood and impact on its own" },
  "risk/high-without-measure": { ja: "対策を決めて記入する", en: "Decide the treatment and write the measure" },
  "risk/incomplete-scoring": { ja: "評価基準の入力(発生可能性・影響度など)を記入する", en: "Fill in the ratings the criteria need" },
  "risk/no-risk-described": { ja: "想定されるリスクを記入する", en: "Describe the foreseen risk" },
  "risk/orphan-row": { ja: "台帳の名称・番号に合わせるか、不要な行を削除する", en: "Match the ledger's name or ID, or delete the row" },
  "risk/phase-missing": { ja: "その局面のリスク分析の行を追加する", en: "Add risk rows for the phase" },
  "risk/residual-exceeds-inherent": { ja: "対策後の評価を見直す", en: "Review the post-measure rating" },
  "risk/residual-not-accepted": { ja: "残存リスクの受容(承認者・日付)を記録する", en: "Record the acceptance (who, when)" },
  "risk/review-overdue": { ja: "リスク分析を見直し、見直し日を記録する", en: "Review the risk analysis and record the date" },
  "risk/score-mismatch": { ja: "評価基準どおりの値に直す", en: "Correct it to what the criteria give" },
  "risk/sensitive-impact-floor": { ja: "影響度を最低値以上に評価し直す", en: "Raise the impact to the floor or above" },
  "risk/unknown-phase": { ja: "規定の局面名で書き直す", en: "Use one of the defined phase names" },
  "risk/vague-measure": { ja: "誰が何をどうするか、確認できる対策に書き直す", en: "Rewrite the measure so it can be checked" },
  "sheet/missing": { ja: "足りないシート(台帳またはリスク分析表)を用意する", en: "Add the missing ledger or risk analysis" },
  "template/outdated": { ja: "最新のテンプレートに移行する", en: "Move to the current template" },
  "training/no-test-result": { ja: "理解度確認の結果を記録する", en: "Record the understanding-check result" },
  "training/overdue": { ja: "教育を実施し、受講日を記録する", en: "Train the worker and record the date" },
};

/** The suggested action for a finding's rule. */
export function suggestedAction(rule: RuleId): LocalisedText {
  return SUGGESTED_ACTIONS[rule];
}
