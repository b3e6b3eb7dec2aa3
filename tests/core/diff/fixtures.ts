/**
 * Pairs of workbooks for `diff`: one year's ledger and risk analysis described as data, written
 * out in three layouts a company might use from one year to the next:
 *
 * - standard: the default profile's headers in one row, a long risk sheet (one row per item ×
 *   phase) with likelihood, impact, a score and the residual level;
 * - alternate: another form of the same content: a title block, other header spellings in another
 *   column order, a 個人情報区分 column instead of a 要配慮 flag, and a risk sheet with a two-row
 *   header (リスク評価（対策前）over 発生頻度 / 被害の大きさ / 評価値), short phase names (取得, 移送…)
 *   and a 残留リスク column;
 * - wide: the standard ledger with a wide risk sheet (a column group per phase: リスク, 対策,
 *   残存リスク), which records no rating before measures.
 */
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";

export type Phase = "acquire" | "transfer" | "use" | "store" | "entrust" | "dispose";

export interface Item {
  id: number;
  department: string;
  name: string;
  dataItems: string;
  purpose: string;
  acquisition: string;
  consent: string;
  count: string;
  medium: string;
  place: string;
  method: string;
  access: string;
  retention: string;
  disposal: string;
  contractor: string;
  recipient: string;
  sensitive: boolean;
  owner: string;
}

export interface Risk {
  /** The item's id (the risk sheet refers to it by id and name). */
  item: number;
  phase: Phase;
  risk: string;
  likelihood: number;
  impact: number;
  measure: string;
  residual: "高" | "中" | "低";
}

export interface Year {
  items: Item[];
  risks: Risk[];
}

const PHASE_WORDS: Record<Phase, { long: string; short: string }> = {
  acquire: { long: "取得・入力", short: "取得" },
  transfer: { long: "移送・送信", short: "移送" },
  use: { long: "利用・加工", short: "利用" },
  store: { long: "保管・バックアップ", short: "保管" },
  entrust: { long: "委託・提供", short: "委託" },
  dispose: { long: "消去・廃棄", short: "廃棄" },
};
const PHASES: Phase[] = ["acquire", "transfer", "use", "store", "entrust", "dispose"];

const DEFAULT_RISK: Record<Phase, { risk: string; measure: string }> = {
  acquire: { risk: "記入内容の誤り・取得時の紛失", measure: "受領時に記入内容を確認し受付簿に記録" },
  transfer: { risk: "送付中の紛失・誤送信", measure: "簡易書留で送付、メールはパスワード付きで送信" },
  use: { risk: "権限のない者による閲覧・目的外利用", measure: "閲覧者を担当者に限定し操作ログを取得" },
  store: { risk: "保管中の紛失・盗難・不正アクセス", measure: "施錠保管、アクセス制御と多要素認証" },
  entrust: { risk: "委託先からの漏えい", measure: "委託先評価と覚書の締結、年1回の監査" },
  dispose: { risk: "廃棄物からの漏えい・削除漏れ", measure: "溶解処理と消去証明書の受領" },
};

export function item(id: number, name: string, over: Partial<Item> = {}): Item {
  return {
    id,
    department: "人事部",
    name,
    dataItems: "氏名、住所、電話番号",
    purpose: "雇用管理",
    acquisition: "本人から直接(書面)",
    consent: "○",
    count: "約60件",
    medium: "紙",
    place: "人事部 施錠キャビネット",
    method: "施錠保管",
    access: "人事部員",
    retention: "退職後5年",
    disposal: "溶解処理",
    contractor: "なし",
    recipient: "なし",
    sensitive: false,
    owner: "人事部長",
    ...over,
  };
}

/**
 * An item's risk rows for every phase that applies (委託・提供 only with a contractor or recipient);
 * `over` changes single phases. Impact 3 for sensitive and payment data, as the rules ask.
 */
export function risksOf(it: Item, over: Partial<Record<Phase, Partial<Risk>>> = {}, impact = it.sensitive ? 3 : 2): Risk[] {
  const party = it.contractor !== "なし" || it.recipient !== "なし";
  return PHASES.filter((p) => p !== "entrust" || party).map((phase) => ({
    item: it.id,
    phase,
    risk: DEFAULT_RISK[phase].risk,
    likelihood: 1,
    impact,
    measure: DEFAULT_RISK[phase].measure,
    residual: "低",
    ...over[phase],
  }));
}

