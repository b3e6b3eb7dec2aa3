/**
 * Synthetic P-mark workbooks for benchmarks: a ledger of N items, a six-phase long-layout risk
 * analysis (6 × N rows), a contractor register and a laws list, in the vocabulary of the sample
 * workbook (templates/samples, scripts/make-samples.mjs). Output depends only on the item count
 * and the seed (own PRNG, no Math.random, no clock), so cached files stay valid.
 *
 * Every sheet is a row generator: the same rows become in-memory SheetGrids (`toGrids`) or an
 * .xlsx written with ExcelJS's streaming writer (`writeXlsx`), which never holds the whole
 * workbook in memory. A few defects are planted at a low rate so that the rules have work.
 */
import type { CellValue, SheetGrid } from "../packages/core/src/grid/grid";

/** Bump when the output changes: cached .xlsx files are keyed by it. */
export const GENERATOR_VERSION = 1;

/** Check date the planted dates are relative to (`--today`). */
export const BENCH_TODAY = "2025-06-30";

/** A generated cell: a plain value, a date (Excel serial), or a formula with its cached result. */
export type GenCell = CellValue | { date: number } | { formula: string; result: number };

export interface GenSheet {
  name: string;
  /** Column widths, for a realistic file. */
  widths: number[];
  /** 0-based row of the header (title rows above it). */
  headerRow: number;
  /** Number of data rows (below the header). */
  dataRows: number;
  /** Every row from the top of the sheet; each call restarts from the same state. */
  rows(): Iterable<GenCell[]>;
}

export interface GenerateOptions {
  items: number;
  seed?: number;
  /** Planted defects per item and defect kind (default 0.002: 100 of each at 50k items). */
  defectRate?: number;
}

