#!/usr/bin/env node
/**
 * Writes the annual-records fixture tests/fixtures/annual/annual-records.xlsx and the list of
 * nonconformities planted in it (tests/fixtures/annual/expected-findings.json).
 *
 * The workbook is the yearly PMS record book of a fictitious 45-person company, 株式会社みなと精工
 * (four departments: 人事総務部, 営業部, 開発部, 経理部): the management review, the ledger, a
 * long-layout risk analysis, the training records, the contractor register, the internal
 * audit records and the laws list, in that order (the yearly records are recognised from their
 * headers wherever they sit). It is clean for every rule of PRODUCT.md §4 except the planted
 * nonconformities, checked as of 2025-06-30 with the default profile. The risk analysis follows
 * the default model exactly (likelihood × impact on 1–3; 1–2 低, 3–4 中, 6–9 高; a measure on
 * every row; residual 低 or 中, 中 with a recorded acceptance) so the scoring rules stay silent.
 * Planted cells are computed from the layout, so the JSON always matches the workbook.
 *
 * Output is deterministic: fixed dates, workbook and zip-entry timestamps pinned.
 *
 *   node scripts/make-annual-fixture.mjs
 */
import { createRequire } from "node:module";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "tests", "fixtures", "annual");
const OUT_XLSX = path.join(OUT_DIR, "annual-records.xlsx");
const OUT_FINDINGS = path.join(OUT_DIR, "expected-findings.json");

const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const STAMP = day(2025, 6, 1);

// exceljs zips through JSZip, which dates every entry "now" unless told otherwise.
try {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
  fromExceljs("jszip").defaults.date = STAMP;
} catch {
  // Only the zip timestamps would then vary.
}

const COMPANY = "株式会社みなと精工";
const SHEET = {
  review: "マネジメントレビュー",
  ledger: "個人情報管理台帳",
  risk: "リスク分析表",
  training: "教育実施記録",
  contractors: "委託先管理台帳",
  audit: "2024年度監査",
  laws: "法令等一覧",
};
/** Every sheet: title on row 1, company and edition on row 2, header on row 3, data from row 4. */
const HEADER_ROW = 3;
const FIRST_ROW = 4;

const planted = [];
function plant(rule, sheet, row, col, note) {
  planted.push({ rule, sheet, row, col, note });
}

function letters(col) {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const FONT = { name: "游ゴシック", size: 10 };
const THIN = { style: "thin", color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

/** A sheet with the title block, the header and the rows; returns the 1-based column of each header. */
function table(wb, name, titleText, header, rows, widths = {}) {
  const ws = wb.addWorksheet(name);
  ws.getCell(1, 1).value = titleText;
  ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  ws.getCell(2, 1).value = `${COMPANY}　2025年度版（2025年4月1日改訂）`;
  ws.getCell(2, 1).font = FONT;
  const head = ws.getRow(HEADER_ROW);
  head.values = header;
  head.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    row.values = values;
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      if (cell.value instanceof Date) cell.numFmt = "yyyy/mm/dd";
    }
  });
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[h] ?? 14;
  });
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  return Object.fromEntries(header.map((h, i) => [h, i + 1]));
}

// ---------------------------------------------------------------------------------------------
// Ledger: 25 items in four departments.

const LEDGER_HEADER = [
  "No.",
  "部署",
  "個人情報の名称",
  "個人情報の項目",
  "利用目的",
  "取得方法",
  "明示・通知方法",
  "本人同意",
  "件数",
  "媒体",
  "保管場所",
  "保管方法",
  "アクセス権を有する者",
  "利用期限",
  "保管期間",
  "廃棄方法",
  "委託先",
  "提供先",
  "要配慮個人情報",
  "特定個人情報",
  "開示対象",
  "情報区分",
  "管理責任者",
  "見直し日",
  "備考",
];

const HR = "人事総務部";
const SALES = "営業部";
const DEV = "開発部";
const ACC = "経理部";
const OWNER = { [HR]: "人事総務部長", [SALES]: "営業部長", [DEV]: "開発部長", [ACC]: "経理部長" };

/**
 * One item: the fields that differ from the defaults below. `plant` lists [rule, column, note]
 * for the nonconformities planted on the item's row. `impact` is the risk analysis's impact
 * for every phase of the item (3 for sensitive, My Number and payment data).
 */
const DEFAULT_ITEM = {
  明示・通知方法: "プライバシーポリシーで公表",
  本人同意: "○",
  媒体: "電子",
  保管方法: "アクセス制御・バックアップ",
  委託先: "なし",
  提供先: "なし",
  要配慮個人情報: "無",
  特定個人情報: "無",
  開示対象: "○",
  情報区分: "個人情報",
  見直し日: day(2025, 4, 18),
};

