import type { Lang, LocalisedText } from "../i18n/text";
import { MEDIUM_CHOICES } from "../read/medium";
import { YES_NO_CHOICES } from "../read/yesno";
import type { TemplateSheetKind } from "./spec";

/**
 * What the standard template says, in both languages: sheet names and titles, the columns of
 * each sheet (field ids of the glossary; labels come from the glossary), input help, dropdown
 * choices, the pre-filled laws list and the example rows. Layout code lives in build.ts.
 */

type Bilingual = LocalisedText;
type Kind = Exclude<TemplateSheetKind, "meta">;

export const SHEET_TEXT: Record<Kind, { name: Bilingual; title: Bilingual; note: Bilingual; tabColor: string }> = {
  ledger: {
    name: { ja: "個人情報管理台帳", en: "Ledger" },
    title: { ja: "個人情報管理台帳", en: "Personal-information ledger" },
    note: {
      ja: "1行に1種類の個人情報を記入します(紙と電子データは別の行)。同意書・誓約書・入退室記録・教育や監査の記録など運用で生まれる記録も含めます。年1回以上確認し、見直し日を更新してください。",
      en: "One row per kind of personal information (paper and electronic data on separate rows), the PMS's own records included (consent forms, pledges, entry logs, training and audit records). Check at least yearly and update the reviewed date.",
    },
    tabColor: "#2F75B5",
  },
  risk: {
    name: { ja: "リスク分析表", en: "Risk analysis" },
    title: { ja: "リスク分析表", en: "Risk analysis" },
    note: {
      ja: "台帳の個人情報ごとに、該当する局面を1行ずつ記入します(委託・提供は委託先か提供先がある場合)。灰色の列は自動計算です。",
      en: "For each ledger item, one row per phase that applies (entrustment and provision only with a contractor or recipient). Grey columns are calculated.",
    },
    tabColor: "#C00000",
  },
  contractor: {
    name: { ja: "委託先管理台帳", en: "Contractors" },
    title: { ja: "委託先管理台帳", en: "Contractor register" },
    note: {
      ja: "台帳の「委託先」に書いた名称と同じ名称で記入します。年1回以上評価し、契約・覚書を締結してください。",
      en: "Use the same names as the ledger's contractor column. Evaluate each contractor at least once a year and keep a contract or memorandum.",
    },
    tabColor: "#548235",
  },
  law: {
    name: { ja: "法令等一覧", en: "Laws" },
    title: { ja: "法令・国が定める指針その他の規範 一覧", en: "Laws, national guidelines and other norms" },
    note: {
      ja: "事業に関係する法令・指針を追加し、年1回以上と改正のたびに確認日を更新してください。",
      en: "Add the laws and guidelines that apply to your business; update the checked date at least once a year and after each amendment.",
    },
    tabColor: "#7030A0",
  },
  training: {
    name: { ja: "教育実施記録", en: "Training" },
    title: { ja: "教育実施記録", en: "Training records" },
    note: {
      ja: "役員・パート・アルバイト・派遣社員・出向社員を含む全従業者について、年1回以上の受講を記録します。",
      en: "Record at least yearly training for every worker, executives, part-timers, temps and secondees included.",
    },
    tabColor: "#BF8F00",
  },
  audit: {
    name: { ja: "内部監査記録", en: "Internal audit" },
    title: { ja: "内部監査記録", en: "Internal audit records" },
    note: {
      ja: "全部門を年1回以上監査します。監査員は自分の所属部門を監査できません。",
      en: "Audit every department at least once a year. Auditors never audit their own department.",
    },
    tabColor: "#404040",
  },
};

export interface ColumnText {
  field: string;
  width: number;
  help?: { title: Bilingual; text: Bilingual };
  list?: { values: Record<Lang, readonly string[]>; strict?: boolean };
  date?: boolean;
  /** Used when the glossary has no label for the field yet (training and audit sheets). */
  label?: Bilingual;
}

const YES_NO = { values: YES_NO_CHOICES };
const help = (title: Bilingual, text: Bilingual) => ({ title, text });

export const INFO_CATEGORIES: Record<Lang, readonly string[]> = {
  ja: ["個人情報", "仮名加工情報", "匿名加工情報", "個人関連情報"],
  en: ["Personal information", "Pseudonymously processed", "Anonymously processed", "Personally referable"],
};