export interface GeneratedWorkbook {
  sheets: GenSheet[];
  /** Planted defects by kind (what the rules should find, roughly). */
  planted: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// PRNG: a 32-bit multiply-xorshift generator. Small, fast, and good enough to pick words.

export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = (seed ^ 0x5bd1e995) >>> 0 || 1;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A seed for a sub-stream (one per sheet), so each sheet can be replayed on its own. */
function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(stream + 1, 0x85ebca77)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Excel 1900-system serial of a calendar date. */
export function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

const TODAY = serial(2025, 6, 30);

// ---------------------------------------------------------------------------------------------
// Vocabulary (scripts/make-samples.mjs and notes/domain.md)

type Medium = "紙" | "電子";
type PartyKind = "sharoushi" | "zeirishi" | "cloud" | "print" | "logistics" | "it" | "callcenter" | null;

interface ItemTemplate {
  dept: string;
  name: string;
  items: string;
  purpose: string;
  acquisition: string;
  notice: string;
  medium: Medium;
  place: string;
  method: string;
  access: string;
  usePeriod: string;
  retention: string;
  disposal: string;
  party: PartyKind;
  recipient?: string;
  sensitive?: boolean;
  myNumber?: boolean;
  disclosable?: boolean;
  impact: 1 | 2 | 3;
  count: [number, number];
}

const T = (t: ItemTemplate): ItemTemplate => t;

const TEMPLATES: readonly ItemTemplate[] = [
  T({ dept: "人事部", name: "従業員名簿", items: "氏名、社員番号、生年月日、住所、電話番号、入社日、所属・役職、緊急連絡先", purpose: "人事労務管理、緊急時の連絡", acquisition: "本人から直接（入社時提出書類）", notice: "入社時に「個人情報の取扱いについて」を書面で明示", medium: "電子", place: "人事システム（社内サーバー）", method: "ID・パスワードによるアクセス制御", access: "人事部長、人事部担当者", usePeriod: "退職まで", retention: "退職後7年", disposal: "データ消去", party: "sharoushi", impact: 2, count: [30, 3000] }),
  T({ dept: "人事部", name: "給与台帳", items: "氏名、社員番号、基本給、諸手当、控除額、支給額、振込先口座", purpose: "給与計算・支払", acquisition: "本人から直接（入社時提出書類）、勤怠システム", notice: "入社時に「個人情報の取扱いについて」を書面で明示", medium: "電子", place: "給与システム（社内サーバー）", method: "アクセス制御（給与担当者のみ）", access: "人事部長、給与担当者", usePeriod: "退職まで", retention: "7年", disposal: "データ消去", party: "sharoushi", impact: 3, count: [30, 3000] }),
  T({ dept: "人事部", name: "源泉徴収票", items: "氏名、住所、個人番号、支払金額、源泉徴収税額、扶養親族の数", purpose: "源泉徴収事務（法定調書の作成・提出）", acquisition: "給与システムのデータから作成", notice: "入社時に「個人情報の取扱いについて」を書面で明示", medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管、鍵は人事部長が管理", access: "人事部長、給与担当者", usePeriod: "翌年1月末まで", retention: "7年", disposal: "溶解処理", party: "zeirishi", recipient: "所轄税務署、市区町村", myNumber: true, impact: 3, count: [30, 3000] }),
  T({ dept: "人事部", name: "扶養控除等申告書", items: "氏名、個人番号、住所、生年月日、扶養親族の氏名・個人番号・続柄", purpose: "源泉徴収事務、社会保険手続", acquisition: "本人から直接（申告書の提出）", notice: "個人番号の取得時に利用目的を書面で明示", medium: "紙", place: "施錠キャビネット（人事部・特定個人情報専用）", method: "施錠保管、取扱区域を限定", access: "事務取扱担当者（2名）", usePeriod: "源泉徴収事務の終了まで", retention: "7年", disposal: "溶解処理（廃棄記録を作成）", party: "zeirishi", myNumber: true, impact: 3, count: [30, 3000] }),
  T({ dept: "人事部", name: "健康診断結果", items: "氏名、社員番号、年齢、健診結果、所見、医師の意見", purpose: "安全配慮義務の履行、就業上の措置", acquisition: "健診機関から受領", notice: "就業規則・健康管理規程で明示", medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管、鍵は人事部長が管理", access: "人事部長、産業医", usePeriod: "退職まで", retention: "5年", disposal: "溶解処理", party: null, sensitive: true, impact: 3, count: [30, 3000] }),
  T({ dept: "人事部", name: "採用応募者の履歴書", items: "氏名、住所、生年月日、電話番号、メールアドレス、学歴、職歴、資格、写真", purpose: "採用選考、応募者への連絡", acquisition: "本人から直接（履歴書の郵送・持参）", notice: "募集要項と面接時の書面で明示", medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管", access: "人事部長、採用担当者、面接官", usePeriod: "選考終了まで", retention: "選考終了後6か月", disposal: "シュレッダー", party: null, impact: 2, count: [20, 800] }),
  T({ dept: "人事部", name: "応募者データ（採用ページ）", items: "氏名、メールアドレス、電話番号、職務経歴、応募書類のPDF", purpose: "採用選考、面接日程の連絡", acquisition: "本人から直接（自社採用ページの応募フォーム）", notice: "応募フォームのプライバシーポリシーで明示", medium: "電子", place: "社内ファイルサーバー（採用フォルダ）", method: "アクセス制御（採用担当者のみ）", access: "人事部長、採用担当者", usePeriod: "選考終了まで", retention: "選考終了後6か月", disposal: "データ消去", party: "cloud", impact: 2, count: [50, 2000] }),
  T({ dept: "総務部", name: "入退室記録", items: "氏名、社員番号、カードID、入退室日時", purpose: "入退室管理、セキュリティの確保", acquisition: "入退室管理システムで自動取得", notice: "就業規則・情報セキュリティ規程で明示", medium: "電子", place: "入退室管理システム（社内サーバー）", method: "アクセス制御（管理者のみ）", access: "総務部長、システム管理者", usePeriod: "3年", retention: "3年", disposal: "データ消去", party: "it", disclosable: false, impact: 1, count: [1000, 50000] }),
  T({ dept: "総務部", name: "来訪者受付票", items: "来訪者の氏名、会社名、訪問先、入退館時刻", purpose: "来訪者の入館管理", acquisition: "本人が受付票に記入", notice: "受付に利用目的を掲示", medium: "紙", place: "受付の施錠キャビネット", method: "施錠保管", access: "総務部担当者", usePeriod: "1年", retention: "1年", disposal: "シュレッダー", party: null, impact: 1, count: [100, 5000] }),
  T({ dept: "総務部", name: "誓約書・同意書（従業者）", items: "氏名、住所、署名、提出日", purpose: "秘密保持・個人情報保護の誓約と同意の管理", acquisition: "本人から直接（入社時に提出）", notice: "入社時に書面で明示", medium: "紙", place: "施錠キャビネット（総務部）", method: "施錠保管", access: "総務部長", usePeriod: "退職まで", retention: "退職後5年", disposal: "溶解処理", party: null, impact: 1, count: [30, 3000] }),
  T({ dept: "総務部", name: "教育受講記録（理解度テスト）", items: "氏名、所属、受講日、理解度テストの点数", purpose: "個人情報保護教育の実施管理", acquisition: "本人が回答（社内eラーニング）", notice: "教育の実施時に画面で明示", medium: "電子", place: "社内ファイルサーバー（総務フォルダ）", method: "アクセス制御", access: "総務部長、個人情報保護管理者", usePeriod: "3年", retention: "3年", disposal: "データ消去", party: null, impact: 1, count: [30, 3000] }),
  T({ dept: "営業部", name: "顧客名簿", items: "会社名、部署、担当者氏名、電話番号、メールアドレス、取引履歴", purpose: "商品・サービスの提供、保守の連絡、新製品のご案内", acquisition: "販売管理システムから抽出", notice: "Webサイトのプライバシーポリシーで公表", medium: "電子", place: "販売管理システム（社内サーバー）", method: "アクセス制御（営業部のみ）", access: "営業部長、営業部員", usePeriod: "取引終了まで", retention: "取引終了後5年", disposal: "データ消去", party: "print", recipient: "販売代理店（株式会社ミドリ販売）", impact: 2, count: [200, 20000] }),
  T({ dept: "営業部", name: "見積書・契約書", items: "会社名、担当者氏名、住所、署名、契約金額", purpose: "契約の締結・履行、請求", acquisition: "取引先の担当者から受領", notice: "Webサイトのプライバシーポリシーで公表", medium: "紙", place: "施錠キャビネット（営業部）", method: "施錠保管", access: "営業部長、営業部員", usePeriod: "契約終了まで", retention: "契約終了後7年", disposal: "溶解処理", party: null, impact: 2, count: [50, 3000] }),
  T({ dept: "営業部", name: "問い合わせフォーム", items: "氏名、会社名、メールアドレス、電話番号、問い合わせ内容", purpose: "問い合わせへの回答", acquisition: "Webフォーム", notice: "フォーム画面で利用目的を明示", medium: "電子", place: "問い合わせ管理システム（社内サーバー）", method: "アクセス制御", access: "営業部員", usePeriod: "回答完了まで", retention: "3年", disposal: "データ消去", party: "cloud", impact: 2, count: [100, 10000] }),
  T({ dept: "営業部", name: "名刺", items: "氏名、会社名、部署・役職、電話番号、メールアドレス", purpose: "営業活動、取引先との連絡", acquisition: "名刺交換", notice: "Webサイトのプライバシーポリシーで公表", medium: "紙", place: "各営業部員の施錠できる袖机", method: "施錠保管", access: "営業部員", usePeriod: "取引終了まで", retention: "取引終了後3年", disposal: "シュレッダー", party: null, impact: 1, count: [300, 8000] }),
  T({ dept: "マーケティング部", name: "メールマガジン配信リスト", items: "氏名、会社名、メールアドレス、配信停止の有無", purpose: "メールマガジンの配信", acquisition: "Webフォームでの購読申込", notice: "申込画面で利用目的を明示", medium: "電子", place: "メール配信システム（委託先サーバー）", method: "アクセス制御（2段階認証）", access: "マーケティング部担当者", usePeriod: "配信停止まで", retention: "配信停止後1年", disposal: "データ消去", party: "cloud", impact: 2, count: [500, 80000] }),
  T({ dept: "マーケティング部", name: "セミナー参加者アンケート", items: "氏名、会社名、メールアドレス、アンケート回答", purpose: "セミナーの改善、製品のご案内", acquisition: "本人が回答（アンケート用紙）", notice: "アンケート用紙に利用目的を記載", medium: "紙", place: "施錠キャビネット（マーケティング部）", method: "施錠保管", access: "マーケティング部員", usePeriod: "1年", retention: "1年", disposal: "シュレッダー", party: "logistics", impact: 1, count: [50, 3000] }),
  T({ dept: "経理部", name: "取引先担当者・振込口座", items: "会社名、担当者氏名、電話番号、金融機関名、支店名、口座番号、口座名義", purpose: "支払・入金の管理", acquisition: "取引先から口座登録依頼書で受領", notice: "取引開始時に書面で明示", medium: "電子", place: "会計システム（社内サーバー）", method: "アクセス制御（経理部のみ）", access: "経理部長、経理部員", usePeriod: "取引終了まで", retention: "取引終了後7年", disposal: "データ消去", party: "zeirishi", impact: 3, count: [50, 5000] }),
  T({ dept: "経理部", name: "請求書控え", items: "会社名、担当者氏名、住所、請求金額", purpose: "請求・入金の管理、税務申告", acquisition: "自社で作成", notice: "取引開始時に書面で明示", medium: "紙", place: "書庫（施錠）", method: "施錠保管、年度別のファイルで管理", access: "経理部長、経理部員", usePeriod: "入金確認まで", retention: "7年", disposal: "溶解処理", party: null, impact: 2, count: [200, 20000] }),
  T({ dept: "経理部", name: "経費精算データ", items: "氏名、社員番号、振込先口座、精算金額、領収書の写し", purpose: "経費の精算・支払", acquisition: "本人が経費精算システムに入力", notice: "就業規則で明示", medium: "電子", place: "経費精算システム（クラウド）", method: "アクセス制御（経理部・承認者）", access: "経理部員、各部の承認者", usePeriod: "精算完了まで", retention: "7年", disposal: "データ消去", party: "cloud", impact: 3, count: [30, 3000] }),
  T({ dept: "情報システム部", name: "アクセスログ（社内システム）", items: "社員番号、ユーザーID、IPアドレス、アクセス日時、操作内容", purpose: "不正アクセスの検知・調査", acquisition: "システムで自動取得", notice: "情報セキュリティ規程で明示", medium: "電子", place: "ログサーバー（社内）", method: "アクセス制御（管理者のみ）、改ざん防止設定", access: "システム管理者", usePeriod: "1年", retention: "1年", disposal: "データ消去（自動削除）", party: null, disclosable: false, impact: 1, count: [10000, 900000] }),
  T({ dept: "情報システム部", name: "アカウント管理台帳", items: "氏名、社員番号、ユーザーID、メールアドレス、権限", purpose: "システム利用者の管理", acquisition: "人事部からの入社連絡", notice: "情報セキュリティ規程で明示", medium: "電子", place: "ID管理システム（社内サーバー）", method: "アクセス制御（管理者のみ）", access: "システム管理者", usePeriod: "退職まで", retention: "退職後1年", disposal: "データ消去", party: "it", impact: 2, count: [30, 3000] }),
  T({ dept: "カスタマーサポート部", name: "サポート問い合わせ履歴", items: "氏名、会社名、電話番号、メールアドレス、問い合わせ内容、対応履歴", purpose: "問い合わせ・障害への対応", acquisition: "電話・メールで本人から受付", notice: "Webサイトのプライバシーポリシーで公表", medium: "電子", place: "サポート管理システム（クラウド）", method: "アクセス制御（サポート部のみ）", access: "サポート部員", usePeriod: "対応完了まで", retention: "5年", disposal: "データ消去", party: "callcenter", impact: 2, count: [500, 60000] }),
  T({ dept: "カスタマーサポート部", name: "通話録音データ", items: "通話音声、発信者番号、通話日時", purpose: "応対品質の確認、言った言わないの防止", acquisition: "通話時に自動録音（冒頭で告知）", notice: "通話冒頭の音声ガイダンスで明示", medium: "電子", place: "録音サーバー（委託先）", method: "アクセス制御、暗号化保存", access: "サポート部長、品質管理担当者", usePeriod: "1年", retention: "1年", disposal: "データ消去（自動削除）", party: "callcenter", impact: 2, count: [1000, 100000] }),
  T({ dept: "開発部", name: "受託開発の顧客データ（検証用）", items: "氏名、住所、電話番号、購買履歴（委託元から預託）", purpose: "受託システムの開発・テスト", acquisition: "委託元から受領", notice: "委託元が本人に明示", medium: "電子", place: "検証用サーバー（隔離ネットワーク）", method: "アクセス制御、作業後のデータ消去", access: "プロジェクトメンバー", usePeriod: "プロジェクト終了まで", retention: "プロジェクト終了後1か月", disposal: "データ消去（消去証明を委託元へ提出）", party: null, impact: 3, count: [1000, 200000] }),
  T({ dept: "品質保証部", name: "製品ユーザー登録情報", items: "氏名、住所、電話番号、メールアドレス、製品シリアル番号、購入日", purpose: "保証・修理の受付、リコールの連絡", acquisition: "本人がユーザー登録ハガキまたはWebフォームで登録", notice: "登録画面・ハガキに利用目的を記載", medium: "電子", place: "顧客管理システム（社内サーバー）", method: "アクセス制御", access: "品質保証部員、サポート部員", usePeriod: "保証期間終了まで", retention: "保証期間終了後3年", disposal: "データ消去", party: "logistics", impact: 2, count: [1000, 150000] }),
  T({ dept: "法務部", name: "個人情報開示等請求記録", items: "請求者の氏名、住所、本人確認書類の写し、請求内容、対応結果", purpose: "開示等の請求への対応", acquisition: "本人から郵送で受付", notice: "Webサイトで手続を公表", medium: "紙", place: "施錠キャビネット（法務部）", method: "施錠保管", access: "法務部長、個人情報保護管理者", usePeriod: "対応完了まで", retention: "3年", disposal: "溶解処理", party: null, impact: 2, count: [1, 50] }),
];

const SITES = [
  "本社", "東京本社", "大阪支店", "名古屋支店", "福岡支店", "札幌営業所", "仙台営業所", "広島営業所", "横浜事業所", "京都営業所",
  "神戸営業所", "さいたま営業所", "千葉営業所", "静岡営業所", "新潟営業所", "金沢営業所", "岡山営業所", "熊本営業所", "那覇営業所", "高松営業所",
];

const OWNERS: Record<string, string> = {
  人事部: "人事部長", 総務部: "総務部長", 営業部: "営業部長", マーケティング部: "マーケティング部長", 経理部: "経理部長",
  情報システム部: "情報システム部長", カスタマーサポート部: "カスタマーサポート部長", 開発部: "開発部長", 品質保証部: "品質保証部長", 法務部: "法務部長",
};

const CONTRACTOR_BASES: Record<Exclude<PartyKind, null>, { names: readonly string[]; work: string }> = {
  sharoushi: { names: ["社会保険労務士事務所", "社労士法人"], work: "社会保険・労働保険の手続、給与計算の確認" },
  zeirishi: { names: ["税理士法人", "会計事務所"], work: "年末調整・法定調書の作成、税務申告" },
  cloud: { names: ["株式会社クラウドメール", "株式会社ウェブサービス"], work: "メール配信、Webフォームの受信メールの中継、クラウドサービスの提供" },
  print: { names: ["株式会社ネット印刷", "株式会社ダイレクトメール"], work: "DMの宛名印刷・発送" },
  logistics: { names: ["株式会社ロジスティクス", "株式会社配送センター"], work: "発送業務" },
  it: { names: ["株式会社システム保守", "株式会社セキュリティサービス"], work: "システムの保守・運用" },
  callcenter: { names: ["株式会社コールセンター", "株式会社テレサポート"], work: "電話受付・コールセンター業務" },
};
const PARTY_KINDS = Object.keys(CONTRACTOR_BASES) as Exclude<PartyKind, null>[];
const PLACE_PREFIX = ["青葉", "さくら", "みどり", "あおぞら", "ひかり", "はなみずき", "つばさ", "いずみ", "やまと", "あさひ", "かえで", "すずらん", "のぞみ", "ことぶき", "みなと"];

/** Contractor names: a prefix and a base per kind. Count grows with the ledger. */
function contractorNames(kind: Exclude<PartyKind, null>, n: number): string[] {
  const { names } = CONTRACTOR_BASES[kind];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = names[i % names.length] as string;
    const prefix = PLACE_PREFIX[Math.floor(i / names.length) % PLACE_PREFIX.length] as string;
    const round = Math.floor(i / (names.length * PLACE_PREFIX.length));
    const tag = round === 0 ? prefix : `${prefix}第${round + 1}`;
    out.push(base.startsWith("株式会社") ? base.replace("株式会社", `株式会社${tag}`) : `${tag}${base}`);
  }
  return out;
}

/** Default [risk, measure] per medium and phase, and a second risk for continuation rows. */
const RISKS: Record<Medium, Record<string, [string, string][]>> = {
  紙: {
    acquire: [["受領した書類の紛失・記入内容の誤り", "受領時に受付記録を付け、当日中に施錠キャビネットへ収納する"], ["記入欄の不足による余分な情報の取得", "様式を年1回見直し、不要な記入欄を削除する"]],
    transfer: [["社内外への持ち運び・郵送時の紛失、誤送付", "封筒に入れて手渡しし、郵送は簡易書留を使う"], ["FAX送信時の番号の押し間違いによる誤送信", "FAXは短縮登録した番号のみ使用し、送信前に二人で確認する"]],
    use: [["利用目的の範囲を超えた利用（目的外利用）", "利用目的を個人情報取扱規程に明記し、閲覧者を限定する"], ["コピーの取り過ぎ・コピー機への置き忘れ", "コピーは必要部数のみとし、使用後にコピー機を確認する"]],
    store: [["キャビネットの施錠忘れによる紛失・盗難", "施錠キャビネットで保管し、鍵は管理責任者が管理する。退社時に施錠を確認する"], ["災害による書類の滅失", "耐火キャビネットで保管し、重要書類は電子化して別拠点に保存する"]],
    entrust: [["委託先での漏えい・無断での再委託", "委託先評価を年1回実施し、覚書で再委託の事前承認を定める"]],
    dispose: [["廃棄書類からの情報漏えい", "施錠回収箱に投入して溶解処理し、廃棄記録を作成する"], ["保管期間経過後の廃棄の遅れ", "年1回、保管期間を過ぎた書類を抽出して廃棄し、記録を残す"]],
  },
  電子: {
    acquire: [["入力誤りによる内容の不正確", "入力後に別の担当者が照合する"], ["通信の盗聴による入力内容の漏えい", "入力画面はTLSで暗号化し、WAFを設定する"]],
    transfer: [["メールの誤送信・通信の盗聴", "ファイルは暗号化して送付し、送信前に宛先を確認する。通信はTLSで暗号化する"], ["USBメモリでの持ち出し時の紛失", "USBメモリの使用を禁止し、受け渡しは共有フォルダで行う"]],
    use: [["権限のない従業者による閲覧・持ち出し", "ID・パスワードによるアクセス制御とUSBメモリの使用禁止"], ["画面ののぞき見による漏えい", "離席時は画面をロックし、来客の動線から画面が見えない配置とする"]],
    store: [["不正アクセス・マルウェア感染による漏えい、障害による消失", "ウイルス対策ソフトとOS更新を月次で確認し、日次でバックアップを取得する"], ["バックアップ媒体の紛失", "バックアップデータは暗号化して別拠点のNASへ週次で保存する"]],
    entrust: [["委託先での漏えい・目的外利用", "委託先評価を年1回実施し、覚書を締結する"]],
    dispose: [["保管期間経過後の削除漏れ、廃棄PCからの漏えい", "保管期間の経過時に削除し、PCはデータ消去ソフトで消去して記録を残す"], ["削除の実行漏れ", "削除の実行結果を月次で確認する"]],
  },
};

const PHASES = [
  { id: "acquire", label: "取得・入力" },
  { id: "transfer", label: "移送・送信" },
  { id: "use", label: "利用・加工" },
  { id: "store", label: "保管・バックアップ" },
  { id: "entrust", label: "委託・提供" },
  { id: "dispose", label: "消去・廃棄" },
] as const;
/** Phases that get a second risk row when an item has no entrust row (six rows per item). */
const SECOND_ROW_PHASES = ["store", "use", "transfer", "acquire", "dispose"] as const;

const IMPROPER_HANDLING = /目的外|不正取得|同意|法令違反|無断/;

function levelOf(score: number): "高" | "中" | "低" {
  return score >= 6 ? "高" : score >= 3 ? "中" : "低";
}

// ---------------------------------------------------------------------------------------------
// The items, decided once (compact), then replayed by each sheet.

const DEFECTS = [
  "retentionEmpty",
  "sensitiveNoConsent",
  "provisionNoConsent",
  "directNoConsent",
  "countInvalid",
  "reviewOverdue",
  "dateInvalid",
  "duplicateId",
  "contractorUnregistered",
  "phaseMissing",
  "riskBlank",
  "unknownPhase",
  "orphanRow",
  "scoreMismatch",
] as const;
type Defect = (typeof DEFECTS)[number];

interface Item {
  no: number;
  template: number;
  site: number;
  seq: number;
  count: CellValue;
  reviewed: GenCell;
  contractor: string | null;
  recipient: string | null;
  likelihoods: number;
  defects: number;
}

const bit = (d: Defect): number => 1 << DEFECTS.indexOf(d);
const has = (item: Item, d: Defect): boolean => (item.defects & bit(d)) !== 0;

function formatCount(rng: Rng, n: number): CellValue {
  const grouped = n.toLocaleString("en-US");
  switch (rng.int(0, 5)) {
    case 0:
      return `約${grouped}件`;
    case 1:
      return `${grouped}名`;
    case 2:
      return n;
    case 3:
      return `${grouped}件`.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 4:
      return `約${grouped}人分`;
    default:
      return `${grouped}〜${(n * 2).toLocaleString("en-US")}件`;
  }
}

function roundCount(n: number): number {
  if (n < 100) return n;
  const mag = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / mag) * mag;
}

interface Plan {
  seed: number;
  perKind: number;
  items: Item[];
  contractors: string[];
  unregistered: string[];
  planted: Record<string, number>;
}

function plan(opts: GenerateOptions): Plan {
  const seed = opts.seed ?? 1;
  const rate = opts.defectRate ?? 0.002;
  const rng = new Rng(subSeed(seed, 0));
  const perKind = Math.max(2, Math.ceil(opts.items / 200));
  const byKind = new Map(PARTY_KINDS.map((k) => [k, contractorNames(k, perKind)]));
  const contractors = PARTY_KINDS.flatMap((k) => byKind.get(k) as string[]);
  const unregistered = ["株式会社セキュアゲート", "有限会社データ入力センター", "株式会社シュレッダーサービス"];
  const planted: Record<string, number> = {};
  const items: Item[] = [];
  const seqOf = new Map<string, number>();
  for (let i = 0; i < opts.items; i++) {
    const template = rng.int(0, TEMPLATES.length - 1);
    const t = TEMPLATES[template] as ItemTemplate;
    const site = rng.int(0, SITES.length - 1);
    const key = `${template}:${site}`;
    const seq = (seqOf.get(key) ?? 0) + 1;
    seqOf.set(key, seq);
    let defects = 0;
    for (const d of DEFECTS) {
      if (!rng.chance(rate)) continue;
      // Defects that need a feature of the item only go where they make sense.
      if (d === "provisionNoConsent" && !t.recipient) continue;
      if (d === "sensitiveNoConsent" && !t.sensitive) continue;
      if (d === "directNoConsent" && !/フォーム|申込|履歴書|アンケート|書面/.test(t.acquisition)) continue;
      if ((d === "contractorUnregistered" || d === "phaseMissing") && !t.party) continue;
      if (d === "duplicateId" && i === 0) continue;
      defects |= bit(d);
      planted[d] = (planted[d] ?? 0) + 1;
    }
    const contractor = t.party ? rng.pick(byKind.get(t.party) as string[]) : null;
    const reviewed: GenCell = { date: TODAY - rng.int(15, 330) };
    items.push({
      no: i + 1,
      template,
      site,
      seq,
      count: formatCount(rng, roundCount(rng.int(t.count[0], t.count[1]))),
      reviewed,
      contractor,
      recipient: t.recipient ?? null,
      likelihoods: Math.floor(rng.next() * 0x7fffffff),
      defects,
    });
  }
  return { seed, perKind, items, contractors, unregistered, planted };
}

function itemName(item: Item): string {
  const t = TEMPLATES[item.template] as ItemTemplate;
  const site = SITES[item.site] as string;
  return item.seq === 1 ? `${t.name}（${site}）` : `${t.name}（${site}・${item.seq}）`;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const LEDGER_HEADERS = [
  "No.", "部署", "個人情報の名称", "個人情報の項目", "利用目的", "取得方法", "明示・通知方法", "本人同意", "件数", "媒体",
  "保管場所", "保管方法", "アクセス権を有する者", "利用期限", "保管期間", "廃棄方法", "委託先", "提供先", "要配慮個人情報",
  "特定個人情報", "開示対象", "情報区分", "管理責任者", "見直し日", "備考",
];
const LEDGER_WIDTHS = [5, 10, 20, 30, 24, 20, 22, 7, 12, 7, 22, 20, 18, 14, 14, 14, 22, 20, 8, 8, 8, 10, 14, 14, 24];

function ledgerSheet(p: Plan): GenSheet {
  return {
    name: "個人情報管理台帳",
    widths: LEDGER_WIDTHS,
    headerRow: 4,
    dataRows: p.items.length,
    *rows() {
      yield ["個人情報管理台帳"];
      yield ["株式会社さくらシステム"];
      yield ["改訂日：2025年4月1日（第5版）", null, null, null, "個人情報保護管理者：情報システム部長 田中 一郎"];
      yield [];
      yield LEDGER_HEADERS;
      for (const item of p.items) {
        const t = TEMPLATES[item.template] as ItemTemplate;
        const consent = has(item, "sensitiveNoConsent") ? "×" : has(item, "provisionNoConsent") || has(item, "directNoConsent") ? null : "○";
        const notice = has(item, "directNoConsent") ? null : t.notice;
        const contractor = has(item, "contractorUnregistered") ? (p.unregistered[item.no % p.unregistered.length] as string) : item.contractor;
        const reviewed: GenCell = has(item, "dateInvalid") ? "2025/13/01" : has(item, "reviewOverdue") ? { date: TODAY - 500 - (item.no % 200) } : item.reviewed;
        yield [
          has(item, "duplicateId") ? item.no - 1 : item.no,
          t.dept,
          itemName(item),
          t.items,
          t.purpose,
          t.acquisition,
          notice,
          consent,
          has(item, "countInvalid") ? "多数" : item.count,
          t.medium,
          t.place,
          t.method,
          t.access,
          t.usePeriod,
          has(item, "retentionEmpty") ? null : t.retention,
          t.disposal,
          contractor,
          item.recipient,
          t.sensitive ? "○" : "×",
          t.myNumber ? "有" : "無",
          t.disclosable === false ? "×" : "○",
          "個人情報",
          OWNERS[t.dept] ?? "個人情報保護管理者",
          reviewed,
          null,
        ];
      }
    },
  };
}

const RISK_HEADERS = ["No.", "管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク", "受容"];
const RISK_WIDTHS = [6, 7, 22, 14, 36, 7, 7, 7, 8, 44, 8, 12];
const RISK_HEADER_ROW = 3;
const ACCEPTED_ON = serial(2025, 5, 20);

interface RiskRow {
  phase: string;
  risk: string | null;
  measure: string;
  likelihood: number;
  impact: number;
  stored?: number;
  ref: number;
  name: string;
}

function riskRowsOf(item: Item): RiskRow[] {
  const t = TEMPLATES[item.template] as ItemTemplate;
  const rng = new Rng(item.likelihoods);
  const ref = item.no;
  const name = itemName(item);
  const thirdParty = Boolean(item.contractor || item.recipient) && !has(item, "phaseMissing");
  const second = SECOND_ROW_PHASES[item.no % SECOND_ROW_PHASES.length] as string;
  const rows: RiskRow[] = [];
  for (const phase of PHASES) {
    if (phase.id === "entrust" && !thirdParty) continue;
    const options = RISKS[t.medium][phase.id] as [string, string][];
    const [risk, measure] = options[0] as [string, string];
    rows.push({ phase: phase.label, risk, measure, likelihood: rng.int(1, 3), impact: t.impact, ref, name });
    if (!thirdParty && phase.id === second) {
      const [risk2, measure2] = (options[1] ?? options[0]) as [string, string];
      rows.push({ phase: phase.label, risk: risk2, measure: measure2, likelihood: rng.int(1, 2), impact: t.impact, ref, name });
    }
  }
  // Planted risk-row defects, at fixed positions in the item's six rows.
  if (has(item, "riskBlank")) (rows[1] as RiskRow).risk = null;
  if (has(item, "unknownPhase")) (rows[2] as RiskRow).phase = "点検";
  if (has(item, "scoreMismatch")) {
    const r = rows[3] as RiskRow;
    r.stored = r.likelihood * r.impact + 1;
  }
  if (has(item, "orphanRow")) {
    const r = rows[5] as RiskRow;
    r.ref = 900_000 + item.no;
    r.name = "年賀状送付先リスト（旧）";
  }
  return rows;
}

function riskSheet(p: Plan): GenSheet {
  return {
    name: "リスク分析表",
    widths: RISK_WIDTHS,
    headerRow: RISK_HEADER_ROW,
    dataRows: p.items.length * 6,
    *rows() {
      yield ["リスク分析表（個人情報保護リスクアセスメント）"];
      yield ["株式会社さくらシステム　実施日：2025年5月20日　承認：代表取締役 桜井 2025年5月20日"];
      yield ["評価基準：リスク値＝発生可能性（1〜3）×影響度（1〜3）。高：6〜9（対策必須）、中：3〜4、低：1〜2。残存リスクが中を超える場合は代表者の受容承認を記録する。"];
      yield RISK_HEADERS;
      let r = RISK_HEADER_ROW + 1; // 0-based row index of the next row
      for (const item of p.items) {
        for (const x of riskRowsOf(item)) {
          const excelRow = r + 1;
          const score = x.likelihood * x.impact;
          const level = levelOf(score);
          const residual = IMPROPER_HANDLING.test(x.risk ?? "") ? "低" : level === "高" ? "中" : "低";
          yield [
            r - RISK_HEADER_ROW,
            x.ref,
            x.name,
            x.phase,
            x.risk,
            x.likelihood,
            x.impact,
            x.stored !== undefined ? x.stored : { formula: `F${excelRow}*G${excelRow}`, result: score },
            level,
            x.measure,
            residual,
            residual === "中" ? { date: ACCEPTED_ON } : null,
          ];
          r++;
        }
      }
    },
  };
}

function contractorSheet(p: Plan): GenSheet {
  return {
    name: "委託先管理台帳",
    widths: [5, 30, 34, 32, 12, 8, 8, 20],
    headerRow: 2,
    dataRows: p.contractors.length,
    *rows() {
      yield ["委託先管理台帳"];
      yield [];
      yield ["No.", "委託先名称", "委託業務内容", "取り扱う個人情報", "評価日", "評価結果", "覚書締結", "備考"];
      const rng = new Rng(subSeed(p.seed, 7));
      let i = 0;
      for (const kind of PARTY_KINDS) {
        const names = contractorNames(kind, p.perKind);
        const items = TEMPLATES.filter((t) => t.party === kind).map((t) => t.name).join("、");
        for (const name of names) {
          i++;
          yield [i, name, CONTRACTOR_BASES[kind].work, items, { date: TODAY - rng.int(20, 300) }, "適", "済", kind === "cloud" ? "Pマーク取得事業者" : null];
        }
      }
    },
  };
}

const LAWS: [string, string, number, string, string | null][] = [
  ["個人情報の保護に関する法律", "個人情報保護委員会", serial(2022, 4, 1), "全業務", "令和2年改正法の全面施行日"],
  ["個人情報の保護に関する法律施行令", "個人情報保護委員会", serial(2022, 4, 1), "全業務", null],
  ["個人情報の保護に関する法律についてのガイドライン（通則編）", "個人情報保護委員会", serial(2024, 4, 1), "全業務", null],
  ["行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）", "デジタル庁", serial(2016, 1, 1), "人事・経理（マイナンバー事務）", "個人番号の利用開始日"],
  ["特定個人情報の適正な取扱いに関するガイドライン（事業者編）", "個人情報保護委員会", serial(2014, 12, 11), "人事・経理（マイナンバー事務）", null],
  ["労働基準法", "厚生労働省", serial(1947, 9, 1), "人事・総務", "労働者名簿・賃金台帳の保存（第109条）"],
  ["職業安定法", "厚生労働省", serial(1947, 12, 1), "人事（採用）", "求職者等の個人情報の取扱い"],
  ["労働安全衛生法", "厚生労働省", serial(1972, 10, 1), "人事（健康管理）", "健康診断個人票の保存"],
  ["特定電子メールの送信の適正化等に関する法律", "総務省・消費者庁", serial(2008, 12, 1), "マーケティング", "メールマガジンの同意取得"],
  ["JIS Q 15001:2023 個人情報保護マネジメントシステム－要求事項", "日本産業標準調査会", serial(2023, 9, 20), "全社（PMS）", null],
  ["プライバシーマークにおける個人情報保護マネジメントシステム構築・運用指針", "JIPDEC", serial(2023, 12, 25), "全社（PMS）", null],
];

function lawSheet(): GenSheet {
  return {
    name: "法令等一覧",
    widths: [5, 56, 20, 14, 12, 26, 30],
    headerRow: 2,
    dataRows: LAWS.length,
    *rows() {
      yield ["法令・規範等一覧"];
      yield ["確認者：個人情報保護管理者"];
      yield ["No", "法令・規範の名称", "所管", "施行日/最終改正日", "確認日", "関連業務", "備考"];
      let i = 0;
      for (const [name, authority, enforced, business, note] of LAWS) {
        i++;
        yield [i, name, authority, { date: enforced }, { date: serial(2025, 4, 25) }, business, note];
      }
    },
  };
}

function coverSheet(): GenSheet {
  return {
    name: "表紙",
    widths: [4, 60],
    headerRow: -1,
    dataRows: 0,
    *rows() {
      yield [];
      yield [null, "個人情報保護マネジメントシステム"];
      yield [null, "個人情報管理台帳・リスク分析表"];
      yield [null, "株式会社さくらシステム"];
      yield [null, "文書番号：PMS-R-02　第5版　2025年4月1日改訂"];
    },
  };
}

/** The workbook's sheets, in order: cover, ledger, risk analysis, contractors, laws. */
export function generateWorkbook(opts: GenerateOptions): GeneratedWorkbook {
  if (!Number.isInteger(opts.items) || opts.items < 1) throw new RangeError(`items must be a positive integer: ${opts.items}`);
  const p = plan(opts);
  return {
    sheets: [coverSheet(), ledgerSheet(p), riskSheet(p), contractorSheet(p), lawSheet()],
    planted: p.planted,
  };
}

// ---------------------------------------------------------------------------------------------
// Outputs

function isDate(c: GenCell): c is { date: number } {
  return typeof c === "object" && c !== null && "date" in c;
}
function isFormula(c: GenCell): c is { formula: string; result: number } {
  return typeof c === "object" && c !== null && "formula" in c;
}

/** The sheets as SheetGrids, as a host would read them (dates as serials, formulas alongside). */
export function toGrids(wb: GeneratedWorkbook): SheetGrid[] {
  return wb.sheets.map((sheet) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormula = false;
    for (const row of sheet.rows()) {
      const vrow: CellValue[] = new Array<CellValue>(row.length);
      let frow: (string | null)[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (isDate(cell)) vrow[c] = cell.date;
        else if (isFormula(cell)) {
          vrow[c] = cell.result;
          frow ??= new Array<string | null>(row.length).fill(null);
          frow[c] = `=${cell.formula}`;
          anyFormula = true;
        } else vrow[c] = cell ?? null;
      }
      values.push(vrow);
      formulas.push(frow ?? []);
    }
    const grid: SheetGrid = anyFormula ? { name: sheet.name, values, formulas } : { name: sheet.name, values };
    return grid;
  });
}

const DATE_FORMAT = "yyyy/mm/dd";

/**
 * Writes the workbook with ExcelJS's streaming writer: rows are committed as they are made, so
 * memory stays flat however many rows there are. Shared strings as Excel writes them.
 */
export async function writeXlsx(wb: GeneratedWorkbook, file: string): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  writer.creator = "pmark bench";
  writer.created = new Date(Date.UTC(2025, 3, 1));
  writer.modified = writer.created;
  for (const sheet of wb.sheets) {
    const ws = writer.addWorksheet(sheet.name);
    ws.columns = sheet.widths.map((width) => ({ width }));
    for (const row of sheet.rows()) {
      const values = row.map((cell) => {
        if (isDate(cell)) return new Date(Math.round((cell.date - 25569) * 86_400_000));
        if (isFormula(cell)) return { formula: cell.formula, result: cell.result };
        return cell ?? null;
      });
      const added = ws.addRow(values);
      row.forEach((cell, c) => {
        if (isDate(cell)) added.getCell(c + 1).numFmt = DATE_FORMAT;
      });
      added.commit();
    }
    ws.commit();
  }
  await writer.commit();
}