const ITEMS = [
  { 部署: HR, 個人情報の名称: "従業員名簿", 個人情報の項目: "氏名、住所、生年月日、電話番号、緊急連絡先、健康保険被保険者番号", 利用目的: "雇用管理・社会保険手続", 取得方法: "本人から直接（入社時提出書類）", 明示・通知方法: "入社時に書面で明示", 件数: "約50件", 保管場所: "社内ファイルサーバ（人事フォルダ）", アクセス権を有する者: "人事総務部員", 利用期限: "退職まで", 保管期間: "退職後5年", 廃棄方法: "データ消去", 委託先: "〇〇社会保険労務士事務所", impact: 2 },
  { 部署: HR, 個人情報の名称: "給与台帳", 個人情報の項目: "氏名、基本給、手当、控除額、振込口座", 利用目的: "給与計算・支払", 取得方法: "本人から直接（給与振込口座届）", 明示・通知方法: "入社時に書面で明示", 件数: "約50件", 保管場所: "給与計算システム（社内サーバ）", アクセス権を有する者: "給与担当者2名", 利用期限: "退職まで", 保管期間: "7年", 廃棄方法: "データ消去", 委託先: "〇〇社会保険労務士事務所", 開示対象: "○", impact: 3 },
  { 部署: HR, 個人情報の名称: "健康診断結果", 個人情報の項目: "氏名、健診項目の結果、医師の所見", 利用目的: "健康管理（労働安全衛生法）", 取得方法: "健診機関から受領", 明示・通知方法: "就業規則で明示", 件数: "約50件", 媒体: "紙", 保管場所: "人事キャビネット（施錠）", 保管方法: "施錠保管", アクセス権を有する者: "人事総務部長・衛生管理者", 利用期限: "退職まで", 保管期間: "5年", 廃棄方法: "溶解処理", 要配慮個人情報: "有", impact: 3 },
  {
    部署: HR, 個人情報の名称: "ストレスチェック結果", 個人情報の項目: "氏名、ストレスの程度、面接指導の要否", 利用目的: "健康管理・面接指導", 取得方法: "実施機関から受領（本人同意済）", 明示・通知方法: "実施前に書面で明示", 件数: "約45件", 媒体: "紙", 保管場所: "人事キャビネット（施錠）", 保管方法: "施錠保管", アクセス権を有する者: "衛生管理者", 利用期限: "退職まで", 保管期間: "5年", 廃棄方法: "溶解処理", 要配慮個人情報: "無", impact: 3,
    plant: [["ledger/sensitive-unflagged", "要配慮個人情報", "ストレスチェックの結果は健康に関する要配慮個人情報なのに、要配慮の欄が「無」"]],
  },
  {
    部署: HR, 個人情報の名称: "マイナンバー関係書類", 個人情報の項目: "氏名、個人番号、扶養親族の個人番号", 利用目的: "源泉徴収・社会保険の届出", 取得方法: "本人から直接（番号確認書類の提示）", 明示・通知方法: "取得時に書面で明示", 件数: "約50件", 媒体: "紙", 保管場所: "金庫（人事総務部）", 保管方法: "施錠保管・持出禁止", アクセス権を有する者: "事務取扱担当者2名", 利用期限: "退職まで", 保管期間: "永年", 廃棄方法: "シュレッダー", 特定個人情報: "○", impact: 3,
    plant: [["ledger/mynumber-retention-indefinite", "保管期間", "特定個人情報の保管期間が「永年」（法定保存期間の経過後は削除が必要）"]],
  },
  { 部署: HR, 個人情報の名称: "扶養控除等申告書", 個人情報の項目: "氏名、個人番号、扶養親族の氏名・続柄", 利用目的: "年末調整", 取得方法: "本人から直接（毎年の申告）", 明示・通知方法: "取得時に書面で明示", 件数: "約50件", 媒体: "紙", 保管場所: "金庫（人事総務部）", 保管方法: "施錠保管", アクセス権を有する者: "事務取扱担当者2名", 利用期限: "年末調整の完了まで", 保管期間: "7年", 廃棄方法: "シュレッダー", 特定個人情報: "○", impact: 3 },
  {
    部署: HR, 個人情報の名称: "出勤簿（タイムカード）", 個人情報の項目: "氏名、出勤・退勤時刻、休暇取得日", 利用目的: "労働時間の管理", 取得方法: "勤怠端末で本人が打刻", 明示・通知方法: "就業規則で明示", 件数: "約50件", 保管場所: "勤怠管理サーバ（社内）", アクセス権を有する者: "人事総務部員・各部長", 利用期限: "退職まで", 保管期間: "2年", 廃棄方法: "データ消去", impact: 2,
    plant: [["ledger/retention-below-legal", "保管期間", "出勤簿の保管期間が2年（労働基準法第109条は5年、経過措置でも3年）"]],
  },
  {
    部署: HR, 個人情報の名称: "採用応募書類", 個人情報の項目: "氏名、連絡先、学歴、職歴、志望動機", 利用目的: "採用選考", 取得方法: "本人から直接（履歴書・Web応募フォーム）", 明示・通知方法: "採用ページで明示", 件数: "約120件", 媒体: "紙・電子", 保管場所: "人事キャビネット（施錠）・ファイルサーバ", 保管方法: "施錠保管・アクセス制御", アクセス権を有する者: "採用担当者", 利用期限: "選考終了まで", 保管期間: "選考終了後1年", 廃棄方法: "シュレッダー・データ消去", impact: 2,
    plant: [["ledger/mixed-media-row", "媒体", "紙の履歴書と電子の応募データを1行にまとめている（紙・電子）"]],
  },
  { 部署: HR, 個人情報の名称: "個人情報取扱いに関する同意書（従業員）", 個人情報の項目: "氏名、署名、同意日", 利用目的: "同意の記録", 取得方法: "本人から直接（入社時）", 明示・通知方法: "入社時に書面で明示", 件数: "約50件", 媒体: "紙", 保管場所: "人事キャビネット（施錠）", 保管方法: "施錠保管", アクセス権を有する者: "人事総務部員", 利用期限: "退職まで", 保管期間: "退職後3年", 廃棄方法: "シュレッダー", impact: 2 },
  { 部署: HR, 個人情報の名称: "入退室記録", 個人情報の項目: "氏名、入退室日時、入館証ID", 利用目的: "入退室管理", 取得方法: "入退室管理システムで記録", 明示・通知方法: "就業規則で明示", 件数: "約60件", 保管場所: "入退室管理サーバ", アクセス権を有する者: "人事総務部長", 利用期限: "1年", 保管期間: "1年", 廃棄方法: "データ消去", 委託先: "株式会社セキュリティ警備", impact: 2 },
  { 部署: HR, 個人情報の名称: "来訪者受付票", 個人情報の項目: "氏名、会社名、来訪日時、訪問先", 利用目的: "来訪者の管理", 取得方法: "受付で本人が記入", 明示・通知方法: "受付に掲示", 件数: "約600件", 媒体: "紙", 保管場所: "受付ファイル（総務）", 保管方法: "施錠保管", アクセス権を有する者: "人事総務部員", 利用期限: "1年", 保管期間: "1年", 廃棄方法: "シュレッダー", impact: 2 },
  { 部署: HR, 個人情報の名称: "教育受講記録", 個人情報の項目: "氏名、所属、受講日、理解度テストの点数", 利用目的: "教育の実施管理", 取得方法: "本人が回答", 明示・通知方法: "教育時に明示", 件数: "約50件", 保管場所: "社内ファイルサーバ（PMSフォルダ）", アクセス権を有する者: "個人情報保護管理者・人事総務部員", 利用期限: "3年", 保管期間: "3年", 廃棄方法: "データ消去", impact: 2 },
  { 部署: SALES, 個人情報の名称: "顧客名簿", 個人情報の項目: "氏名、会社名、役職、電話番号、メールアドレス", 利用目的: "営業活動・契約管理", 取得方法: "名刺交換・商談", 件数: "約3,000件", 保管場所: "顧客管理システム（Global CRM）", アクセス権を有する者: "営業部員", 利用期限: "取引終了まで", 保管期間: "取引終了後5年", 廃棄方法: "データ消去", 委託先: "Global CRM Inc.", impact: 2 },
  { 部署: SALES, 個人情報の名称: "名刺", 個人情報の項目: "氏名、会社名、役職、連絡先", 利用目的: "営業上の連絡", 取得方法: "名刺交換", 本人同意: "不要（名刺交換）", 件数: "約1,500件", 媒体: "紙", 保管場所: "営業部キャビネット（施錠）", 保管方法: "施錠保管", アクセス権を有する者: "営業部員", 利用期限: "取引終了まで", 保管期間: "取引終了後3年", 廃棄方法: "溶解処理", impact: 2 },
  {
    部署: SALES, 個人情報の名称: "DM発送リスト", 個人情報の項目: "氏名、会社名、住所", 利用目的: "展示会・新製品の案内状送付", 取得方法: "顧客名簿から抽出", 件数: "約2,000件", 保管場所: "社内ファイルサーバ（営業フォルダ）", アクセス権を有する者: "営業部員", 利用期限: "発送完了まで", 保管期間: "発送後1年", 廃棄方法: "データ消去", 委託先: "(株)ネット印刷", impact: 2,
    plant: [["contractor/name-near-miss", "委託先", "委託先名「(株)ネット印刷」が委託先管理台帳の「株式会社ネット印刷」と表記違い"]],
  },
  {
    部署: SALES, 個人情報の名称: "問い合わせ履歴", 個人情報の項目: "氏名、メールアドレス、電話番号、問い合わせ内容", 利用目的: "問い合わせへの回答", 取得方法: "Webサイトの問い合わせフォーム", 明示・通知方法: "フォームに利用目的を表示", 件数: "約1,200件", 保管場所: "kintone（問い合わせ管理アプリ）", アクセス権を有する者: "営業部員", 利用期限: "対応完了まで", 保管期間: "対応完了後3年", 廃棄方法: "データ消去", 委託先: "株式会社クラウドメール", impact: 2,
    plant: [["contractor/not-registered", "保管場所", "保管場所のクラウドサービス kintone が委託先管理台帳にない"]],
  },
  {
    部署: SALES, 個人情報の名称: "海外展示会 来場者リスト", 個人情報の項目: "氏名、会社名、メールアドレス", 利用目的: "展示会後の営業連絡", 取得方法: "来場者登録フォーム・名刺交換", 明示・通知方法: "登録フォームで明示", 件数: "約400件", 保管場所: "社内ファイルサーバ（営業フォルダ）", アクセス権を有する者: "営業部員", 利用期限: "2年", 保管期間: "2年", 廃棄方法: "データ消去", 提供先: "第三国提供あり（海外代理店）", impact: 2,
    plant: [
      ["ledger/overseas-provision-unspecified", "提供先", "外国の代理店への提供なのに、国名も移転の根拠（同意・基準適合体制）も記録がない"],
      ["ledger/provision-unrecorded", "提供先", "第三者提供なのに、提供記録（個人情報保護法第29条）の保存先が台帳にない"],
    ],
  },
  {
    部署: SALES, 個人情報の名称: "Webサイト アクセスログ", 個人情報の項目: "IPアドレス、Cookie ID、閲覧ページ、閲覧日時", 利用目的: "サイト改善・不正アクセスの検知", 取得方法: "Webサーバで自動記録", 本人同意: "－", 件数: "約50,000件", 保管場所: "Webサーバ（自社運用）", アクセス権を有する者: "Webサイト担当者", 利用期限: "1年", 保管期間: "1年", 廃棄方法: "自動削除", 開示対象: "×", 情報区分: null, impact: 2,
    plant: [["ledger/2023-category-missing", "情報区分", "Cookie ID・IPアドレスを含むのに情報区分（個人関連情報など）が空欄"]],
  },
  {
    部署: DEV, 個人情報の名称: "受託開発のテストデータ", 個人情報の項目: "氏名、住所、購入履歴（顧客企業から預託）", 利用目的: "受託システムの試験", 取得方法: "委託元から受領", 本人同意: "－（委託元が取得）", 件数: "約10,000件", 保管場所: "開発サーバ（隔離環境）", 保管方法: "アクセス制御・暗号化", アクセス権を有する者: "案件メンバー", 利用期限: "案件終了まで", 保管期間: "案件終了時に返却・消去", 廃棄方法: "データ消去・返却", 委託先: "合同会社テストラボ", 開示対象: "×", impact: 2,
    plant: [["contractor/not-registered", "委託先", "再委託先「合同会社テストラボ」が委託先管理台帳にない"]],
  },
  { 部署: DEV, 個人情報の名称: "開発用アカウント管理表", 個人情報の項目: "氏名、メールアドレス、アカウントID、権限", 利用目的: "アカウントの発行・停止", 取得方法: "社内申請", 件数: "約40件", 保管場所: "社内認証サーバ", アクセス権を有する者: "システム管理者", 利用期限: "退職まで", 保管期間: "退職後1年", 廃棄方法: "データ消去", impact: 2 },
  { 部署: DEV, 個人情報の名称: "保守サポート 顧客連絡先", 個人情報の項目: "氏名、会社名、電話番号、メールアドレス", 利用目的: "保守サポートの連絡", 取得方法: "保守契約書", 明示・通知方法: "契約時に書面で明示", 件数: "約300件", 保管場所: "社内ファイルサーバ（開発フォルダ）", アクセス権を有する者: "サポート担当者", 利用期限: "契約終了まで", 保管期間: "契約終了後3年", 廃棄方法: "データ消去", impact: 2 },
  {
    部署: ACC, 個人情報の名称: "取引先振込口座", 個人情報の項目: "氏名（個人事業主）、銀行名、口座番号", 利用目的: "代金の支払", 取得方法: "本人から直接（口座登録依頼書）", 明示・通知方法: "依頼書に利用目的を記載", 件数: "約120件", 保管場所: "会計システム（社内サーバ）", アクセス権を有する者: "経理部員", 利用期限: "取引終了まで", 保管期間: "取引終了後7年", 廃棄方法: "データ消去", 委託先: "△△税理士法人", impact: 3,
    plant: [["audit/department-not-covered", "部署", "経理部は台帳に個人情報を持つのに、直近12か月の内部監査の対象になっていない"]],
  },
  { 部署: ACC, 個人情報の名称: "源泉徴収票（控）", 個人情報の項目: "氏名、住所、個人番号、支払金額", 利用目的: "源泉徴収・税務申告", 取得方法: "給与データから作成", 明示・通知方法: "入社時に書面で明示", 件数: "約50件", 媒体: "紙", 保管場所: "金庫（経理部）", 保管方法: "施錠保管", アクセス権を有する者: "事務取扱担当者2名", 利用期限: "申告の完了まで", 保管期間: "7年", 廃棄方法: "溶解処理", 委託先: "△△税理士法人", 特定個人情報: "○", impact: 3 },
  { 部署: ACC, 個人情報の名称: "請求書控え", 個人情報の項目: "宛名（氏名・会社名）、住所、請求金額", 利用目的: "請求・会計処理", 取得方法: "社内で作成", 件数: "約1,800件", 媒体: "紙", 保管場所: "経理キャビネット（施錠）", 保管方法: "施錠保管", アクセス権を有する者: "経理部員", 利用期限: "7年", 保管期間: "7年", 廃棄方法: "溶解処理", 委託先: "株式会社リサイクル溶解センター", impact: 2 },
  { 部署: ACC, 個人情報の名称: "経費精算書", 個人情報の項目: "氏名、所属、精算金額、領収書", 利用目的: "経費の精算", 取得方法: "本人が申請", 件数: "約900件", 保管場所: "会計システム（社内サーバ）", アクセス権を有する者: "経理部員・各部長", 利用期限: "7年", 保管期間: "7年", 廃棄方法: "データ消去", impact: 2 },
];

