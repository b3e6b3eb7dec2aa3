/**
 * Small, realistic workbooks in the style of each built-in profile (ledger + risk analysis),
 * built as inline grids: six ledger items of a small company (employees, customers, applicants'
 * CVs, payroll with bank accounts, health checks, My Number records), each analysed for every
 * phase that applies to it (委託・提供 only where a contractor or recipient exists).
 *
 * Each `*Workbook(plant)` gives the clean workbook, or with `plant: true` the same workbook with
 * one scoring mistake, whose cell `PLANTED[profile]` names.
 */
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";

export const LEDGER = "個人情報管理台帳";
export const RISK = "リスク分析表";

interface Item {
  id: string;
  department: string;
  name: string;
  dataItems: string;
  purpose: string;
  acquisition: string;
  consent: string;
  count: string;
  medium: string;
  storagePlace: string;
  storageMethod: string;
  access: string;
  retention: string;
  disposal: string;
  contractor: string;
  recipient: string;
  sensitive: string;
  myNumber: string;
  owner: string;
  /** Items holding sensitive, payment or My Number data: rated at the top of the impact scale. */
  critical: boolean;
  /** ppc-datamap: country of storage place, contractor and recipient; safeguard relied on. */
  country: string;
  safeguard: string;
}

const ITEMS: readonly Item[] = [
  {
    id: "P-001", department: "人事部", name: "従業員名簿", dataItems: "氏名、住所、生年月日、電話番号、緊急連絡先",
    purpose: "雇用管理・人事労務管理", acquisition: "本人から直接(入社時提出書類)", consent: "有", count: "約60件", medium: "電子",
    storagePlace: "人事システム(社内サーバ)", storageMethod: "アクセス制御・操作ログ取得", access: "人事部員", retention: "退職後5年",
    disposal: "データ消去", contractor: "なし", recipient: "なし", sensitive: "無", myNumber: "無", owner: "人事部長", critical: false,
    country: "日本", safeguard: "該当なし",
  },
  {
    id: "P-002", department: "営業部", name: "顧客名簿", dataItems: "会社名、氏名、部署、電話番号、メールアドレス",
    purpose: "商談・契約管理および請求", acquisition: "名刺交換・問合せフォーム", consent: "有", count: "約5,000件", medium: "電子",
    storagePlace: "社内ファイルサーバ", storageMethod: "アクセス制御・暗号化", access: "営業部員", retention: "取引終了後5年",
    disposal: "データ消去", contractor: "なし", recipient: "なし", sensitive: "無", myNumber: "無", owner: "営業部長", critical: false,
    country: "日本", safeguard: "該当なし",
  },
  {
    id: "P-003", department: "人事部", name: "採用応募者の履歴書", dataItems: "氏名、住所、学歴、職歴、写真",
    purpose: "採用選考", acquisition: "本人から直接(履歴書の郵送・持参)", consent: "有", count: "約100件", medium: "紙",
    storagePlace: "人事部の施錠キャビネット", storageMethod: "施錠保管", access: "人事部採用担当者", retention: "選考終了後6か月",
    disposal: "シュレッダー", contractor: "なし", recipient: "なし", sensitive: "無", myNumber: "無", owner: "人事部長", critical: false,
    country: "日本", safeguard: "該当なし",
  },
  {
    id: "P-004", department: "総務部", name: "給与計算データ", dataItems: "氏名、基本給、手当、振込先の口座番号",
    purpose: "給与の計算・支払", acquisition: "本人から直接(入社時の届出書)", consent: "有", count: "約60件", medium: "電子",
    storagePlace: "給与計算システム", storageMethod: "アクセス制御・暗号化", access: "総務部給与担当者", retention: "5年",
    disposal: "データ消去", contractor: "〇〇社会保険労務士事務所", recipient: "なし", sensitive: "無", myNumber: "無", owner: "総務部長", critical: true,
    country: "日本", safeguard: "該当なし",
  },
  {
    id: "P-005", department: "総務部", name: "健康診断結果", dataItems: "氏名、生年月日、健康診断の結果、既往歴",
    purpose: "健康管理・就業上の措置", acquisition: "健診機関から受領", consent: "有", count: "約60件", medium: "紙",
    storagePlace: "総務部の施錠キャビネット", storageMethod: "施錠保管・取扱者限定", access: "総務部衛生管理担当者", retention: "5年",
    disposal: "溶解処理", contractor: "なし", recipient: "なし", sensitive: "有", myNumber: "無", owner: "総務部長", critical: true,
    country: "日本", safeguard: "該当なし",
  },
  {
    id: "P-006", department: "総務部", name: "マイナンバー関係書類", dataItems: "氏名、個人番号、扶養親族の個人番号",
    purpose: "源泉徴収票の作成・社会保険手続", acquisition: "本人から直接(番号確認書類)", consent: "有", count: "約60件", medium: "紙",
    storagePlace: "総務部の金庫", storageMethod: "施錠保管・事務取扱担当者限定", access: "事務取扱担当者", retention: "7年(法定保存期間経過後に廃棄)",
    disposal: "シュレッダー", contractor: "なし", recipient: "税務署・年金事務所", sensitive: "無", myNumber: "有", owner: "総務部長", critical: true,
    country: "日本", safeguard: "該当なし",
  },
];