export const LEDGER_COLUMNS: readonly ColumnText[] = [
  { field: "id", width: 9, help: help({ ja: "管理番号", en: "ID" }, { ja: "リスク分析表の「台帳番号」にも同じ番号を書きます。", en: "Write the same ID in the risk analysis's ledger item ID column." }) },
  { field: "department", width: 12 },
  { field: "name", width: 22, help: help({ ja: "個人情報の名称", en: "Name" }, { ja: "紙と電子データは別の行にします(例: 履歴書(紙)、応募者データ)。", en: "Paper and electronic data are separate rows (e.g. CVs (paper), applicant data)." }) },
  { field: "dataItems", width: 28, help: help({ ja: "個人情報の項目", en: "Data items" }, { ja: "氏名、住所、電話番号など、含まれる項目。", en: "What it holds: name, address, phone number..." }) },
  { field: "subjects", width: 12, help: help({ ja: "本人の区分", en: "Data subjects" }, { ja: "顧客、従業員、応募者など。", en: "Customers, employees, applicants..." }) },
  { field: "purpose", width: 24, help: help({ ja: "利用目的", en: "Purpose" }, { ja: "本人に明示・通知した利用目的。", en: "The purpose notified to the person." }) },
  { field: "acquisitionMethod", width: 18, help: help({ ja: "取得方法", en: "Acquisition" }, { ja: "本人から直接(書面・Webフォーム)、委託元から、など。", en: "Directly from the person (form, web form), from a client..." }) },
  { field: "notice", width: 18 },
  { field: "consent", width: 8, list: YES_NO },
  { field: "count", width: 10, help: help({ ja: "件数", en: "Count" }, { ja: "概数で構いません(例: 約500件)。", en: "An approximate count is fine (e.g. about 500)." }) },
  { field: "medium", width: 10, list: { values: MEDIUM_CHOICES } },
  { field: "storagePlace", width: 20, help: help({ ja: "保管場所", en: "Storage location" }, { ja: "例: 施錠キャビネット、社内ファイルサーバー、クラウド(サービス名)。", en: "E.g. locked cabinet, file server, cloud (service name)." }) },
  { field: "storageMethod", width: 20, help: help({ ja: "保管方法", en: "Storage method" }, { ja: "例: 施錠保管、アクセス制御、暗号化。", en: "E.g. locked, access control, encryption." }) },
  { field: "accessScope", width: 18 },
  { field: "usePeriod", width: 12 },
  { field: "retention", width: 14, help: help({ ja: "保管期限", en: "Retention" }, { ja: "例: 退職後7年。法定の保存期間より短くしません。特定個人情報は期間経過後に削除します。", en: "E.g. 7 years after leaving. Not shorter than the legal period; My Number data is deleted when it ends." }) },
  { field: "disposal", width: 14, help: help({ ja: "廃棄方法", en: "Disposal" }, { ja: "例: シュレッダー、溶解、データ消去。", en: "E.g. shredding, pulping, data erasure." }) },
  { field: "contractor", width: 20, help: help({ ja: "委託先", en: "Contractor" }, { ja: "委託先管理台帳と同じ名称。なければ「なし」。", en: "Same name as in the contractor register; \"None\" if none." }) },
  { field: "recipient", width: 18, help: help({ ja: "提供先", en: "Recipient" }, { ja: "第三者提供先。なければ「なし」。", en: "Third-party recipient; \"None\" if none." }) },
  { field: "sensitive", width: 10, list: YES_NO, help: help({ ja: "要配慮個人情報", en: "Sensitive" }, { ja: "病歴・健康診断結果・信条・犯罪歴・性生活・労働組合などを含むか。", en: "Medical history, health checks, beliefs, criminal record, sex life, trade-union membership..." }) },
  { field: "myNumber", width: 10, list: YES_NO },
  { field: "disclosable", width: 10, list: YES_NO, help: help({ ja: "開示対象", en: "Disclosable" }, { ja: "保有個人データ(開示等の請求の対象)か。", en: "Retained personal data (subject to disclosure requests)?" }) },
  { field: "infoCategory", width: 14, list: { values: INFO_CATEGORIES } },
  { field: "owner", width: 12 },
  { field: "reviewedDate", width: 12, date: true, help: help({ ja: "見直し日", en: "Reviewed" }, { ja: "内容を確認した日(年1回以上)。", en: "When the row was last checked (at least yearly)." }) },
  { field: "note", width: 20 },
];