function buildLedger(wb) {
  const rows = ITEMS.map((item, i) => {
    const v = { ...DEFAULT_ITEM, 管理責任者: OWNER[item.部署], ...item, "No.": i + 1 };
    return LEDGER_HEADER.map((h) => v[h] ?? null);
  });
  const col = table(wb, SHEET.ledger, "個人情報管理台帳", LEDGER_HEADER, rows, { 個人情報の名称: 22, 個人情報の項目: 30, 利用目的: 20, 取得方法: 20, 保管場所: 24 });
  ITEMS.forEach((item, i) => {
    for (const [rule, field, note] of item.plant ?? []) plant(rule, SHEET.ledger, FIRST_ROW + i, col[field], note);
  });
  // The PMS's own pledges (誓約書) are missing from the ledger: one finding on the name header.
  plant("ledger/pms-records-missing", SHEET.ledger, HEADER_ROW, col["個人情報の名称"], "従業者の誓約書が台帳に特定されていない（同意書・入退室・来訪者・教育の記録はある）");
}

// ---------------------------------------------------------------------------------------------
// Risk analysis: one row per item and applicable phase.

const RISK_HEADER = ["No.", "管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク", "受容（承認日）"];

const PHASES = [
  { label: "取得・入力", likelihood: 1, risk: "誤入力・取得時の紛失", measure: "入力後のダブルチェック、受領書類の受付記録" },
  { label: "移送・送信", likelihood: 2, risk: "誤送信・郵送中の紛失による漏えい", measure: "宛先の二重確認、添付ファイルの暗号化、簡易書留の利用" },
  { label: "利用・加工", likelihood: 1, risk: "目的外利用", measure: "利用目的の社内規程化と年1回の教育、利用記録の点検" },
  { label: "保管・バックアップ", likelihood: 2, risk: "不正アクセス・盗難による漏えい", measure: "アクセス制御と施錠保管、バックアップの暗号化" },
  { label: "委託・提供", likelihood: 1, risk: "委託先・提供先での漏えい、同意のない提供", measure: "委託先の年1回評価と覚書の締結、提供時の同意確認と記録" },
  { label: "消去・廃棄", likelihood: 1, risk: "廃棄物からの漏えい", measure: "シュレッダー・溶解処理、データ消去と廃棄記録" },
];