/** ppc-datamap: the customer list goes to an e-mail delivery service in the US. */
const PPC_ITEMS: readonly Item[] = ITEMS.map((it) =>
  it.id === "P-002" ? { ...it, contractor: "Example Mail Inc.(米国)", country: "米国", safeguard: "基準適合体制(委託契約で確認)" } : it,
);

const LEDGER_HEADER = [
  "管理番号", "部署", "個人情報の名称", "個人情報の項目", "利用目的", "取得方法", "本人同意", "件数", "媒体", "保管場所", "保管方法",
  "アクセス権を有する者", "保管期間", "廃棄方法", "委託先", "提供先", "要配慮個人情報", "特定個人情報", "開示対象", "管理責任者", "見直し日",
];

/** The PPC toolkit's columns for handling abroad, spelled as the ppc-datamap profile knows them. */
export const PPC_COLUMNS = ["委託先・提供先の所在国", "外国にある第三者への提供の根拠"];

function ledgerRow(it: Item, ppc: boolean): CellValue[] {
  const row: CellValue[] = [
    it.id, it.department, it.name, it.dataItems, it.purpose, it.acquisition, it.consent, it.count, it.medium, it.storagePlace,
    it.storageMethod, it.access, it.retention, it.disposal, it.contractor, it.recipient, it.sensitive, it.myNumber, "有", it.owner, "2025/4/1",
  ];
  return ppc ? [...row, it.country, it.safeguard] : row;
}

export function ledger(options: { ppc?: boolean; items?: readonly Item[] } = {}): SheetGrid {
  const ppc = options.ppc ?? false;
  const items = options.items ?? (ppc ? PPC_ITEMS : ITEMS);
  return {
    name: LEDGER,
    values: [
      ["個人情報管理台帳"],
      ["株式会社サンプル　最終確認日: 2025/4/1"],
      ppc ? [...LEDGER_HEADER, ...PPC_COLUMNS] : [...LEDGER_HEADER],
      ...items.map((it) => ledgerRow(it, ppc)),
    ],
  };
}

export { ITEMS, PPC_ITEMS, type Item };

interface Phase {
  label: string;
  risk: string;
  measure: string;
}

const PHASES: readonly Phase[] = [
  { label: "取得・入力", risk: "誤入力・取得書類の紛失", measure: "入力後のダブルチェック、受領書類の受付簿記録" },
  { label: "移送・送信", risk: "メールの誤送信・郵送中の紛失", measure: "送信前の宛先確認とファイルの暗号化、簡易書留の利用" },
  { label: "利用・加工", risk: "目的外利用・権限のない者による閲覧", measure: "アクセス権限の設定と操作ログの月次確認" },
  { label: "保管・バックアップ", risk: "不正アクセス・盗難による漏えい", measure: "施錠保管、バックアップの暗号化、ウイルス対策ソフトの導入" },
  { label: "委託・提供", risk: "委託先・提供先からの漏えい", measure: "委託先評価と覚書の締結、提供記録の作成" },
  { label: "消去・廃棄", risk: "廃棄時の漏えい", measure: "シュレッダー処理・消去証明書の取得" },
];

/** The phases that apply to an item: 委託・提供 only with a contractor or a recipient. */
function phasesOf(it: Item): Phase[] {
  const party = it.contractor !== "なし" || it.recipient !== "なし";
  return PHASES.filter((p) => p.label !== "委託・提供" || party);
}

/** Risk rows as (item, phase) pairs, in sheet order; data rows start on row 4 (title, date, header). */
function pairs(items: readonly Item[]): { it: Item; p: Phase; k: number }[] {
  return items.flatMap((it) => phasesOf(it).map((p) => ({ it, p, k: PHASES.indexOf(p) })));
}

export const FIRST_DATA_ROW = 4;

function riskGrid(header: CellValue[], rows: CellValue[][], name = RISK): SheetGrid {
  return { name, values: [["リスク分析表"], ["評価日: 2025/4/1　承認: 代表取締役"], header, ...rows] };
}

const levelOf = (score: number, medium: number, high: number) => (score >= high ? "高" : score >= medium ? "中" : "低");

// ---------------------------------------------------------------- likelihood × impact (jisq15001, ppc-datamap)

/** 発生可能性 per phase, in PHASES order. */
const LIKELIHOOD = [2, 2, 1, 1, 1, 1];

/**
 * 発生可能性 1–3 × 影響度 1–3 with リスク値 and リスクレベル; sensitive, payment and My Number items
 * have impact 3. Planted: `score` writes the wrong リスク値 on the third row, `level` the wrong
 * リスクレベル on the eighth.
 */