/** Risk-sheet columns; score and level columns are computed from the profile's risk model. */
export const RISK_COLUMNS: readonly ColumnText[] = [
  { field: "itemRef", width: 9, help: help({ ja: "台帳番号", en: "Ledger item ID" }, { ja: "個人情報管理台帳の管理番号。", en: "The item's ID in the ledger." }) },
  { field: "itemName", width: 22, help: help({ ja: "個人情報の名称", en: "Personal information" }, { ja: "台帳と同じ名称。", en: "Same name as in the ledger." }) },
  { field: "phase", width: 16, help: help({ ja: "局面", en: "Phase" }, { ja: "局面ごとに1行以上。委託・提供は委託先か提供先がある場合だけ。", en: "At least one row per phase; entrustment and provision only with a contractor or recipient." }) },
  { field: "risk", width: 30, help: help({ ja: "リスク", en: "Risk" }, { ja: "漏えい、滅失、き損、目的外利用、法令違反など。", en: "Leak, loss, damage, use beyond purpose, breach of law..." }) },
  { field: "likelihood", width: 9 },
  { field: "impact", width: 9 },
  { field: "score", width: 9 },
  { field: "level", width: 9 },
  { field: "measure", width: 30, help: help({ ja: "対策", en: "Measure" }, { ja: "具体的な対策(手順・規程名)。リスクレベル「高」では必須。", en: "A concrete measure (procedure, rule). Required for a high risk." }) },
  { field: "residualLikelihood", width: 9 },
  { field: "residualImpact", width: 9 },
  { field: "residualScore", width: 9 },
  { field: "residualLevel", width: 9 },
  { field: "acceptance", width: 14, help: help({ ja: "リスク受容", en: "Acceptance" }, { ja: "残存リスクが受容水準を超える場合の承認(承認日・承認者)。", en: "Approval when the residual risk exceeds the acceptable level (date, approver)." }) },
  { field: "owner", width: 12 },
  { field: "reviewedDate", width: 12, date: true },
];

export const SCALE_HELP: Record<string, { title: Bilingual; text: Bilingual }> = {
  likelihood: help({ ja: "発生可能性", en: "Likelihood" }, { ja: "{{min}}〜{{max}}の整数(大きいほど起こりやすい)。", en: "A whole number from {{min}} to {{max}} (higher: more likely)." }),
  impact: help({ ja: "影響度", en: "Impact" }, { ja: "{{min}}〜{{max}}の整数(大きいほど影響が大きい)。要配慮・特定個人情報・決済情報は高く評価します。", en: "A whole number from {{min}} to {{max}} (higher: more harm). Rate sensitive, My Number and payment data high." }),
};
export const RESIDUAL_HELP: { title: Bilingual; text: Bilingual } = help(
  { ja: "対策後の評価", en: "After the measure" },
  { ja: "対策を実施した後の値({{min}}〜{{max}}の整数)。", en: "The value once the measure is in place ({{min}} to {{max}})." },
);
export const COMPUTED_HELP: { title: Bilingual; text: Bilingual } = help(
  { ja: "自動計算", en: "Calculated" },
  { ja: "入力値から自動計算されます。入力しないでください。", en: "Calculated from the inputs; do not type here." },
);

export const CONTRACTOR_COLUMNS: readonly ColumnText[] = [
  { field: "id", width: 9 },
  { field: "name", width: 24, help: help({ ja: "委託先名", en: "Contractor" }, { ja: "台帳の「委託先」と同じ名称。クラウドサービスの提供事業者も含みます。", en: "Same name as in the ledger; cloud service providers included." }) },
  { field: "work", width: 20 },
  { field: "items", width: 24 },
  { field: "country", width: 10, help: help({ ja: "所在国", en: "Country" }, { ja: "外国の場合は国名と、講じている措置を備考に。", en: "If abroad: the country, and the safeguard in the notes." }) },
  { field: "evaluationDate", width: 12, date: true, help: help({ ja: "評価日", en: "Evaluated" }, { ja: "直近の委託先評価の日(年1回以上)。", en: "Date of the latest evaluation (at least yearly)." }) },
  { field: "evaluationResult", width: 10, list: { values: { ja: ["適", "否"], en: ["Pass", "Fail"] } } },
  { field: "agreement", width: 10, list: YES_NO, help: help({ ja: "契約・覚書", en: "Agreement" }, { ja: "安全管理措置・再委託・事故時の報告を定めた契約または覚書。", en: "A contract or memorandum covering safeguards, sub-contracting and incident reporting." }) },
  { field: "exception", width: 16 },
  { field: "reviewedDate", width: 12, date: true },
  { field: "note", width: 20 },
];