const level = (score) => (score >= 6 ? "高" : score >= 3 ? "中" : "低");

function buildRisk(wb) {
  const rows = [];
  ITEMS.forEach((item, i) => {
    const shares = (item.委託先 ?? "なし") !== "なし" || (item.提供先 ?? "なし") !== "なし";
    for (const p of PHASES) {
      if (p.label === "委託・提供" && !shares) continue;
      const score = p.likelihood * item.impact;
      const inherent = level(score);
      // Treated: 高 goes down to 中 (accepted by the representative), 中 and 低 to 低.
      const residual = inherent === "高" ? "中" : "低";
      rows.push([rows.length + 1, i + 1, item.個人情報の名称, p.label, p.risk, p.likelihood, item.impact, score, inherent, p.measure, residual, residual === "中" ? "2025/5/20 代表者承認" : null]);
    }
  });
  table(wb, SHEET.risk, "リスク分析・評価表", RISK_HEADER, rows, { 個人情報の名称: 22, リスク: 28, 対策: 36 });
}

// ---------------------------------------------------------------------------------------------
// Training records: the company's people, executives and part-timers included.

const TRAINING_HEADER = ["氏名", "所属", "区分", "実施日", "教育名", "方法", "テスト結果", "合否", "備考"];
const COURSE = "2025年度 個人情報保護教育（全従業者）";
const E_LEARNING = "eラーニング";