export function likelihoodImpactRisk(items: readonly Item[], plant?: "score" | "level"): SheetGrid {
  const header = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"];
  const rows = pairs(items).map(({ it, p, k }, n) => {
    const l = LIKELIHOOD[k] as number;
    const i = it.critical ? 3 : 2;
    let score = l * i;
    let level = levelOf(score, 3, 6);
    if (plant === "score" && n === 2) score += 1;
    if (plant === "level" && n === 7) level = level === "中" ? "低" : "中";
    return [it.id, it.name, p.label, p.risk, l, i, score, level, p.measure, level === "高" ? "中" : "低"];
  });
  return riskGrid(header, rows);
}

// ---------------------------------------------------------------- isms-asset

/** 脅威 and 脆弱性 per phase, in PHASES order. */
const THREAT = [2, 2, 1, 3, 1, 1];
const VULNERABILITY = [2, 1, 2, 2, 2, 1];

/**
 * 機密性・完全性・可用性, 資産価値 (their maximum) × 脅威 × 脆弱性 = リスク値 (1–27), no level
 * column; 残留リスク. `phases: false` gives the asset-style sheet with no 局面 column (one row per
 * asset, its worst phase). Planted: a wrong リスク値 on the fifth row.
 */
export function ismsRisk(items: readonly Item[], options: { plant?: boolean; phases?: boolean } = {}): SheetGrid {
  const phased = options.phases ?? true;
  const header = ["管理番号", "資産名", ...(phased ? ["局面"] : []), "想定されるリスク", "機密性", "完全性", "可用性", "資産価値", "脅威", "脆弱性", "リスク値", "対策", "残留リスク"];
  const list = phased ? pairs(items) : items.map((it) => ({ it, p: PHASES[3] as Phase, k: 3 }));
  const rows = list.map(({ it, p, k }, n) => {
    const c = it.critical ? 3 : 2;
    const integrity = it.critical ? 2 : 1;
    const a = 2;
    const asset = Math.max(c, integrity, a);
    const t = THREAT[k] as number;
    const v = VULNERABILITY[k] as number;
    let score = asset * t * v;
    const level = levelOf(score, 8, 18);
    if (options.plant && n === 4) score = asset * t * v + asset;
    return [it.id, it.name, ...(phased ? [p.label] : []), p.risk, c, integrity, a, asset, t, v, score, p.measure, level === "高" ? "中" : "低"];
  });
  return riskGrid(header, rows);
}

// ---------------------------------------------------------------- qualitative

/** 被害の大きさ per phase for ordinary items (sensitive, payment and My Number data are always 大). */
const IMPACT_WORD = ["中", "中", "小", "中", "小", "小"];
const LEVEL_OF_WORD: Record<string, string> = { 大: "高", 中: "中", 小: "低" };
const RESIDUAL_OF_WORD: Record<string, string> = { 大: "中", 中: "小", 小: "小" };

/**
 * 被害の大きさ 大/中/小, リスクレベル 高/中/低 (the same rating), 対策, 残存リスク 大/中/小: no
 * numbers anywhere; the use phase (目的外利用) is brought down to 小. Planted: リスクレベル 低 beside 被害の大きさ 大 on the sixteenth row (the
 * payroll data's first phase).
 */
export function qualitativeRisk(items: readonly Item[], plant = false): SheetGrid {
  const header = ["管理番号", "個人情報の名称", "局面", "リスク", "被害の大きさ", "リスクレベル", "対策", "残存リスク"];
  const rows = pairs(items).map(({ it, p, k }, n) => {
    const word = it.critical ? "大" : (IMPACT_WORD[k] as string);
    let level = LEVEL_OF_WORD[word] as string;
    if (plant && n === 15) level = "低";
    // 目的外利用 may not stay as a residual above 小 (J.3.1.4): its measures bring it down to 小.
    const residual = p.label === "利用・加工" ? "小" : (RESIDUAL_OF_WORD[word] as string);
    return [it.id, it.name, p.label, p.risk, word, level, p.measure, residual];
  });
  return riskGrid(header, rows);
}

/** Where each profile's planted mistake shows: `risk/score-mismatch` at this cell, with this message id. */
export const PLANTED = {
  jisq15001: { cell: `G${FIRST_DATA_ROW + 2}`, messageId: "score" },
  "ppc-datamap": { cell: `H${FIRST_DATA_ROW + 7}`, messageId: "level" },
  "isms-asset": { cell: `K${FIRST_DATA_ROW + 4}`, messageId: "score" },
  qualitative: { cell: `F${FIRST_DATA_ROW + 15}`, messageId: "level" },
} as const;

/** The workbook in each built-in profile's style, clean or with its planted mistake. */
export function workbookFor(id: keyof typeof PLANTED, plant = false): SheetGrid[] {
  switch (id) {
    case "jisq15001":
      return [ledger(), likelihoodImpactRisk(ITEMS, plant ? "score" : undefined)];
    case "ppc-datamap":
      return [ledger({ ppc: true }), likelihoodImpactRisk(PPC_ITEMS, plant ? "level" : undefined)];
    case "isms-asset":
      return [ledger(), ismsRisk(ITEMS, { plant })];
    case "qualitative":
      return [ledger(), qualitativeRisk(ITEMS, plant)];
  }
}

/** Number of risk rows of the standard items (5 phases each, 6 for the two with a contractor or recipient). */
export const RISK_ROWS = pairs(ITEMS).length;