export const LAW_COLUMNS: readonly ColumnText[] = [
  { field: "id", width: 6 },
  { field: "name", width: 48 },
  { field: "authority", width: 22 },
  { field: "category", width: 12 },
  { field: "enforcedDate", width: 12, date: true },
  { field: "checkedDate", width: 12, date: true, help: help({ ja: "確認日", en: "Checked" }, { ja: "最新版であることを確認した日(年1回以上・改正時)。", en: "When you checked it is current (yearly and on amendment)." }) },
  { field: "url", width: 30 },
  { field: "relatedBusiness", width: 16 },
  { field: "note", width: 20 },
];

export const TRAINING_COLUMNS: readonly ColumnText[] = [
  { field: "name", width: 16, label: { ja: "氏名", en: "Worker" } },
  { field: "department", width: 14, label: { ja: "所属", en: "Department" } },
  {
    field: "employment",
    width: 14,
    label: { ja: "区分", en: "Employment type" },
    list: { values: { ja: ["役員", "正社員", "契約社員", "パート・アルバイト", "派遣社員", "出向社員"], en: ["Executive", "Employee", "Contract", "Part-time", "Temp", "Secondee"] } },
  },
  { field: "hireDate", width: 12, date: true, label: { ja: "入社日", en: "Joined" } },
  { field: "date", width: 12, date: true, label: { ja: "実施日", en: "Training date" } },
  { field: "course", width: 24, label: { ja: "教育名", en: "Course" } },
  { field: "method", width: 14, label: { ja: "方法", en: "Method" } },
  {
    field: "testResult",
    width: 12,
    label: { ja: "テスト結果", en: "Test result" },
    help: help({ ja: "理解度確認", en: "Understanding check" }, { ja: "テストの点数または合否。", en: "Test score or pass/fail." }),
  },
  { field: "absenceReason", width: 16, label: { ja: "未受講理由", en: "Reason not trained" } },
  { field: "followUp", width: 12, date: true, label: { ja: "フォロー実施日", en: "Follow-up date" } },
  { field: "note", width: 20, label: { ja: "備考", en: "Notes" } },
];

export const AUDIT_COLUMNS: readonly ColumnText[] = [
  { field: "date", width: 12, date: true, label: { ja: "監査日", en: "Audit date" } },
  { field: "department", width: 14, label: { ja: "被監査部門", en: "Audited department" } },
  { field: "auditor", width: 14, label: { ja: "監査員", en: "Auditor" } },
  {
    field: "auditorDepartment",
    width: 14,
    label: { ja: "監査員の所属", en: "Auditor's department" },
    help: help({ ja: "監査員の所属", en: "Auditor's department" }, { ja: "被監査部門と同じにはできません。", en: "Must differ from the audited department." }),
  },
  { field: "checkItem", width: 28, label: { ja: "チェック項目", en: "Check item" } },
  {
    field: "result",
    width: 10,
    label: { ja: "結果", en: "Result" },
    list: { values: { ja: ["適合", "不適合", "観察"], en: ["Conforming", "Nonconforming", "Observation"] } },
  },
  { field: "finding", width: 24, label: { ja: "指摘事項", en: "Finding" } },
  { field: "correctiveAction", width: 24, label: { ja: "是正処置", en: "Corrective action" } },
  { field: "correctionDue", width: 12, date: true, label: { ja: "是正期限", en: "Correction due" } },
  { field: "correctedDate", width: 12, date: true, label: { ja: "是正完了日", en: "Corrected" } },
  { field: "note", width: 20, label: { ja: "備考", en: "Notes" } },
];

/**
 * The laws and norms every P-mark company lists (notes/domain.md §4.2). English rows keep the
 * Japanese title in brackets: it is what examiners and the laws rules look for.
 */