const PEOPLE = [
  ["港 一郎", "役員", "代表取締役", day(2025, 4, 15), "92点", "合格"],
  ["港 和子", "役員", "取締役", day(2025, 4, 15), "88点", "合格"],
  ["岸 健二", "役員", "取締役", null, null, null, "受講予定（未受講）", "training/overdue", "取締役（開発担当）が教育を受けていない"],
  ["浜田 修", "役員", "監査役", day(2025, 4, 22), "85点", "合格"],
  ["佐藤 花子", ACC, "正社員", day(2025, 4, 15), "95点", "合格", "内部監査員"],
  ["鈴木 一郎", DEV, "正社員", day(2025, 4, 16), "90点", "合格", "内部監査員"],
  ["高橋 健", SALES, "正社員", day(2025, 4, 16), "87点", "合格", "内部監査員"],
  ["田中 美咲", HR, "正社員", day(2025, 4, 15), "100点", "合格", "個人情報保護管理者"],
  ["伊藤 真一", HR, "契約社員", day(2025, 4, 17), "80点", "合格"],
  ["渡辺 陽子", SALES, "正社員", day(2025, 4, 17), "84点", "合格"],
  ["山本 大輔", SALES, "正社員", day(2025, 4, 17), null, null, null, "training/no-test-result", "受講したがテスト結果が記録されていない"],
  ["中村 翔", DEV, "正社員", day(2025, 4, 18), "91点", "合格"],
  ["小林 恵", DEV, "派遣社員", day(2025, 5, 9), "78点", "合格"],
  ["加藤 亮", DEV, "出向社員", day(2024, 6, 30), "82点", "合格", "親会社からの出向（2024年度に受講）"],
  ["吉田 由美", ACC, "パート", day(2024, 5, 20), "76点", "合格", "2025年度は未受講", "training/overdue", "パートの最終受講が2024-05-20（12か月超）"],
  ["山田 太郎", ACC, "正社員", day(2025, 4, 18), "89点", "合格"],
  ["松本 里奈", HR, "アルバイト", day(2023, 9, 1), "70点", "合格", "2024/3/31 退職"],
  ["井上 誠", SALES, "アルバイト", day(2025, 5, 12), "74点", "合格"],
];