const score = (r: Risk) => r.likelihood * r.impact;
const REVIEWED = 45748; // 2025-04-01

function ledgerStandard(y: Year): SheetGrid {
  const header = ["No.", "部署", "個人情報の名称", "個人情報の項目", "利用目的", "取得方法", "本人同意", "件数", "媒体", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "廃棄方法", "委託先", "提供先", "要配慮個人情報", "開示対象", "管理責任者", "見直し日"];
  const rows: CellValue[][] = y.items.map((i) => [
    i.id,
    i.department,
    i.name,
    i.dataItems,
    i.purpose,
    i.acquisition,
    i.consent,
    i.count,
    i.medium,
    i.place,
    i.method,
    i.access,
    i.retention,
    i.disposal,
    i.contractor,
    i.recipient,
    i.sensitive ? "有" : "無",
    "○",
    i.owner,
    REVIEWED,
  ]);
  return { name: "個人情報管理台帳", values: [header, ...rows] };
}

function riskLong(y: Year): SheetGrid {
  const name = new Map(y.items.map((i) => [i.id, i.name]));
  const header = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク"];
  const rows: CellValue[][] = y.risks.map((r) => [r.item, name.get(r.item) ?? "", PHASE_WORDS[r.phase].long, r.risk, r.likelihood, r.impact, score(r), r.measure, r.residual]);
  return { name: "リスク分析表", values: [header, ...rows] };
}

function ledgerAlternate(y: Year): SheetGrid {
  const header = ["個人情報名", "部署名", "取得・利用目的", "記載項目", "入手方法", "同意の有無", "概数", "媒体区分", "保存場所", "保管の方法", "アクセス権者", "保存期間", "破棄方法", "外部委託先", "第三者提供先", "個人情報区分", "開示対象", "取扱責任者", "見直し日", "管理番号"];
  const rows: CellValue[][] = y.items.map((i) => [
    i.name,
    i.department,
    i.purpose,
    i.dataItems,
    i.acquisition,
    i.consent,
    i.count,
    i.medium,
    i.place,
    i.method,
    i.access,
    i.retention,
    i.disposal,
    i.contractor,
    i.recipient,
    i.sensitive ? "要配慮個人情報" : "個人情報",
    "○",
    i.owner,
    "2025/4/1",
    i.id,
  ]);
  return {
    name: "台帳",
    values: [["個人情報取扱台帳"], ["株式会社みなと精工　第5版"], header, ...rows],
  };
}

function riskAlternate(y: Year): SheetGrid {
  const name = new Map(y.items.map((i) => [i.id, i.name]));
  const rows: CellValue[][] = y.risks.map((r, k) => [k + 1, r.item, name.get(r.item) ?? "", PHASE_WORDS[r.phase].short, r.risk, r.likelihood, r.impact, score(r), r.measure, r.residual]);
  return {
    name: "リスクアセスメント",
    values: [
      ["リスク分析・評価表"],
      ["No", "台帳No.", "個人情報", "ライフサイクル", "リスク内容", "リスク評価（対策前）", null, null, "現状の対策", "残留リスク"],
      [null, null, null, null, null, "発生頻度", "被害の大きさ", "評価値", null, null],
      ...rows,
    ],
    merges: [
      ...[0, 1, 2, 3, 4, 8, 9].map((c) => ({ startRow: 1, startCol: c, endRow: 2, endCol: c })),
      { startRow: 1, startCol: 5, endRow: 1, endCol: 7 },
    ],
  };
}

function riskWide(y: Year): SheetGrid {
  const groups = PHASES;
  const top: CellValue[] = ["No", "個人情報"];
  const sub: CellValue[] = [null, null];
  for (const p of groups) {
    top.push(PHASE_WORDS[p].long, null, null);
    sub.push("リスク", "対策", "残存リスク");
  }
  const rows: CellValue[][] = y.items.map((i) => {
    const row: CellValue[] = [i.id, i.name];
    for (const p of groups) {
      const r = y.risks.find((x) => x.item === i.id && x.phase === p);
      row.push(r?.risk ?? null, r?.measure ?? null, r?.residual ?? null);
    }
    return row;
  });
  return {
    name: "リスク分析(局面別)",
    values: [["個人情報リスク分析表（局面別）"], top, sub, ...rows],
    merges: [
      { startRow: 1, startCol: 0, endRow: 2, endCol: 0 },
      { startRow: 1, startCol: 1, endRow: 2, endCol: 1 },
      ...groups.map((_p, g) => ({ startRow: 1, startCol: 2 + g * 3, endRow: 1, endCol: 4 + g * 3 })),
    ],
  };
}