export const CORE_LAWS: readonly { name: Bilingual; authority: Bilingual; category: Bilingual; url?: string }[] = [
  {
    name: { ja: "個人情報の保護に関する法律", en: "Act on the Protection of Personal Information (個人情報の保護に関する法律)" },
    authority: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" },
    category: { ja: "法律", en: "Act" },
    url: "https://www.ppc.go.jp/personalinfo/legal/",
  },
  {
    name: { ja: "個人情報の保護に関する法律施行令", en: "Enforcement Order of the Act on the Protection of Personal Information (個人情報の保護に関する法律施行令)" },
    authority: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" },
    category: { ja: "政令", en: "Cabinet order" },
    url: "https://www.ppc.go.jp/personalinfo/legal/",
  },
  {
    name: { ja: "個人情報の保護に関する法律施行規則", en: "Enforcement Rules of the Act on the Protection of Personal Information (個人情報の保護に関する法律施行規則)" },
    authority: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" },
    category: { ja: "委員会規則", en: "Commission rules" },
    url: "https://www.ppc.go.jp/personalinfo/legal/",
  },
  ...(
    [
      ["通則編", "General Rules"],
      ["外国にある第三者への提供編", "Provision to Third Parties in Foreign Countries"],
      ["第三者提供時の確認・記録義務編", "Obligations to Confirm and Record at Third-Party Provision"],
      ["仮名加工情報・匿名加工情報編", "Pseudonymously and Anonymously Processed Information"],
    ] as const
  ).map(([ja, en]) => ({
    name: {
      ja: `個人情報の保護に関する法律についてのガイドライン(${ja})`,
      en: `Guidelines on the Act on the Protection of Personal Information: ${en} (個人情報の保護に関する法律についてのガイドライン(${ja}))`,
    },
    authority: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" },
    category: { ja: "ガイドライン", en: "Guideline" },
    url: "https://www.ppc.go.jp/personalinfo/legal/",
  })),
  {
    name: {
      ja: "行政手続における特定の個人を識別するための番号の利用等に関する法律(番号法)",
      en: "My Number Act (行政手続における特定の個人を識別するための番号の利用等に関する法律, 番号法)",
    },
    authority: { ja: "デジタル庁・個人情報保護委員会", en: "Digital Agency; Personal Information Protection Commission" },
    category: { ja: "法律", en: "Act" },
  },
  {
    name: {
      ja: "特定個人情報の適正な取扱いに関するガイドライン(事業者編)",
      en: "Guidelines for the Proper Handling of Specific Personal Information: Businesses (特定個人情報の適正な取扱いに関するガイドライン(事業者編))",
    },
    authority: { ja: "個人情報保護委員会", en: "Personal Information Protection Commission" },
    category: { ja: "ガイドライン", en: "Guideline" },
  },
  {
    name: { ja: "JIS Q 15001:2023 個人情報保護マネジメントシステム－要求事項", en: "JIS Q 15001:2023 Personal information protection management systems: Requirements" },
    authority: { ja: "日本産業標準調査会(経済産業省)", en: "Japanese Industrial Standards Committee (METI)" },
    category: { ja: "規格", en: "Standard" },
    url: "https://www.jisc.go.jp/",
  },
  {
    name: {
      ja: "プライバシーマークにおける個人情報保護マネジメントシステム構築・運用指針",
      en: "PMS Construction and Operation Guidelines for the Privacy Mark (構築・運用指針)",
    },
    authority: { ja: "一般財団法人日本情報経済社会推進協会(JIPDEC)", en: "JIPDEC" },
    category: { ja: "指針", en: "Guideline" },
    url: "https://privacymark.jp/",
  },
];