function buildTraining(wb) {
  const rows = PEOPLE.map(([name, dept, kind, date, score, pass, note]) => [name, dept, kind, date, COURSE, E_LEARNING, score, pass, note ?? null]);
  const col = table(wb, SHEET.training, "教育実施記録（受講者名簿）", TRAINING_HEADER, rows, { 教育名: 34, 備考: 26 });
  PEOPLE.forEach((p, i) => {
    const [rule, note] = [p[7], p[8]];
    if (!rule) return;
    plant(rule, SHEET.training, FIRST_ROW + i, col[rule === "training/overdue" ? "実施日" : "テスト結果"], note);
  });
}

// ---------------------------------------------------------------------------------------------
// Contractor register.

const CONTRACTOR_HEADER = ["No.", "委託先名", "委託業務内容", "取り扱う個人情報", "評価日", "評価結果", "覚書締結", "所在国", "備考"];

const CONTRACTORS = [
  ["〇〇社会保険労務士事務所", "社会保険手続・給与計算", "従業員名簿、給与台帳", day(2025, 4, 10), "適", "済", "日本", null],
  ["△△税理士法人", "年末調整・税務申告", "源泉徴収票、取引先振込口座", day(2025, 4, 10), "適", "済", "日本", null],
  ["株式会社ネット印刷", "案内状の印刷と発送", "DM発送リスト", day(2025, 4, 10), "適", "済", "日本", "Pマーク取得済"],
  ["Global CRM Inc.", "顧客管理SaaSの提供", "顧客名簿", day(2024, 11, 15), "適", "済（DPA締結）", "米国", "外国にある第三者：基準適合体制を確認"],
  ["株式会社セキュリティ警備", "入退室管理システムの保守", "入退室記録", day(2024, 5, 15), "適", "済", "日本", null, ["contractor/evaluation-overdue", "評価日", "最終評価が2024-05-15（12か月超）"]],
  ["株式会社リサイクル溶解センター", "機密文書の溶解処理", "請求書控えなど廃棄書類", day(2025, 4, 10), "否", "済", "日本", "溶解証明書の未発行。是正報告待ち", ["contractor/evaluation-failed", "評価結果", "評価結果「否」で例外（承認）の記録がない"]],
  ["株式会社クラウドメール", "メールサーバー・問い合わせメール配信", "問い合わせ履歴", day(2025, 4, 10), "適", "未", "日本", "覚書を送付済み・返送待ち", ["contractor/no-agreement", "覚書締結", "覚書が「未」"]],
  ["株式会社旧システム保守", "旧販売管理システムの保守（2024年12月終了）", "旧顧客データ", day(2024, 9, 2), "適", "済", "日本", null, ["contractor/unused", "委託先名", "どの台帳項目でも使われていない（委託終了後も台帳に残っている）"]],
];