export type Layout = "standard" | "alternate" | "wide";

export function workbook(y: Year, layout: Layout): SheetGrid[] {
  if (layout === "alternate") return [ledgerAlternate(y), riskAlternate(y)];
  if (layout === "wide") return [ledgerStandard(y), riskWide(y)];
  return [ledgerStandard(y), riskLong(y)];
}

// ---------------------------------------------------------------- the two years

const roster = item(1, "従業員名簿", { retention: "" });
const payroll = item(2, "給与台帳", { dataItems: "氏名、給与、口座番号", purpose: "給与計算・支払", contractor: "〇〇社会保険労務士事務所", retention: "7年", medium: "電子", place: "給与システム", method: "アクセス制御", access: "人事部長、給与担当", disposal: "データ消去", count: "約60件" });
const health = item(3, "健康診断結果", { dataItems: "氏名、診断結果", purpose: "健康管理・安全配慮", sensitive: true, consent: "×" });
const inquiry = item(4, "お問い合わせフォーム", { department: "営業部", dataItems: "氏名、メールアドレス、問い合わせ内容", purpose: "問い合わせへの回答", acquisition: "Webフォーム", medium: "電子", place: "問い合わせ管理システム", method: "アクセス制御", access: "営業部員", retention: "3年", disposal: "データ消去", owner: "営業部長", count: "約300件" });
const cards = item(5, "名刺", { department: "営業部", dataItems: "氏名、会社名、連絡先", purpose: "営業活動", acquisition: "本人から直接(名刺交換)", access: "営業部員", retention: "5年", owner: "営業部長", count: "約1,000件" });

const ROSTER_USE = "人事評価の記載を権限のない者が閲覧する";

/** Last year: five items; 従業員名簿 has no retention (an error), 健康診断結果 no consent (an error). */
export const LAST_YEAR: Year = {
  items: [roster, payroll, health, inquiry, cards],
  risks: [
    ...risksOf(roster, { use: { risk: ROSTER_USE, likelihood: 2, impact: 3, residual: "中" } }),
    ...risksOf(payroll, { store: { likelihood: 2, residual: "中" } }, 3),
    ...risksOf(health),
    ...risksOf(inquiry),
    ...risksOf(cards),
  ],
};

const roster2 = { ...roster, retention: "退職後7年" };
const payroll2 = { ...payroll, contractor: "△△社会保険労務士法人", retention: "10年", count: "60件程度" };
const inquiry2 = { ...inquiry, id: 6, name: "問い合わせフォーム" };
const seminar = item(7, "Webセミナー参加者", { department: "営業部", dataItems: "氏名、会社名、メールアドレス", purpose: "", acquisition: "Webフォーム", medium: "電子", place: "セミナー配信サービス", method: "アクセス制御", access: "営業部員", retention: "2年", disposal: "データ消去", owner: "営業部長", count: "約200件" });

/**
 * This year: 従業員名簿's retention filled in (its finding resolved) and its 利用・加工 risk
 * rated lower before measures (高 → 中); 給与台帳's contractor and retention changed (its count
 * written another way with the same meaning), its 保管 residual risk lowered (中 → 低) with a new
 * measure; 健康診断結果 unchanged (its finding still open); お問い合わせフォーム renamed
 * 問い合わせフォーム under a new number; 名刺 removed; Webセミナー参加者 added without a purpose
 * (a new error).
 */
export const THIS_YEAR: Year = {
  items: [roster2, payroll2, health, inquiry2, seminar],
  risks: [
    ...risksOf(roster2, { use: { risk: ROSTER_USE, likelihood: 1, impact: 3, residual: "中" } }),
    ...risksOf(payroll2, { store: { likelihood: 2, residual: "低", measure: "給与システムをクラウド版に移行し、多要素認証とログ監視を導入" } }, 3),
    ...risksOf(health),
    ...risksOf(inquiry2),
    ...risksOf(seminar),
  ],
};