/** The example ledger row (marked 記入例 / Example, so checks skip it), by field. */
export const EXAMPLE_LEDGER: Record<Lang, Record<string, string>> = {
  ja: {
    id: "記入例",
    department: "人事部",
    name: "従業員名簿",
    dataItems: "氏名、住所、生年月日、電話番号、緊急連絡先",
    subjects: "従業員",
    purpose: "人事労務管理、緊急時の連絡",
    acquisitionMethod: "本人から直接(入社時提出書類)",
    notice: "入社時に書面で明示",
    consent: "有",
    count: "約60件",
    medium: "電子",
    storagePlace: "人事システム(社内サーバー)",
    storageMethod: "ID・パスワードによるアクセス制御",
    accessScope: "人事部員",
    usePeriod: "退職まで",
    retention: "退職後7年",
    disposal: "データ消去",
    contractor: "〇〇社会保険労務士事務所",
    recipient: "なし",
    sensitive: "無",
    myNumber: "無",
    disclosable: "有",
    infoCategory: "個人情報",
    owner: "人事部長",
  },
  en: {
    id: "Example",
    department: "HR",
    name: "Employee list",
    dataItems: "Name, address, date of birth, phone, emergency contact",
    subjects: "Employees",
    purpose: "HR administration; emergency contact",
    acquisitionMethod: "Directly from the person (joining forms)",
    notice: "Written notice when joining",
    consent: "Yes",
    count: "About 60",
    medium: "Electronic",
    storagePlace: "HR system (in-house server)",
    storageMethod: "ID and password access control",
    accessScope: "HR staff",
    usePeriod: "Until leaving",
    retention: "7 years after leaving",
    disposal: "Data erasure",
    contractor: "ABC Labour Law Office",
    recipient: "None",
    sensitive: "No",
    myNumber: "No",
    disclosable: "Yes",
    infoCategory: "Personal information",
    owner: "HR manager",
  },
};

/** Example risks per phase id: risk, measure, [likelihood, impact], [residual likelihood, impact]. */
export const EXAMPLE_RISKS: Record<string, { risk: Bilingual; measure: Bilingual; inherent: [number, number]; residual: [number, number] }> = {
  acquire: {
    risk: { ja: "入社書類の記入漏れ・転記の誤り", en: "Missing entries or copying errors in joining forms" },
    measure: { ja: "入力後に別の担当者が提出書類と照合する", en: "A second person checks the entries against the forms" },
    inherent: [2, 2],
    residual: [1, 2],
  },
  transfer: {
    risk: { ja: "書類の社内搬送中の紛失", en: "Forms lost while carried in the office" },
    measure: { ja: "封筒に入れて手渡しで受け渡す", en: "Hand over in a sealed envelope" },
    inherent: [1, 2],
    residual: [1, 2],
  },
  use: {
    risk: { ja: "不正アクセスによる漏えい", en: "Leak through unauthorised access" },
    measure: { ja: "アクセス権限を人事部員に限定し、操作ログを毎月確認する", en: "Access limited to HR staff; access logs checked monthly" },
    inherent: [2, 3],
    residual: [1, 3],
  },
  store: {
    risk: { ja: "サーバー障害によるデータの滅失", en: "Data lost in a server failure" },
    measure: { ja: "日次でバックアップし、年1回復元を確認する", en: "Daily backup; restore tested yearly" },
    inherent: [2, 2],
    residual: [1, 2],
  },
  entrust: {
    risk: { ja: "委託先(社会保険労務士事務所)での漏えい", en: "Leak at the contractor (labour law office)" },
    measure: { ja: "年1回委託先を評価し、覚書で安全管理措置と再委託の条件を定める", en: "Yearly contractor evaluation; memorandum on safeguards and sub-contracting" },
    inherent: [1, 3],
    residual: [1, 3],
  },
  dispose: {
    risk: { ja: "退職者データの消去漏れ", en: "Leavers' data not erased" },
    measure: { ja: "保管期間の経過後に消去し、消去記録を残す", en: "Erase when the retention period ends and record the erasure" },
    inherent: [2, 2],
    residual: [1, 2],
  },
};

/** For phases a custom profile adds. */
export const GENERIC_RISK: (typeof EXAMPLE_RISKS)[string] = {
  risk: { ja: "漏えい・紛失", en: "Leak or loss" },
  measure: { ja: "取扱手順に従い、担当者を限定する", en: "Follow the handling procedure; limit who handles it" },
  inherent: [1, 2],
  residual: [1, 2],
};

export const EXAMPLE_CONTRACTOR: Record<Lang, Record<string, string>> = {
  ja: {
    id: "記入例",
    name: "〇〇社会保険労務士事務所",
    work: "給与計算・社会保険手続",
    items: "従業員名簿",
    country: "日本",
    evaluationResult: "適",
    agreement: "有",
  },
  en: {
    id: "Example",
    name: "ABC Labour Law Office",
    work: "Payroll and social insurance filings",
    items: "Employee list",
    country: "Japan",
    evaluationResult: "Pass",
    agreement: "Yes",
  },
};

/** The date the example rows carry (evaluation, review): fixed, so templates are reproducible. */
export const EXAMPLE_DATE = { y: 2025, m: 4, d: 1 } as const;