function buildContractors(wb) {
  const rows = CONTRACTORS.map((c, i) => [i + 1, ...c.slice(0, 8)]);
  const col = table(wb, SHEET.contractors, "委託先管理台帳", CONTRACTOR_HEADER, rows, { 委託先名: 28, 委託業務内容: 30, 備考: 30 });
  CONTRACTORS.forEach((c, i) => {
    const p = c[8];
    if (p) plant(p[0], SHEET.contractors, FIRST_ROW + i, col[p[1]], p[2]);
  });
}

// ---------------------------------------------------------------------------------------------
// Internal audit records: 経理部 was not audited; one auditor audited her own department.

const AUDIT_HEADER = ["監査日", "被監査部門", "監査員", "監査員の所属", "チェック項目", "結果", "指摘事項", "是正期限", "是正完了日", "備考"];

const AUDITS = [
  [day(2025, 2, 12), HR, "佐藤 花子", ACC, "台帳の見直し・教育の実施状況", "適合", null, null, null],
  [day(2025, 2, 12), HR, "佐藤 花子", ACC, "入退室・来訪者の管理", "不適合", "来訪者受付票の記入漏れ", day(2025, 3, 31), day(2025, 3, 25)],
  [day(2025, 2, 13), SALES, "高橋 健", SALES, "委託先管理・問い合わせ対応", "観察", "委託先評価の根拠資料が散在", null, null, ["audit/self-audit", "監査員の所属", "営業部の監査を営業部所属の監査員が実施"]],
  [day(2025, 2, 14), DEV, "佐藤 花子", ACC, "アクセス権の管理", "不適合", "退職者アカウントの削除漏れ", day(2025, 5, 31), null, ["audit/open-nonconformity", "是正完了日", "是正期限（2025-05-31）を過ぎても是正完了日が空欄"]],
];

function buildAudit(wb) {
  const rows = AUDITS.map((a) => [...a.slice(0, 9), null]);
  const col = table(wb, SHEET.audit, "内部監査報告書（2024年度）", AUDIT_HEADER, rows, { チェック項目: 28, 指摘事項: 28 });
  AUDITS.forEach((a, i) => {
    const p = a[9];
    if (p) plant(p[0], SHEET.audit, FIRST_ROW + i, col[p[1]], p[2]);
  });
}

// ---------------------------------------------------------------------------------------------
// Management review: the last one (2025-01-20) predates the last internal audit (2025-02-14).

const REVIEW_HEADER = ["実施日", "インプット", "アウトプット", "代表者"];

