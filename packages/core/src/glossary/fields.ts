import type { LocalisedText } from "../i18n/text";
import type { RecognisedKind, ValueType } from "./kinds";

/**
 * The field catalogue: every column the product understands, per sheet kind, with the header
 * spellings seen in real ledgers and risk sheets (notes/domain.md §1.2, §2.3, §4).
 *
 * `synonyms` are matched after `normaliseHeader` (NFKC, no spaces, brackets or notes). A header
 * equal to a synonym is an exact match; a header that *contains* a synonym of three or more
 * characters is a weaker match, unless the synonym is listed in `exactOnly` (short, generic words
 * like 「名称」 or 「内容」 that would otherwise match half the sheet).
 * `signature` fields are the ones that make a sheet that kind: a sheet is only called a ledger
 * if it has at least one ledger signature field, and so on.
 */
export interface FieldDef<F extends string = string> {
  id: F;
  type: ValueType;
  label: LocalisedText;
  synonyms: readonly string[];
  exactOnly?: readonly string[];
  signature?: boolean;
  /** Several columns may carry this field (notes, free comments) without a duplicate finding. */
  repeatable?: boolean;
}

export const LEDGER_FIELDS = [
  "id",
  "department",
  "business",
  "name",
  "dataItems",
  "subjects",
  "purpose",
  "acquisitionMethod",
  "source",
  "notice",
  "consent",
  "count",
  "medium",
  "storagePlace",
  "storageMethod",
  "accessScope",
  "usePeriod",
  "retention",
  "disposal",
  "owner",
  "contractor",
  "recipient",
  "provisionRecord",
  "country",
  "safeguard",
  "sensitive",
  "myNumber",
  "disclosable",
  "infoCategory",
  "categoryCode",
  "reviewedDate",
  "note",
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export const RISK_FIELDS = [
  "id",
  "itemRef",
  "itemName",
  "business",
  "department",
  "categoryCode",
  "medium",
  "phase",
  "risk",
  "likelihood",
  "impact",
  "assetValue",
  "confidentiality",
  "integrity",
  "availability",
  "threat",
  "vulnerability",
  "score",
  "level",
  "measure",
  "ruleRef",
  "residualLikelihood",
  "residualImpact",
  "residualScore",
  "residualLevel",
  "acceptance",
  "owner",
  "reviewedDate",
  "status",
  "note",
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];
/** Risk fields that hold a rating on a scale (1–n or 高/中/低), before or after measures. */
export const RATING_FIELDS: ReadonlySet<string> = new Set<RiskField>(["likelihood", "impact", "assetValue", "confidentiality", "integrity", "availability", "threat", "vulnerability", "residualLikelihood", "residualImpact"]);

export const CONTRACTOR_FIELDS = [
  "id",
  "name",
  "work",
  "items",
  "country",
  "evaluationDate",
  "evaluationResult",
  "agreement",
  "exception",
  "reviewedDate",
  "note",
] as const;
export type ContractorField = (typeof CONTRACTOR_FIELDS)[number];

export const LAW_FIELDS = ["id", "name", "authority", "category", "enforcedDate", "checkedDate", "url", "relatedBusiness", "note"] as const;
export type LawField = (typeof LAW_FIELDS)[number];

/** 教育実施記録 / 受講者名簿 (notes/domain.md §4.3): one row per person and training session. */
export const TRAINING_FIELDS = ["id", "name", "department", "employment", "hireDate", "date", "course", "method", "testResult", "passed", "absenceReason", "followUp", "note"] as const;
export type TrainingField = (typeof TRAINING_FIELDS)[number];

/** 内部監査記録 (notes/domain.md §4.4): one row per audited department (or per check item). */
export const AUDIT_FIELDS = ["id", "date", "department", "auditor", "auditorDepartment", "checkItem", "result", "finding", "correctiveAction", "correctionDue", "correctedDate", "note"] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** マネジメントレビュー / 代表者による見直し (notes/domain.md §4.5): one row per review (or per input). */
export const REVIEW_FIELDS = ["id", "date", "input", "output", "reviewer", "note"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

export interface FieldsByKind {
  ledger: LedgerField;
  risk: RiskField;
  contractor: ContractorField;
  law: LawField;
  training: TrainingField;
  audit: AuditField;
  review: ReviewField;
}

type Catalogue<F extends string> = Record<F, Omit<FieldDef<F>, "id">>;

const NOTE = {
  type: "text",
  label: { ja: "備考", en: "Notes" },
  synonyms: ["備考", "備考欄", "特記事項", "コメント", "メモ", "notes", "note", "remarks", "comments"],
  repeatable: true,
} as const;

const ledger: Catalogue<LedgerField> = {
  id: {
    type: "id",
    label: { ja: "管理番号", en: "ID" },
    synonyms: ["no", "no.", "№", "番号", "管理番号", "管理no", "台帳no", "台帳番号", "個人情報番号", "整理番号", "通し番号", "id", "itemid", "ref", "識別番号", "項番"],
    exactOnly: ["no", "番号", "id", "ref", "項番"],
  },
  department: {
    type: "text",
    label: { ja: "部門", en: "Department" },
    synonyms: ["部門", "部門名", "部署", "部署名", "管理部門", "管理部署", "所管部署", "所管部門", "主管部署", "取扱い部署", "取扱部署", "取り扱う部署", "取扱部門", "担当部署", "担当部門", "所属", "支店", "支店名", "拠点", "拠点名", "営業所", "事業所", "店舗", "department", "dept", "businessunit", "branch", "office"],
    exactOnly: ["所属", "店舗", "office"],
  },
  business: {
    type: "text",
    label: { ja: "業務", en: "Business process" },
    synonyms: ["業務", "業務名", "業務プロセス", "業務内容", "取り扱う業務", "取扱業務", "関連業務", "業務分類", "businessprocess", "process", "activity"],
    exactOnly: ["業務", "process", "activity"],
  },
  name: {
    type: "text",
    label: { ja: "個人情報の名称", en: "Personal information (name)" },
    synonyms: [
      "個人情報の名称",
      "個人情報名",
      "個人情報名称",
      "情報名",
      "情報の名称",
      "情報の名前",
      "個人情報",
      "名称",
      "種類",
      "個人情報の種類",
      "個人情報の種別",
      "書類名",
      "帳票名",
      "文書名",
      "文書等の名称",
      "情報資産名",
      "情報資産名称",
      "資産名",
      "personalinformation",
      "personaldata",
      "informationname",
      "dataset",
      "datasetname",
      "record",
      "recordname",
      "recordset",
      "recordsystem",
      "name",
      "itemname",
      "title",
    ],
    exactOnly: ["個人情報", "名称", "種類", "name", "record", "title"],
    signature: true,
  },
  dataItems: {
    type: "text",
    label: { ja: "個人情報の項目", en: "Data items" },
    synonyms: ["個人情報の項目", "個人情報項目", "項目", "個人情報の内容", "情報の内容", "内容", "記載項目", "含まれる項目", "主な項目", "データ項目", "記録項目", "記録されている項目", "収集項目", "取得項目", "dataitems", "datafields", "fields", "categoriesofdata", "datacategories", "contents"],
    exactOnly: ["項目", "内容", "fields", "contents"],
    signature: true,
  },
  subjects: {
    type: "text",
    label: { ja: "本人の区分", en: "Data subjects" },
    synonyms: ["データ主体", "本人", "本人の区分", "本人区分", "対象者", "対象者区分", "情報主体", "datasubjects", "datasubject", "subjects"],
    exactOnly: ["本人"],
  },
  purpose: {
    type: "text",
    label: { ja: "利用目的", en: "Purpose of use" },
    synonyms: ["利用目的", "取得・利用目的", "取得利用目的", "目的", "使用目的", "利用の目的", "purpose", "purposeofuse", "purposes"],
    exactOnly: ["目的"],
    signature: true,
  },
  acquisitionMethod: {
    type: "text",
    label: { ja: "取得方法", en: "Acquisition method" },
    synonyms: ["取得方法", "入手方法", "入手形態", "取得の形態", "取得形態", "取得分類", "取得経路", "入手経路", "収集方法", "取得手段", "acquisitionmethod", "howacquired", "collectionmethod", "method of collection"],
  },
  source: {
    type: "text",
    label: { ja: "取得元", en: "Source" },
    synonyms: ["取得元", "入手先", "取得先", "入手元", "提供元", "収集元", "source", "obtainedfrom"],
  },
  notice: {
    type: "text",
    label: { ja: "明示・通知方法", en: "Notice method" },
    synonyms: ["利用目的などの本人への明示又は通知の方法", "明示・通知方法", "明示通知方法", "通知・公表", "通知公表", "明示方法", "通知方法", "明示", "通知", "notice", "noticemethod", "privacynotice"],
    exactOnly: ["明示", "通知"],
  },
  consent: {
    type: "yesno",
    label: { ja: "本人同意", en: "Consent" },
    synonyms: ["本人同意", "本人同意の有無", "同意", "本人の同意", "同意取得", "同意の有無", "同意取得の有無", "同意書", "consent", "consentobtained"],
    exactOnly: ["同意"],
  },
  count: {
    type: "count",
    label: { ja: "件数", en: "Count" },
    synonyms: ["件数", "情報の件数", "件数規模", "保有件数", "概数", "概算件数", "人数", "データ件数", "count", "records", "numberofrecords", "volume", "approx.count"],
    exactOnly: ["records", "人数"],
  },
  medium: {
    type: "medium",
    label: { ja: "媒体", en: "Medium" },
    synonyms: ["媒体", "情報媒体", "媒体区分", "保存媒体", "保管媒体", "記録媒体", "形態", "保管形態", "情報の形態", "属性", "形式", "媒体・保存先", "媒体の種類", "紙電子の別", "紙・電子", "medium", "media", "format", "paperorelectronic"],
    exactOnly: ["形態", "属性", "形式", "format"],
  },
  storagePlace: {
    type: "text",
    label: { ja: "保管場所", en: "Storage location" },
    synonyms: ["保管場所", "保存場所", "保存場所・システム", "保存先", "保管先", "格納場所", "保管場所・保存先", "保管", "storagelocation", "storageplace", "location", "whereheld", "wherestored", "wherekept", "keptat", "storedat"],
    exactOnly: ["保管", "location"],
    signature: true,
  },
  storageMethod: {
    type: "text",
    label: { ja: "保管方法", en: "Storage method" },
    synonyms: ["保管方法", "保存方法", "保管の方法", "管理方法", "安全管理措置", "storagemethod", "howstored", "safeguards", "howprotected", "howkept", "protection"],
    exactOnly: ["protection"],
  },
  accessScope: {
    type: "text",
    label: { ja: "アクセス権を有する者", en: "Access holders" },
    synonyms: [
      "アクセス権を有する者",
      "アクセス権を有するもの",
      "アクセス権限を有する者",
      "アクセス権限を有するもの",
      "アクセス権者",
      "アクセス権限者",
      "アクセス権限",
      "アクセス権",
      "アクセス可能者",
      "利用可能者",
      "利用者の範囲",
      "利用者範囲",
      "利用者",
      "取扱者",
      "取扱者の範囲",
      "取扱担当者",
      "担当者",
      "accessholders",
      "access",
      "whohasaccess",
      "whocanaccess",
      "accessedby",
      "accessscope",
      "authorisedusers",
      "authorizedusers",
    ],
    exactOnly: ["利用者", "担当者", "access"],
  },
  usePeriod: {
    type: "text",
    label: { ja: "利用期限", en: "Use period" },
    synonyms: ["利用期限", "利用期間", "利用終了", "useperiod", "useuntil", "usagelimit"],
  },
  retention: {
    type: "text",
    label: { ja: "保管期限", en: "Retention period" },
    synonyms: ["保管期限", "保管期間", "保存期間", "保存期限", "廃棄予定年月", "廃棄予定日", "廃棄時期", "保有期間", "retention", "retentionperiod", "keepuntil"],
    signature: true,
  },
  disposal: {
    type: "text",
    label: { ja: "廃棄方法", en: "Disposal method" },
    synonyms: ["廃棄方法", "廃棄手段の分類", "廃棄手段", "破棄または返却の方法", "破棄の方法", "破棄方法", "消去方法", "処分方法", "廃棄・消去方法", "消去・廃棄方法", "廃棄の記録", "disposal", "disposalmethod", "deletionmethod"],
  },
  owner: {
    type: "text",
    label: { ja: "管理責任者", en: "Responsible person" },
    synonyms: ["管理責任者", "管理責任者名", "取扱責任者", "責任者", "管理者", "所有者", "情報管理責任者", "owner", "responsibleperson", "dataowner"],
  },
  contractor: {
    type: "text",
    label: { ja: "委託先", en: "Contractor" },
    synonyms: ["委託先", "委託先名", "委託の有無", "委託", "外部委託先", "預託先", "個人情報提出先", "委託先・預託先", "contractor", "contractors", "processor", "outsourcee", "subcontractor"],
    exactOnly: ["委託"],
  },
  recipient: {
    type: "text",
    label: { ja: "提供先", en: "Third-party recipient" },
    synonyms: ["提供先", "第三者提供", "第三者提供先", "提出先", "第三者提供の有無", "提供の有無", "共同利用", "recipient", "recipients", "thirdparty", "thirdpartyrecipient", "provisiontothirdparties"],
  },
  provisionRecord: {
    // Where the record of a third-party provision (APPI 第29条) is said to be kept.
    type: "yesno",
    label: { ja: "提供記録", en: "Provision record" },
    synonyms: ["提供記録", "提供記録の有無", "第三者提供記録", "第三者提供の記録", "第三者提供記録の有無", "提供の記録", "提供に係る記録", "記録の作成", "provisionrecord", "recordofprovision", "thirdpartyprovisionrecord"],
  },
  country: {
    // The PPC data-mapping toolkit's columns for handling abroad (外国にある第三者への提供).
    type: "text",
    label: { ja: "所在国", en: "Country" },
    synonyms: ["所在国", "国名", "外国の名称", "提供先の国", "提供先国", "委託先の所在国", "移転先国", "移転先の国", "保管国", "データ保管国", "所在国・地域", "country", "countries", "destinationcountry", "countryoftransfer"],
    exactOnly: ["国名"],
  },
  safeguard: {
    type: "text",
    label: { ja: "外国移転の根拠", en: "Transfer safeguard" },
    synonyms: ["外国移転の根拠", "越境移転の根拠", "移転の根拠", "外国提供の根拠", "外国提供の要件", "基準適合体制", "相当措置", "移転根拠", "transfersafeguard", "safeguard", "transfermechanism", "transferbasis"],
  },
  sensitive: {
    type: "yesno",
    label: { ja: "要配慮個人情報", en: "Sensitive (要配慮)" },
    synonyms: ["要配慮個人情報", "要配慮", "要配慮個人情報の有無", "要配慮の有無", "機微", "一般/機微", "一般機微", "機微情報", "機微情報の有無", "sensitive", "specialcare", "specialcarerequired", "sensitivedata"],
  },
  myNumber: {
    type: "yesno",
    label: { ja: "特定個人情報", en: "My Number" },
    synonyms: ["特定個人情報", "マイナンバー", "個人番号", "特定個人情報の有無", "マイナンバーの有無", "個人番号の有無", "mynumber", "individualnumber"],
  },
  disclosable: {
    type: "yesno",
    label: { ja: "開示対象", en: "Disclosable (保有個人データ)" },
    synonyms: ["開示対象", "開示対象・非対象", "開示対象個人情報", "開示対象の有無", "保有個人データ", "開示等の対象", "開示請求対象", "disclosable", "retainedpersonaldata", "subjecttodisclosure"],
  },
  infoCategory: {
    type: "text",
    label: { ja: "区分", en: "Category (個人情報/仮名加工/匿名加工/個人関連)" },
    synonyms: ["情報区分", "個人情報区分", "区分", "情報の区分", "個人情報の区分", "category", "informationcategory"],
    exactOnly: ["区分", "category"],
  },
  categoryCode: {
    type: "id",
    label: { ja: "類型", en: "Category code" },
    synonyms: ["類型", "類型コード", "類型番号", "分類コード", "categorycode", "group"],
    exactOnly: ["group"],
  },
  reviewedDate: {
    type: "date",
    label: { ja: "見直し日", en: "Reviewed date" },
    synonyms: ["見直し日", "最終見直し日", "更新日", "最終更新日", "最終確認日", "確認日", "点検日", "棚卸日", "改訂日", "登録日", "作成日", "reviewed", "reviewdate", "reviewed date", "lastreviewed", "lastreview", "updated", "lastupdated", "checked"],
  },
  note: NOTE,
};

const risk: Catalogue<RiskField> = {
  id: {
    // A bare "No." on a risk sheet is usually the row's own number; it serves as the item
    // reference only when the sheet has no other way to name its item (see riskEntries).
    type: "id",
    label: { ja: "No.", en: "Row ID" },
    synonyms: ["no", "no.", "番号", "id", "ref", "項番", "通し番号", "リスクno", "リスク番号", "リスクid", "riskid", "riskno"],
    exactOnly: ["no", "番号", "id", "ref", "項番"],
  },
  itemRef: {
    type: "id",
    label: { ja: "台帳番号", en: "Ledger item ID" },
    synonyms: ["管理番号", "台帳番号", "台帳no", "管理no", "個人情報番号", "個人情報no", "個人情報管理番号", "台帳管理番号", "itemid", "ledgerid", "ledgerno", "ledgerref", "整理番号"],
  },
  itemName: {
    type: "text",
    label: { ja: "個人情報の名称", en: "Personal information" },
    synonyms: ["個人情報の名称", "個人情報名", "個人情報", "情報名", "個人情報の種類", "名称", "種類", "対象個人情報", "対象情報", "書類名", "帳票名", "情報資産名", "資産名", "personalinformation", "personaldata", "informationname", "item", "itemname", "record", "asset"],
    exactOnly: ["個人情報", "名称", "種類", "item", "record", "asset"],
  },
  business: {
    type: "text",
    label: { ja: "業務", en: "Business process" },
    synonyms: ["業務", "業務名", "業務プロセス", "業務フロー", "businessprocess", "process"],
    exactOnly: ["業務", "process"],
  },
  department: {
    type: "text",
    label: { ja: "部門", en: "Department" },
    synonyms: ["部門", "部門名", "部署", "部署名", "所管部署", "管理部門", "管理部署", "所管部門", "担当部署", "取扱部署", "取扱い部署", "支店", "支店名", "拠点", "営業所", "事業所", "department", "dept", "branch"],
  },
  categoryCode: {
    type: "id",
    label: { ja: "類型", en: "Category code" },
    synonyms: ["類型", "類型コード", "類型番号", "分類コード", "categorycode"],
  },
  medium: {
    type: "medium",
    label: { ja: "媒体", en: "Medium" },
    synonyms: ["媒体", "媒体区分", "情報媒体", "保存媒体", "保管媒体", "記録媒体", "形態", "medium", "media"],
    exactOnly: ["形態"],
  },
  phase: {
    type: "phase",
    label: { ja: "局面", en: "Lifecycle phase" },
    synonyms: ["局面", "ライフサイクル", "ライフサイクル局面", "取扱い局面", "取扱局面", "取扱いの局面", "個人情報の取扱い", "取扱い", "工程", "フェーズ", "段階", "lifecyclestage", "lifecycle", "phase", "stage"],
    exactOnly: ["取扱い", "工程", "段階", "stage"],
    signature: true,
  },
  risk: {
    type: "text",
    label: { ja: "リスク", en: "Risk" },
    synonyms: ["リスク", "想定されるリスク", "想定リスク", "想定される脅威", "想定脅威", "脅威の内容", "リスク内容", "リスクの内容", "リスク事象", "リスクの種類・原因", "リスクの予想発生箇所", "リスク要因", "脅威・リスク", "危険", "risk", "risks", "riskdescription", "threatdescription"],
    exactOnly: ["リスク", "危険", "risk", "risks"],
    signature: true,
  },
  likelihood: {
    type: "scale",
    label: { ja: "発生可能性", en: "Likelihood" },
    synonyms: ["発生可能性", "発生頻度", "発生確率", "被害発生可能性", "起こりやすさ", "発生の可能性", "可能性", "頻度", "likelihood", "probability", "frequency"],
    exactOnly: ["可能性", "頻度"],
    signature: true,
  },
  impact: {
    type: "scale",
    label: { ja: "影響度", en: "Impact" },
    synonyms: ["影響度", "被害の大きさ", "影響", "被害度", "結果", "起こり得る結果", "影響の大きさ", "impact", "severity", "consequence"],
    exactOnly: ["影響", "結果"],
    signature: true,
  },
  assetValue: {
    type: "scale",
    label: { ja: "資産価値", en: "Asset value" },
    synonyms: ["資産価値", "重要度", "情報の重要度", "assetvalue", "importance"],
  },
  confidentiality: {
    type: "scale",
    label: { ja: "機密性", en: "Confidentiality" },
    synonyms: ["機密性", "confidentiality", "c"],
    exactOnly: ["c"],
  },
  integrity: {
    type: "scale",
    label: { ja: "完全性", en: "Integrity" },
    synonyms: ["完全性", "integrity", "i"],
    exactOnly: ["i"],
  },
  availability: {
    type: "scale",
    label: { ja: "可用性", en: "Availability" },
    synonyms: ["可用性", "availability", "a"],
    exactOnly: ["a"],
  },
  threat: {
    type: "scale",
    label: { ja: "脅威", en: "Threat" },
    synonyms: ["脅威", "脅威レベル", "脅威の大きさ", "脅威点数", "threat", "threatlevel"],
    exactOnly: ["脅威"],
  },
  vulnerability: {
    type: "scale",
    label: { ja: "脆弱性", en: "Vulnerability" },
    synonyms: ["脆弱性", "脆弱性レベル", "脆弱性点数", "vulnerability"],
    exactOnly: ["脆弱性"],
  },
  score: {
    type: "score",
    label: { ja: "リスク値", en: "Risk score" },
    synonyms: ["リスク値", "リスク点数", "リスクスコア", "リスクの大きさ", "評価値", "評価点", "点数", "スコア", "riskscore", "score", "riskvalue", "rating"],
    exactOnly: ["点数", "スコア", "score", "rating"],
  },
  level: {
    type: "level",
    label: { ja: "リスクレベル", en: "Risk level" },
    synonyms: ["リスクレベル", "リスク評価", "評価", "レベル", "リスクランク", "ランク", "判定", "risklevel", "level", "riskrating"],
    exactOnly: ["評価", "レベル", "ランク", "判定", "level"],
  },
  measure: {
    type: "text",
    label: { ja: "対策", en: "Measure" },
    synonyms: ["対策", "管理策", "現状の対策", "現在の対策", "実施している対策", "追加対策", "リスク対策", "安全管理措置", "予防対策", "対応策", "対策内容", "リスク対応", "対応", "measure", "measures", "controls", "control", "countermeasure", "countermeasures", "treatment", "mitigation"],
    exactOnly: ["対応", "control"],
    signature: true,
  },
  ruleRef: {
    type: "text",
    label: { ja: "関連規程", en: "Related rule" },
    synonyms: ["関連規定", "関連規程", "規程", "参照規程", "該当規程", "relatedrule", "policyreference"],
  },
  residualLikelihood: {
    type: "scale",
    label: { ja: "残存リスク 発生可能性", en: "Residual likelihood" },
    synonyms: ["対策後発生可能性", "残存発生可能性", "残留発生可能性", "対策後の発生可能性", "residuallikelihood"],
  },
  residualImpact: {
    type: "scale",
    label: { ja: "残存リスク 影響度", en: "Residual impact" },
    synonyms: ["対策後影響度", "残存影響度", "残留影響度", "対策後の影響度", "residualimpact"],
  },
  residualScore: {
    type: "score",
    label: { ja: "残存リスク値", en: "Residual score" },
    synonyms: ["残存リスク値", "残留リスク値", "対策後リスク値", "対策後のリスク値", "残存リスク点数", "residualscore", "residualriskscore"],
  },
  residualLevel: {
    type: "level",
    label: { ja: "残存リスク", en: "Residual risk" },
    synonyms: ["残存リスク", "残留リスク", "残存", "残留", "残存リスクレベル", "残留リスクレベル", "対策後リスクレベル", "対策後のリスク", "対策後リスク", "対策後評価", "対策後の評価", "対策後レベル", "residualrisk", "residual", "residuallevel", "residualrisklevel"],
    exactOnly: ["残存", "残留", "residual"],
    signature: true,
  },
  acceptance: {
    type: "text",
    label: { ja: "リスク受容", en: "Acceptance" },
    synonyms: ["受容", "リスク受容", "受容可否", "受容判断", "承認", "代表者承認", "受容承認", "リスク受容承認", "acceptance", "accepted", "riskacceptance", "approval"],
    exactOnly: ["承認"],
  },
  owner: {
    type: "text",
    label: { ja: "リスク所有者", en: "Risk owner" },
    synonyms: ["リスク所有者", "リスクオーナー", "責任者", "担当", "担当者", "対応責任者", "riskowner", "owner"],
    exactOnly: ["担当"],
  },
  reviewedDate: {
    type: "date",
    label: { ja: "見直し日", en: "Reviewed date" },
    synonyms: ["見直し日", "評価日", "実施日", "分析日", "更新日", "最終見直し日", "確認日", "reviewed", "reviewdate", "assessed", "assessmentdate", "lastreviewed"],
  },
  status: {
    type: "text",
    label: { ja: "状態", en: "Status" },
    synonyms: ["状態", "対応状況", "進捗", "進捗状況", "確認状況", "ステータス", "status", "reviewstatus"],
    exactOnly: ["状態", "進捗", "status"],
  },
  note: NOTE,
};

const contractor: Catalogue<ContractorField> = {
  id: {
    type: "id",
    label: { ja: "番号", en: "ID" },
    synonyms: ["no", "no.", "番号", "管理番号", "委託先no", "委託先番号", "id"],
    exactOnly: ["no", "番号", "id"],
  },
  name: {
    type: "text",
    label: { ja: "委託先名", en: "Contractor name" },
    synonyms: ["委託先", "委託先名", "委託先名称", "委託先の名称", "委託先会社名", "会社名", "事業者名", "名称", "取引先名", "contractor", "contractorname", "processor", "vendor", "company"],
    exactOnly: ["名称", "company"],
    signature: true,
  },
  work: {
    type: "text",
    label: { ja: "委託業務", en: "Contracted work" },
    synonyms: ["委託業務", "委託内容", "委託業務内容", "委託する業務", "業務内容", "委託の内容", "service", "servicescontracted", "work", "contractedwork"],
    exactOnly: ["work", "service"],
    signature: true,
  },
  items: {
    type: "text",
    label: { ja: "取り扱う個人情報", en: "Personal information handled" },
    synonyms: ["取り扱う個人情報", "取扱個人情報", "委託する個人情報", "預託する個人情報", "対象個人情報", "個人情報", "personalinformation", "datahandled"],
    exactOnly: ["個人情報"],
  },
  country: {
    type: "text",
    label: { ja: "所在国", en: "Country" },
    synonyms: ["所在国", "国名", "国", "所在地国", "データ保管国", "country", "countryoflocation"],
    exactOnly: ["国"],
  },
  evaluationDate: {
    type: "date",
    label: { ja: "評価日", en: "Evaluation date" },
    synonyms: ["評価日", "最終評価日", "委託先評価日", "評価実施日", "前回評価日", "evaluationdate", "lastevaluation", "assessed", "evaluated"],
    signature: true,
  },
  evaluationResult: {
    type: "text",
    label: { ja: "評価結果", en: "Evaluation result" },
    synonyms: ["評価結果", "評価", "判定", "適否", "選定結果", "evaluationresult", "result", "evaluation"],
    exactOnly: ["評価", "判定", "result"],
    signature: true,
  },
  agreement: {
    type: "yesno",
    label: { ja: "契約・覚書", en: "Agreement" },
    synonyms: ["覚書", "覚書締結", "契約", "契約締結", "契約書", "秘密保持契約", "nda", "契約・覚書", "覚書・契約", "覚書の締結", "契約の有無", "覚書の有無", "agreement", "contract", "dpa"],
    exactOnly: ["契約", "nda", "dpa"],
    signature: true,
  },
  exception: {
    type: "text",
    label: { ja: "例外・特記", en: "Exception" },
    synonyms: ["例外", "例外事項", "例外承認", "exception"],
  },
  reviewedDate: {
    type: "date",
    label: { ja: "見直し日", en: "Reviewed date" },
    synonyms: ["見直し日", "更新日", "確認日", "reviewed", "lastreviewed"],
  },
  note: NOTE,
};

const law: Catalogue<LawField> = {
  id: {
    type: "id",
    label: { ja: "番号", en: "ID" },
    synonyms: ["no", "no.", "番号", "id"],
    exactOnly: ["no", "番号", "id"],
  },
  name: {
    type: "text",
    label: { ja: "法令・規範の名称", en: "Law or norm" },
    synonyms: ["法令・規範の名称", "法令等の名称", "法令名", "法令等", "法令", "規範", "法令・規範", "法令・指針", "法令・ガイドライン", "法令・指針等の名称", "法規制", "法規制名", "関連法令", "名称", "law", "laws", "lawornorm", "regulation", "regulations", "statute"],
    exactOnly: ["名称", "法令", "規範", "law"],
    signature: true,
  },
  authority: {
    type: "text",
    label: { ja: "所管", en: "Authority" },
    synonyms: ["所管", "所管官庁", "所管省庁", "制定者", "発行元", "authority", "issuer", "regulator"],
    signature: true,
  },
  category: {
    type: "text",
    label: { ja: "種別", en: "Type" },
    synonyms: ["種別", "区分", "種類", "type", "kind"],
    exactOnly: ["種別", "区分", "種類", "type", "kind"],
  },
  enforcedDate: {
    type: "date",
    label: { ja: "施行日", en: "In force since" },
    synonyms: ["施行日", "最終改正日", "改正日", "公布日", "enforced", "effectivedate", "lastamended"],
    signature: true,
  },
  checkedDate: {
    type: "date",
    label: { ja: "確認日", en: "Checked date" },
    synonyms: ["確認日", "最終確認日", "見直し日", "更新確認日", "改正確認日", "checked", "checkeddate", "lastchecked", "reviewed", "lastreviewed"],
  },
  url: {
    type: "text",
    label: { ja: "参照先", en: "Reference" },
    synonyms: ["url", "参照先", "参照url", "入手先", "link", "reference"],
  },
  relatedBusiness: {
    type: "text",
    label: { ja: "関連業務", en: "Related business" },
    synonyms: ["関連業務", "対象業務", "適用業務", "該当業務", "relatedbusiness", "appliesto"],
    signature: true,
  },
  note: NOTE,
};

const training: Catalogue<TrainingField> = {
  id: {
    type: "id",
    label: { ja: "番号", en: "ID" },
    synonyms: ["no", "no.", "番号", "社員番号", "従業員番号", "社員no", "職員番号", "id", "employeeid", "staffid"],
    exactOnly: ["no", "番号", "id"],
  },
  name: {
    type: "text",
    label: { ja: "氏名", en: "Name" },
    synonyms: ["氏名", "受講者", "受講者名", "受講者氏名", "従業者名", "従業者氏名", "従業員名", "従業員氏名", "社員名", "社員氏名", "名前", "対象者氏名", "name", "fullname", "employee", "employeename", "attendee", "participant", "trainee", "staffname"],
    exactOnly: ["name", "employee"],
    signature: true,
  },
  department: {
    type: "text",
    label: { ja: "所属", en: "Department" },
    synonyms: ["所属", "所属部署", "所属部門", "所属部署名", "部署", "部署名", "部門", "部門名", "所属課", "department", "dept", "team"],
    exactOnly: ["team"],
  },
  employment: {
    type: "text",
    label: { ja: "区分", en: "Employment type" },
    synonyms: ["区分", "雇用区分", "従業者区分", "従業員区分", "社員区分", "雇用形態", "就業形態", "身分", "職種区分", "役職区分", "employmenttype", "employment", "staffcategory", "contracttype"],
    exactOnly: ["区分", "身分"],
  },
  hireDate: {
    type: "date",
    label: { ja: "入社日", en: "Hire date" },
    synonyms: ["入社日", "入社年月日", "着任日", "配属日", "雇入日", "雇入れ日", "hiredate", "startdate", "joined"],
  },
  date: {
    type: "date",
    label: { ja: "実施日", en: "Date" },
    synonyms: ["実施日", "受講日", "教育実施日", "教育日", "研修日", "研修実施日", "受講年月日", "実施年月日", "受講完了日", "修了日", "date", "trainingdate", "completed", "completiondate", "attended", "datecompleted"],
    exactOnly: ["date"],
    signature: true,
  },
  course: {
    type: "text",
    label: { ja: "教育名", en: "Course" },
    synonyms: ["教育名", "教育内容", "教育テーマ", "教育の名称", "研修名", "研修内容", "コース", "コース名", "講座名", "科目", "教育種別", "course", "coursename", "training", "trainingname", "programme", "program", "module"],
    exactOnly: ["科目", "training", "module"],
    signature: true,
  },
  method: {
    type: "text",
    label: { ja: "方法", en: "Method" },
    synonyms: ["方法", "実施方法", "教育方法", "受講方法", "実施形態", "研修形態", "method", "deliverymethod", "format"],
    exactOnly: ["方法", "format"],
  },
  testResult: {
    type: "text",
    label: { ja: "テスト結果", en: "Test result" },
    synonyms: ["テスト結果", "理解度", "理解度テスト", "理解度確認", "理解度確認テスト", "理解度テスト結果", "確認テスト", "テスト", "点数", "得点", "テストの点数", "評価点", "testresult", "test", "score", "testscore", "quiz", "quizscore", "assessment", "comprehensioncheck"],
    exactOnly: ["テスト", "点数", "得点", "test", "score"],
    signature: true,
  },
  passed: {
    type: "text",
    label: { ja: "合否", en: "Pass/fail" },
    synonyms: ["合否", "合否判定", "合格判定", "判定", "合格", "passfail", "pass/fail", "passed", "pass", "outcome"],
    exactOnly: ["判定", "合格", "pass", "outcome"],
    signature: true,
  },
  absenceReason: {
    type: "text",
    label: { ja: "未受講理由", en: "Reason not trained" },
    synonyms: ["未受講理由", "未受講の理由", "欠席理由", "未実施理由", "reasonnottrained", "absencereason"],
  },
  followUp: {
    type: "date",
    label: { ja: "フォロー実施日", en: "Follow-up date" },
    synonyms: ["フォロー実施日", "フォロー日", "フォローアップ日", "フォローアップ実施日", "再教育日", "補講日", "followup", "followupdate"],
  },
  note: NOTE,
};

const audit: Catalogue<AuditField> = {
  id: {
    type: "id",
    label: { ja: "番号", en: "ID" },
    synonyms: ["no", "no.", "番号", "指摘番号", "監査番号", "id"],
    exactOnly: ["no", "番号", "id"],
  },
  date: {
    type: "date",
    label: { ja: "監査日", en: "Audit date" },
    synonyms: ["監査日", "監査実施日", "内部監査日", "内部監査実施日", "監査年月日", "実施日", "実施年月日", "auditdate", "dateofaudit", "audited", "date"],
    exactOnly: ["date", "実施日"],
    signature: true,
  },
  department: {
    type: "text",
    label: { ja: "被監査部門", en: "Audited department" },
    synonyms: ["被監査部門", "被監査部署", "被監査部門名", "監査対象部門", "監査対象部署", "監査対象", "対象部門", "対象部署", "auditeddepartment", "auditee", "auditeddept", "departmentaudited", "auditedunit"],
    signature: true,
  },
  auditor: {
    type: "text",
    label: { ja: "監査員", en: "Auditor" },
    synonyms: ["監査員", "監査員名", "監査員氏名", "内部監査員", "担当監査員", "監査担当者", "監査者", "auditor", "auditors", "auditorname", "leadauditor"],
    signature: true,
  },
  auditorDepartment: {
    type: "text",
    label: { ja: "監査員の所属", en: "Auditor's department" },
    synonyms: ["監査員の所属", "監査員所属", "監査員の所属部署", "監査員所属部署", "監査員の部署", "監査員部署", "監査員の所属部門", "監査員所属部門", "auditorsdepartment", "auditordepartment", "auditordept", "auditorsdept", "auditorsunit"],
    signature: true,
  },
  checkItem: {
    type: "text",
    label: { ja: "チェック項目", en: "Check item" },
    synonyms: ["チェック項目", "監査項目", "確認項目", "監査内容", "監査の観点", "監査テーマ", "要求事項", "checkitem", "checkpoint", "criteria", "auditcriteria", "requirement"],
  },
  result: {
    type: "text",
    label: { ja: "結果", en: "Result" },
    synonyms: ["結果", "監査結果", "判定", "評価", "適合性", "適否", "指摘区分", "判定結果", "result", "auditresult", "rating", "conformity", "findingtype"],
    exactOnly: ["結果", "判定", "評価", "適否", "result", "rating"],
  },
  finding: {
    type: "text",
    label: { ja: "指摘事項", en: "Finding" },
    synonyms: ["指摘事項", "指摘内容", "不適合内容", "不適合の内容", "所見", "観察事項", "監査所見", "finding", "findings", "observation", "nonconformity"],
  },
  correctiveAction: {
    type: "text",
    label: { ja: "是正処置", en: "Corrective action" },
    synonyms: ["是正処置", "是正内容", "是正処置内容", "是正処置の内容", "是正措置", "対応内容", "correctiveaction", "correction", "action"],
    exactOnly: ["action"],
  },
  correctionDue: {
    type: "date",
    label: { ja: "是正期限", en: "Correction due" },
    synonyms: ["是正期限", "是正予定日", "是正処置期限", "是正完了予定日", "是正期日", "対応期限", "correctiondue", "duedate", "due"],
    exactOnly: ["due"],
    signature: true,
  },
  correctedDate: {
    type: "date",
    label: { ja: "是正完了日", en: "Corrected" },
    synonyms: ["是正完了日", "是正日", "是正処置完了日", "是正確認日", "是正処置日", "完了確認日", "corrected", "correcteddate", "closed", "closeddate", "dateclosed"],
    signature: true,
  },
  note: NOTE,
};

const review: Catalogue<ReviewField> = {
  id: {
    type: "id",
    label: { ja: "番号", en: "ID" },
    synonyms: ["no", "no.", "番号", "回", "id"],
    exactOnly: ["no", "番号", "回", "id"],
  },
  date: {
    type: "date",
    label: { ja: "実施日", en: "Review date" },
    synonyms: [
      "実施日",
      "実施年月日",
      "見直し日",
      "見直し実施日",
      "開催日",
      "レビュー日",
      "レビュー実施日",
      "マネジメントレビュー実施日",
      "マネジメントレビュー日",
      "代表者による見直し日",
      "代表者による見直し実施日",
      "reviewdate",
      "dateofreview",
      "date",
      "held",
    ],
    exactOnly: ["date", "held"],
  },
  input: {
    type: "text",
    label: { ja: "インプット", en: "Inputs" },
    synonyms: ["インプット", "インプット情報", "インプット項目", "入力", "入力事項", "入力情報", "見直しへの入力", "見直しの入力", "報告事項", "報告内容", "審議事項", "input", "inputs", "reviewinputs", "agenda"],
    exactOnly: ["入力"],
    signature: true,
  },
  output: {
    type: "text",
    label: { ja: "アウトプット", en: "Outputs" },
    synonyms: ["アウトプット", "アウトプット情報", "出力", "出力事項", "見直しの結果", "見直し結果", "代表者による見直し", "代表者による見直し結果", "決定事項", "指示事項", "代表者の指示", "改善指示", "output", "outputs", "decisions", "reviewoutputs", "actions"],
    exactOnly: ["出力", "actions"],
    signature: true,
  },
  reviewer: {
    type: "text",
    label: { ja: "実施者", en: "Reviewer" },
    synonyms: ["実施者", "代表者", "代表者名", "出席者", "参加者", "承認者", "reviewer", "topmanagement", "attendees", "participants", "chair"],
    exactOnly: ["chair"],
  },
  note: NOTE,
};

export const FIELD_CATALOGUE: { [K in RecognisedKind]: Catalogue<FieldsByKind[K]> } = {
  ledger,
  risk,
  contractor,
  law,
  training,
  audit,
  review,
};

export function fieldDef<K extends RecognisedKind>(kind: K, field: FieldsByKind[K]): FieldDef<FieldsByKind[K]> {
  const def = FIELD_CATALOGUE[kind][field] as Omit<FieldDef<FieldsByKind[K]>, "id">;
  return { id: field, ...def };
}

export function fieldLabel(kind: RecognisedKind, field: string): { ja: string; en: string } {
  const cat = FIELD_CATALOGUE[kind] as Record<string, { label: { ja: string; en: string } } | undefined>;
  return cat[field]?.label ?? { ja: field, en: field };
}