function buildReview(wb) {
  const rows = [
    [day(2024, 1, 22), "2023年度内部監査の結果、苦情・相談の状況、法令改正（改正個人情報保護法）", "教育内容の改訂、委託先評価基準の見直しを指示", "港 一郎"],
    [day(2025, 1, 20), "前回見直しのフォローアップ、事業の変化（海外展示会への出展）、法令等の改正状況", "海外代理店との覚書の整備、JIS Q 15001:2023への移行を指示", "港 一郎"],
  ];
  const col = table(wb, SHEET.review, "マネジメントレビュー（代表者による見直し）記録", REVIEW_HEADER, rows, { インプット: 48, アウトプット: 40 });
  plant("review/overdue", SHEET.review, FIRST_ROW + 1, col["実施日"], "最後の見直し（2025-01-20）は12か月以内だが、その後の内部監査（2025-02-14）の結果がまだ見直されていない（info）");
}

// ---------------------------------------------------------------------------------------------
// Laws list: the act itself and the My Number guideline are missing; one entry not re-checked.

const LAW_HEADER = ["No.", "法令・規範の名称", "所管", "確認日", "関連業務"];

const LAWS = [
  ["個人情報の保護に関する法律施行令", "個人情報保護委員会", day(2025, 4, 25), "全業務"],
  ["個人情報の保護に関する法律施行規則", "個人情報保護委員会", day(2025, 4, 25), "全業務"],
  ["個人情報の保護に関する法律についてのガイドライン（通則編）", "個人情報保護委員会", day(2025, 4, 25), "全業務"],
  ["個人情報の保護に関する法律についてのガイドライン（外国にある第三者への提供編）", "個人情報保護委員会", day(2025, 4, 25), "顧客管理SaaS、海外展示会"],
  ["行政手続における特定の個人を識別するための番号の利用等に関する法律", "デジタル庁", day(2025, 4, 25), "人事・経理（マイナンバー事務）"],
  ["労働基準法", "厚生労働省", day(2025, 4, 25), "人事"],
  ["労働安全衛生法", "厚生労働省", day(2024, 4, 1), "人事（健康診断・ストレスチェック）", ["laws/review-overdue", "確認日", "確認日が2024-04-01（12か月超）"]],
  ["職業安定法", "厚生労働省", day(2025, 4, 25), "採用"],
  ["JIS Q 15001:2023 個人情報保護マネジメントシステム－要求事項", "日本産業標準調査会", day(2025, 4, 25), "全社（PMS）"],
  ["プライバシーマークにおける個人情報保護マネジメントシステム構築・運用指針", "JIPDEC", day(2025, 4, 25), "全社（PMS）"],
];

function buildLaws(wb) {
  const rows = LAWS.map((l, i) => [i + 1, ...l.slice(0, 4)]);
  const col = table(wb, SHEET.laws, "法令等一覧", LAW_HEADER, rows, { 法令・規範の名称: 56, 関連業務: 28 });
  LAWS.forEach((l, i) => {
    const p = l[4];
    if (p) plant(p[0], SHEET.laws, FIRST_ROW + i, col[p[1]], p[2]);
  });
  plant("laws/missing-core", SHEET.laws, HEADER_ROW, col["法令・規範の名称"], "施行令・施行規則・ガイドラインはあるが、個人情報保護法そのものがない");
  plant("laws/missing-mynumber", SHEET.laws, HEADER_ROW, col["法令・規範の名称"], "台帳に特定個人情報があるのに、特定個人情報ガイドライン（事業者編）がない");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = COMPANY;
  wb.lastModifiedBy = COMPANY;
  wb.company = COMPANY;
  wb.title = "PMS 年間記録（テスト用フィクスチャ）";
  wb.created = STAMP;
  wb.modified = STAMP;
  wb.calcProperties = { fullCalcOnLoad: false };

  // Sheet order = SHEET's order; the builders add their sheets in it.
  buildReview(wb);
  buildLedger(wb);
  buildRisk(wb);
  buildTraining(wb);
  buildContractors(wb);
  buildAudit(wb);
  buildLaws(wb);

  const order = Object.values(SHEET);
  planted.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.row - b.row || a.col - b.col || a.rule.localeCompare(b.rule));
  const findings = planted.map((p) => ({ rule: p.rule, sheet: p.sheet, cell: `${letters(p.col)}${p.row}`, note: p.note }));

  await mkdir(OUT_DIR, { recursive: true });
  await wb.xlsx.writeFile(OUT_XLSX);
  await writeFile(OUT_FINDINGS, `${JSON.stringify(findings, null, 2)}\n`, "utf8");
  console.log(`wrote ${path.relative(ROOT, OUT_XLSX)} and ${path.relative(ROOT, OUT_FINDINGS)} (${findings.length} planted)`);
  for (const f of findings) console.log(`  ${f.sheet}!${f.cell}  ${f.rule}  ${f.note}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
