#!/usr/bin/env node
/**
 * Writes the bundled demo workbook templates/samples/個人情報管理台帳_サンプル.xlsx and the list of
 * defects planted in it (templates/samples/expected-findings.json).
 *
 * The workbook is what a 60-person company, 株式会社さくらシステム, keeps for its Privacy Mark:
 * a cover sheet, the personal-information ledger, a long-layout risk analysis, the contractor
 * register, the laws list and a revision history. It is clean except for the defects listed in
 * `planted` (each one an examiner's finding that a rule id of PRODUCT.md §4 detects), checked
 * as of 2025-06-30. Cells of the planted defects are computed from the layout below, so the
 * JSON always matches the workbook.
 *
 * Output is deterministic: fixed dates only, workbook and zip-entry timestamps pinned.
 *
 *   node scripts/make-samples.mjs
 */
import { createRequire } from "node:module";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "templates", "samples");
const OUT_XLSX = path.join(OUT_DIR, "個人情報管理台帳_サンプル.xlsx");
const OUT_FINDINGS = path.join(OUT_DIR, "expected-findings.json");

/** A calendar date at UTC midnight: exceljs turns it into the matching Excel serial. */
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const FIXED_TIMESTAMP = day(2025, 4, 1);

// exceljs zips with JSZip, which stamps every entry with the current time unless a default
// date is set; pinning it makes the .xlsx byte-identical from run to run.
try {
  const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
  requireFromExceljs("jszip").defaults.date = FIXED_TIMESTAMP;
} catch {
  // Without it only the zip timestamps vary; the workbook's content is still fixed.
}

const SHEET = {
  cover: "表紙",
  ledger: "個人情報管理台帳",
  risk: "リスク分析表",
  contractors: "委託先管理台帳",
  laws: "法令等一覧",
  history: "改訂履歴",
};

/** Planted defects: { rule, sheet, row, col, note } collected while the sheets are built. */
const planted = [];
function plant(rule, sheet, row, col, note) {
  planted.push({ rule, sheet, row, col, note });
}

function colLetters(col) {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles

const FONT = { name: "游ゴシック", size: 10 };
const THIN = { style: "thin", color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const LEVEL_FILL = {
  高: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF8CBAD" } },
  中: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFE699" } },
  低: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } },
};
const DATE_FORMAT = "yyyy/mm/dd";

function styleHeader(row) {
  row.height = 36;
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
}

function styleBody(ws, fromRow, toRow, cols) {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    }
  }
}

function title(ws, text, lastCol) {
  ws.getCell(1, 1).value = text;
  ws.getCell(1, 1).font = { ...FONT, size: 16, bold: true };
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getRow(1).height = 28;
}

function approvalBoxes(ws, row, firstCol, names) {
  const labels = ["承認", "確認", "作成"];
  labels.forEach((label, i) => {
    const head = ws.getCell(row, firstCol + i);
    head.value = label;
    head.font = { ...FONT, bold: true };
    head.alignment = { horizontal: "center" };
    head.border = BORDER;
    head.fill = HEADER_FILL;
    const stamp = ws.getCell(row + 1, firstCol + i);
    stamp.value = names[i];
    stamp.font = FONT;
    stamp.alignment = { horizontal: "center", vertical: "middle" };
    stamp.border = BORDER;
  });
  ws.getRow(row + 1).height = 30;
}

function listValidation(cell, values) {
  cell.dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The ledger

const LEDGER_COLUMNS = [
  { key: "no", header: "No.", width: 5 },
  { key: "dept", header: "部署", width: 10 },
  { key: "name", header: "個人情報の名称", width: 20 },
  { key: "items", header: "個人情報の項目", width: 30 },
  { key: "purpose", header: "利用目的", width: 24 },
  { key: "acquisition", header: "取得方法", width: 20 },
  { key: "notice", header: "明示・通知方法", width: 22 },
  { key: "consent", header: "本人同意", width: 7 },
  { key: "count", header: "件数", width: 12 },
  { key: "medium", header: "媒体", width: 7 },
  { key: "place", header: "保管場所", width: 22 },
  { key: "method", header: "保管方法", width: 20 },
  { key: "access", header: "アクセス権を有する者", width: 18 },
  { key: "usePeriod", header: "利用期限", width: 14 },
  { key: "retention", header: "保管期間", width: 14 },
  { key: "disposal", header: "廃棄方法", width: 14 },
  { key: "contractor", header: "委託先", width: 22 },
  { key: "recipient", header: "提供先", width: 20 },
  { key: "sensitive", header: "要配慮個人情報", width: 8 },
  { key: "myNumber", header: "特定個人情報", width: 8 },
  { key: "disclosable", header: "開示対象", width: 8 },
  { key: "category", header: "情報区分", width: 10 },
  { key: "owner", header: "管理責任者", width: 14 },
  { key: "reviewed", header: "見直し日", width: 14 },
  { key: "note", header: "備考", width: 24 },
];
const LEDGER_COL = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.key, i + 1]));
const LEDGER_HEADER_ROW = 5;

const SHAROUSHI = "〇〇社会保険労務士事務所";
const ZEIRISHI = "△△税理士法人";
const CLOUD_MAIL = "株式会社クラウドメール";
const NET_PRINT = "株式会社ネット印刷";
/** Maintains the door-access system; missing from the contractor register (planted). */
const SECURE_GATE = "株式会社セキュアゲート";

/**
 * One entry per ledger row. `impact` is the item's impact on the 1–3 scale used in the risk
 * sheet (3 for sensitive, My Number and payment data, the profile's floor). `risks` overrides
 * the default risk and measure of a phase. `defects` names the planted defects of the row.
 */
const LEDGER = [
  {
    no: 1, dept: "人事部", name: "従業員名簿",
    items: "氏名、社員番号、生年月日、住所、電話番号、入社日、所属・役職、緊急連絡先",
    purpose: "人事労務管理、緊急時の連絡", acquisition: "本人から直接（入社時提出書類）",
    notice: "入社時に「個人情報の取扱いについて」を書面で明示", consent: "○", count: "60名",
    medium: "電子", place: "人事システム（社内サーバー）", method: "ID・パスワードによるアクセス制御",
    access: "人事部長、人事部担当者", usePeriod: "退職まで", retention: "退職後7年", disposal: "データ消去",
    contractor: SHAROUSHI, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "人事部長", reviewed: day(2025, 4, 10), note: null, impact: 2,
    risks: {
      acquire: ["入社書類の記入漏れ・転記の誤り", "入力後に別の担当者が提出書類と照合する", 2],
      entrust: ["社労士事務所での漏えい・無断での再委託", "委託先評価を年1回実施し、覚書で再委託の事前承認を定める", 1],
    },
    defects: ["no-risk-row"],
  },
  {
    no: 2, dept: "人事部", name: "給与台帳",
    items: "氏名、社員番号、基本給、諸手当、控除額、支給額、振込先口座",
    purpose: "給与計算・支払", acquisition: "本人から直接（入社時提出書類）、勤怠システム",
    notice: "入社時に「個人情報の取扱いについて」を書面で明示", consent: "○", count: "60名",
    medium: "電子", place: "給与システム（社内サーバー）", method: "アクセス制御（給与担当者のみ）",
    access: "人事部長、給与担当者", usePeriod: "退職まで", retention: "7年", disposal: "データ消去",
    contractor: SHAROUSHI, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "人事部長", reviewed: day(2025, 4, 10), note: null, impact: 3,
    risks: {
      transfer: ["給与データを社労士へ送る際の誤送信", "暗号化ファイル転送サービスで送付し、送信前に宛先を二人で確認する", 2],
      use: ["給与計算担当者以外による閲覧", "給与システムの権限を給与担当者2名に限定し、操作ログを月次で確認する", 1],
    },
    // The contractor is recorded, but the risk sheet has no 委託・提供 row for this item.
    defects: ["phase-missing"],
  },
  {
    no: 3, dept: "人事部", name: "源泉徴収票",
    items: "氏名、住所、個人番号、支払金額、源泉徴収税額、扶養親族の数",
    purpose: "源泉徴収事務（法定調書の作成・提出）", acquisition: "給与システムのデータから作成",
    notice: "入社時に「個人情報の取扱いについて」を書面で明示", consent: "○", count: 60,
    medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管、鍵は人事部長が管理",
    access: "人事部長、給与担当者", usePeriod: "翌年1月末まで", retention: "7年", disposal: "溶解処理",
    contractor: ZEIRISHI, recipient: "所轄税務署、市区町村", sensitive: "×", myNumber: "有", disclosable: "○",
    owner: "人事部長", reviewed: day(2025, 4, 11), note: "税務署提出用に個人番号を記載", impact: 3,
    risks: {
      transfer: ["本人への配付時の封入間違い・取り違え", "封入時に氏名を二人で照合し、封緘して手渡しする", 2],
      use: ["番号法で認められた事務以外での個人番号の利用（目的外利用）", "個人番号を扱う事務を特定個人情報取扱規程で限定する", 1],
      entrust: ["税理士法人への受け渡し時の紛失、委託先での漏えい", "受け渡しは手渡しで受領記録を残し、委託先評価を年1回実施する", 1],
    },
  },
  {
    no: 4, dept: "人事部", name: "マイナンバー（扶養控除等申告書）",
    items: "氏名、個人番号、住所、生年月日、扶養親族の氏名・個人番号・続柄",
    purpose: "源泉徴収事務、社会保険手続", acquisition: "本人から直接（申告書の提出）",
    notice: "個人番号の取得時に利用目的を書面で明示", consent: "○", count: "60名",
    medium: "紙", place: "施錠キャビネット（人事部・特定個人情報専用）", method: "施錠保管、取扱区域を限定",
    access: "事務取扱担当者（2名）", usePeriod: "源泉徴収事務の終了まで", retention: "7年",
    disposal: "溶解処理（廃棄記録を作成）", contractor: ZEIRISHI, recipient: null, sensitive: "×",
    myNumber: "有", disclosable: "○", owner: "人事部長", reviewed: day(2025, 4, 11), note: null, impact: 3,
    risks: {
      acquire: ["本人確認を行わずに個人番号を取得する", "番号確認と身元確認を行い、確認記録を残す", 1],
      transfer: ["税理士法人への受け渡し時の紛失", "受け渡しは手渡しとし、受領記録を残す", 1],
      use: ["番号法で認められた事務以外での利用（目的外利用）", "利用事務を特定個人情報取扱規程で限定し、事務取扱担当者以外の取扱いを禁止する", 1],
      dispose: ["保存期間経過後の廃棄の遅れ", "年1回、保存期間を過ぎた申告書を抽出して溶解処理し、廃棄記録を作成する", 1],
    },
  },
  {
    no: 5, dept: "人事部", name: "健康診断結果",
    items: "氏名、社員番号、年齢、健診結果、所見、医師の意見",
    purpose: "安全配慮義務の履行、就業上の措置", acquisition: "健診機関から受領",
    notice: "就業規則・健康管理規程で明示", consent: "×", count: "60名",
    medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管、鍵は人事部長が管理",
    access: "人事部長、産業医", usePeriod: "退職まで", retention: "5年", disposal: "溶解処理",
    contractor: null, recipient: null, sensitive: "○", myNumber: "無", disclosable: "○",
    owner: "人事部長", reviewed: day(2025, 4, 11), note: null, impact: 3,
    risks: {
      acquire: ["健診機関からの結果送付時の誤配・開封", "親展・簡易書留での送付を健診機関に依頼する", 1],
      transfer: ["本人への結果返却時の他人への誤配付", "封緘した封筒に入れ、本人に直接手渡しする", 2],
      use: ["健康情報の目的外利用（人事評価への流用）", "閲覧を人事部長と産業医に限定し、就業上の措置以外に利用しない", 1],
    },
    // 要配慮 ○ but 本人同意 ×.
    defects: ["sensitive-without-consent"],
  },
  {
    no: 6, dept: "人事部", name: "採用応募者の履歴書・職務経歴書",
    items: "氏名、住所、生年月日、電話番号、メールアドレス、学歴、職歴、資格、写真",
    purpose: "採用選考、応募者への連絡", acquisition: "本人から直接（履歴書の郵送・持参）",
    notice: "募集要項と面接時の書面で明示", consent: "○", count: "約80件",
    medium: "紙", place: "施錠キャビネット（人事部）", method: "施錠保管",
    access: "人事部長、採用担当者、面接官", usePeriod: "選考終了まで", retention: "選考終了後6か月",
    disposal: "シュレッダー", contractor: null, recipient: null, sensitive: "×", myNumber: "無",
    disclosable: "○", owner: "人事部長", reviewed: day(2025, 4, 14), note: "不採用者の書類は希望により返却", impact: 2,
    risks: {
      use: ["面接後に履歴書を机上に放置し、他の従業者に見られる", "面接終了後に採用担当者がその場で回収する", 2],
    },
  },
  {
    // Added as the electronic twin of No. 6, and the number was copied (planted duplicate).
    no: 6, dept: "人事部", name: "応募者データ（採用ページ）",
    items: "氏名、メールアドレス、電話番号、職務経歴、応募書類のPDF",
    purpose: "採用選考、面接日程の連絡", acquisition: "本人から直接（自社採用ページの応募フォーム）",
    notice: "応募フォームのプライバシーポリシーで明示", consent: "○", count: "１５０件",
    medium: "電子", place: "社内ファイルサーバー（採用フォルダ）", method: "アクセス制御（採用担当者のみ）",
    access: "人事部長、採用担当者", usePeriod: "選考終了まで", retention: "選考終了後6か月",
    disposal: "データ消去", contractor: null, recipient: null, sensitive: "×", myNumber: "無",
    disclosable: "○", owner: "人事部長", reviewed: day(2025, 4, 14), note: null, impact: 2,
    risks: {
      acquire: ["応募フォームの通信の盗聴", "応募フォームはTLSで暗号化し、受信データは社内サーバーにのみ保存する", 1],
    },
    defects: ["duplicate-id"],
  },
  {
    no: 7, dept: "総務部", name: "入退室記録",
    items: "氏名、社員番号、カードID、入退室日時",
    purpose: "入退室管理、セキュリティの確保", acquisition: "入退室管理システムで自動取得",
    notice: "就業規則・情報セキュリティ規程で明示", consent: "○", count: "約15,000件",
    medium: "電子", place: "入退室管理システム（社内サーバー）", method: "アクセス制御（管理者のみ）",
    access: "総務部長、システム管理者", usePeriod: "3年", retention: "3年", disposal: "データ消去",
    contractor: SECURE_GATE, recipient: null, sensitive: "×", myNumber: "無", disclosable: "×",
    owner: "総務部長", reviewed: day(2025, 4, 15), note: "システム保守を委託", impact: 1,
    risks: {
      acquire: ["ICカードの貸し借りによる不正確な記録", "カードの貸与禁止を就業規則に定め、月次でログを確認する", 2],
      transfer: ["抽出したログを社内メールで送る際の誤送信", "抽出データはパスワード付きで送付し、送信前に宛先を確認する", 1],
      use: ["勤怠の監視など目的外での利用", "利用はセキュリティ上の調査に限定し、閲覧記録を残す", 1],
      entrust: ["保守作業時のログの持ち出し", "保守作業は総務部員の立会いのもとで行い、作業記録を残す", 1],
    },
    // 委託先 not in the contractor register; the risk sheet also has a 「点検」 row for it.
    defects: ["contractor-not-registered", "unknown-phase-row"],
  },
  {
    no: 8, dept: "総務部", name: "来訪者受付票",
    items: "来訪者の氏名、会社名、訪問先、入退館時刻",
    purpose: "来訪者の入館管理", acquisition: "本人が受付票に記入",
    notice: "受付に利用目的を掲示", consent: "○", count: "約600件",
    medium: "紙", place: "受付の施錠キャビネット", method: "施錠保管",
    access: "総務部担当者", usePeriod: "1年", retention: "1年", disposal: "シュレッダー",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "総務部長", reviewed: day(2025, 4, 15), note: null, impact: 1,
    risks: {
      acquire: ["受付票の記入内容を他の来訪者に見られる", "1名1枚の受付票とし、記入後すぐに回収する", 2],
      transfer: ["受付から総務部へ回収する際の紛失", "終業時に総務部担当者が回収し、枚数を確認する", 1],
    },
  },
  {
    no: 9, dept: "総務部", name: "誓約書・同意書（従業者）",
    items: "氏名、住所、署名、提出日",
    purpose: "秘密保持・個人情報保護の誓約と同意の管理", acquisition: "本人から直接（入社時に提出）",
    notice: "入社時に書面で明示", consent: "○", count: "60名",
    medium: "紙", place: "施錠キャビネット（総務部）", method: "施錠保管",
    access: "総務部長", usePeriod: "退職まで", retention: "退職後5年", disposal: "溶解処理",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "総務部長", reviewed: day(2025, 4, 15), note: null, impact: 1,
    risks: {
      transfer: ["人事部から総務部へ回付する際の紛失", "回付は手渡しとし、受領印をもらう", 1],
    },
  },
  {
    no: 10, dept: "総務部", name: "教育受講記録（理解度テスト）",
    items: "氏名、所属、受講日、理解度テストの点数",
    purpose: "個人情報保護教育の実施管理", acquisition: "本人が回答（社内eラーニング）",
    notice: "教育の実施時に画面で明示", consent: "○", count: "60名",
    medium: "電子", place: "社内ファイルサーバー（総務フォルダ）", method: "アクセス制御",
    access: "総務部長、個人情報保護管理者", usePeriod: "3年", retention: "3年", disposal: "データ消去",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "総務部長", reviewed: day(2025, 4, 15), note: null, impact: 1,
    risks: {
      acquire: ["テスト結果の集計誤り", "eラーニングの自動採点結果をそのまま出力し、手入力しない", 1],
      transfer: ["結果ファイルのメール誤送信", "結果ファイルは共有フォルダで受け渡し、メールに添付しない", 1],
    },
  },
  {
    no: 11, dept: "営業部", name: "顧客名簿",
    items: "会社名、部署、担当者氏名、電話番号、メールアドレス、取引履歴",
    purpose: "商品・サービスの提供、保守の連絡、新製品のご案内", acquisition: "販売管理システムから抽出",
    notice: "Webサイトのプライバシーポリシーで公表", consent: null, count: "約1,200件",
    medium: "電子", place: "販売管理システム（社内サーバー）", method: "アクセス制御（営業部のみ）",
    access: "営業部長、営業部員", usePeriod: "取引終了まで", retention: "取引終了後5年", disposal: "データ消去",
    contractor: NET_PRINT, recipient: "販売代理店（株式会社ミドリ販売）", sensitive: "×", myNumber: "無",
    disclosable: "○", owner: "営業部長", reviewed: day(2025, 4, 16), note: "DMの宛名印刷を委託", impact: 2,
    risks: {
      acquire: ["抽出条件の誤りによる不要なデータの出力", "抽出条件を営業部長が確認してから出力する", 2],
      transfer: ["顧客リストのメール誤送信", "顧客リストの社外送信は営業部長の承認制とし、暗号化して送付する", 2],
      store: ["不正アクセスによる顧客データの漏えい", "ファイアウォールとウイルス対策ソフトを導入し、OS更新を月次で確認する", 2, 3],
      entrust: ["DM宛名データの委託先での漏えい、販売代理店への誤送付", "宛名データは暗号化して送付し、委託先・提供先ごとに送付記録を残す", 1],
    },
    // 提供先 recorded, 本人同意 blank; the 保管 row's stored リスク値 is overwritten.
    defects: ["provision-without-consent", "score-mismatch"],
  },
  {
    no: 12, dept: "営業部", name: "見積書・契約書",
    items: "会社名、担当者氏名、住所、署名、契約金額",
    purpose: "契約の締結・履行、請求", acquisition: "取引先の担当者から受領",
    notice: "Webサイトのプライバシーポリシーで公表", consent: "○", count: 300,
    medium: "紙", place: "施錠キャビネット（営業部）", method: "施錠保管",
    access: "営業部長、営業部員", usePeriod: "契約終了まで", retention: "契約終了後7年", disposal: "溶解処理",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "営業部長", reviewed: day(2025, 4, 16), note: null, impact: 2,
    risks: {
      transfer: ["契約書の郵送時の紛失・誤送付", "簡易書留で送付し、発送記録を残す", 2],
    },
  },
  {
    no: 13, dept: "営業部", name: "問い合わせフォーム",
    items: "氏名、会社名、メールアドレス、電話番号、問い合わせ内容",
    purpose: "問い合わせへの回答", acquisition: "Webフォーム",
    notice: null, consent: null, count: "約400件",
    medium: "電子", place: "問い合わせ管理システム（社内サーバー）", method: "アクセス制御",
    access: "営業部員", usePeriod: "回答完了まで", retention: "3年", disposal: "データ消去",
    contractor: CLOUD_MAIL, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "営業部長", reviewed: day(2025, 4, 16), note: "フォームの受信メールは委託先のサーバーを経由", impact: 2,
    risks: {
      acquire: ["フォームの改ざん・通信の盗聴による入力内容の漏えい", "フォームはTLSで暗号化し、WAFを設定する", 2],
    },
    // Acquired directly by Web form with neither consent nor notice recorded.
    defects: ["direct-acquisition-without-consent"],
  },
  {
    no: 14, dept: "営業部", name: "名刺",
    items: "氏名、会社名、部署・役職、電話番号、メールアドレス",
    purpose: "営業活動、取引先との連絡", acquisition: "名刺交換",
    notice: "Webサイトのプライバシーポリシーで公表", consent: "○", count: "約2,000件",
    medium: "紙", place: "各営業部員の施錠できる袖机", method: "施錠保管",
    access: "営業部員", usePeriod: "取引終了まで", retention: null, disposal: "シュレッダー",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "営業部長", reviewed: day(2025, 4, 16), note: null, impact: 1,
    risks: {
      acquire: ["受け取った名刺の外出先での置き忘れ", "名刺は名刺入れで持ち帰り、当日中に袖机へ保管する", 2],
      transfer: ["名刺の社内回覧時の紛失", "回覧はせず、必要な連絡先は販売管理システムに登録して共有する", 1],
      store: ["名刺の紛失・机上への放置", "施錠できる袖机に保管し、退社時に机上に何も残っていないことを確認する", 2],
    },
    // 保管期間 left blank.
    defects: ["retention-empty"],
  },
  {
    no: 15, dept: "営業部", name: "メールマガジン配信リスト",
    items: "氏名、会社名、メールアドレス、配信停止の有無",
    purpose: "メールマガジンの配信", acquisition: "Webフォームでの購読申込",
    notice: "申込画面で利用目的を明示", consent: "○", count: "多数",
    medium: "電子", place: "メール配信システム（委託先サーバー）", method: "アクセス制御（2段階認証）",
    access: "営業部担当者", usePeriod: "配信停止まで", retention: "配信停止後1年", disposal: "データ消去",
    contractor: CLOUD_MAIL, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "営業部長", reviewed: day(2025, 4, 17), note: null, impact: 2,
    risks: {
      acquire: ["なりすましによる第三者のアドレスの登録", "ダブルオプトインで本人のアドレスであることを確認する", 2],
      transfer: ["配信リストのアップロード時に別のリストを取り違える", "アップロード前に件数と宛先を二人で確認する", 1],
    },
    // 件数 「多数」 cannot be read as a count.
    defects: ["count-invalid"],
  },
  {
    no: 16, dept: "経理部", name: "取引先担当者・振込口座",
    items: "会社名、担当者氏名、電話番号、金融機関名、支店名、口座番号、口座名義",
    purpose: "支払・入金の管理", acquisition: "取引先から口座登録依頼書で受領",
    notice: "取引開始時に書面で明示", consent: "○", count: "約250件",
    medium: "電子", place: "会計システム（社内サーバー）", method: "アクセス制御（経理部のみ）",
    access: "経理部長、経理部員", usePeriod: "取引終了まで", retention: "取引終了後7年", disposal: "データ消去",
    contractor: ZEIRISHI, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "経理部長", reviewed: day(2025, 4, 18), note: null, impact: 3,
    risks: {
      acquire: ["口座情報の登録誤りによる誤振込", "登録依頼書と入力内容を経理部長が照合して承認する", 1],
    },
  },
  {
    no: 17, dept: "経理部", name: "請求書控え",
    items: "会社名、担当者氏名、住所、請求金額",
    purpose: "請求・入金の管理、税務申告", acquisition: "自社で作成",
    notice: "取引開始時に書面で明示", consent: "○", count: "約1,500件",
    medium: "紙", place: "書庫（施錠）", method: "施錠保管、年度別のファイルで管理",
    access: "経理部長、経理部員", usePeriod: "入金確認まで", retention: "7年", disposal: "溶解処理",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "○",
    owner: "経理部長", reviewed: "令和6年4月1日", note: null, impact: 2,
    risks: {
      acquire: ["請求書控えの綴じ漏れ・紛失", "発行した日のうちに控えを年度別ファイルへ綴じる", 1],
      transfer: ["請求書の封入間違いによる誤送付", "封入時に宛名と請求書を二人で照合する", 2],
    },
    // 見直し日 2024-04-01 (in 和暦): more than 12 months before 2025-06-30.
    defects: ["review-overdue"],
  },
  {
    no: 18, dept: "情報システム部", name: "アクセスログ（社内システム）",
    items: "社員番号、ユーザーID、IPアドレス、アクセス日時、操作内容",
    purpose: "不正アクセスの検知・調査", acquisition: "システムで自動取得",
    notice: "情報セキュリティ規程で明示", consent: "○", count: "約500,000件",
    medium: "電子", place: "ログサーバー（社内）", method: "アクセス制御（管理者のみ）、改ざん防止設定",
    access: "システム管理者", usePeriod: "1年", retention: "1年", disposal: "データ消去（自動削除）",
    contractor: null, recipient: null, sensitive: "×", myNumber: "無", disclosable: "×",
    owner: "情報システム部長", reviewed: "2025/13/01", note: null, impact: 1,
    risks: {
      acquire: ["ログ取得設定の漏れによる記録の欠落", "ログ取得設定を四半期ごとに確認する", 1],
      transfer: ["ログサーバーへの転送時の通信の盗聴", "ログの転送は社内ネットワーク内で暗号化して行う", 1],
      use: ["調査目的以外でのログの閲覧（目的外利用）", "ログの閲覧は情報システム部長の承認制とし、閲覧記録を残す", 1],
      store: ["ログの改ざん・消失", "ログサーバーへのアクセスを管理者に限定し、改ざん検知を設定する", 1, 2],
      dispose: ["保存期間経過後の自動削除の失敗", "自動削除の実行結果を月次で確認する", 1],
    },
    // 見直し日 「2025/13/01」 is no date.
    defects: ["date-invalid"],
  },
];

function buildLedger(wb) {
  const ws = wb.addWorksheet(SHEET.ledger, {
    views: [{ state: "frozen", xSplit: 3, ySplit: LEDGER_HEADER_ROW, topLeftCell: "D6", activeCell: "D6" }],
    pageSetup: { orientation: "landscape", paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  title(ws, "個人情報管理台帳", 6);
  ws.getCell("A2").value = "株式会社さくらシステム";
  ws.getCell("A2").font = { ...FONT, size: 12, bold: true };
  ws.getCell("A3").value = "改訂日：2025年4月1日（第5版）";
  ws.getCell("A3").font = FONT;
  ws.getCell("E3").value = "個人情報保護管理者：情報システム部長 田中 一郎";
  ws.getCell("E3").font = FONT;
  approvalBoxes(ws, 2, LEDGER_COL.category, ["桜井", "田中", "山本"]);

  const header = ws.getRow(LEDGER_HEADER_ROW);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);

  LEDGER.forEach((item, i) => {
    const r = LEDGER_HEADER_ROW + 1 + i;
    item.row = r;
    // Every item here is plain personal information (no 仮名加工・匿名加工・個人関連情報).
    const values = { category: "個人情報", ...item };
    ws.getRow(r).values = LEDGER_COLUMNS.map((c) => values[c.key] ?? null);
  });
  const lastRow = LEDGER_HEADER_ROW + LEDGER.length;
  styleBody(ws, LEDGER_HEADER_ROW + 1, lastRow, LEDGER_COLUMNS.length);
  for (let r = LEDGER_HEADER_ROW + 1; r <= lastRow; r++) {
    for (const key of ["no", "consent", "medium", "sensitive", "myNumber", "disclosable"]) {
      ws.getCell(r, LEDGER_COL[key]).alignment = { vertical: "top", horizontal: "center" };
    }
    listValidation(ws.getCell(r, LEDGER_COL.consent), ["○", "×"]);
    listValidation(ws.getCell(r, LEDGER_COL.medium), ["紙", "電子"]);
    listValidation(ws.getCell(r, LEDGER_COL.sensitive), ["○", "×"]);
    listValidation(ws.getCell(r, LEDGER_COL.myNumber), ["有", "無"]);
    listValidation(ws.getCell(r, LEDGER_COL.disclosable), ["○", "×"]);
    listValidation(ws.getCell(r, LEDGER_COL.category), ["個人情報", "仮名加工情報", "匿名加工情報", "個人関連情報"]);
  }
  ws.autoFilter = { from: { row: LEDGER_HEADER_ROW, column: 1 }, to: { row: lastRow, column: LEDGER_COLUMNS.length } };

  const cellOf = (item, key) => [item.row, LEDGER_COL[key]];
  const firstNo = new Map();
  for (const item of LEDGER) {
    const defects = item.defects ?? [];
    if (firstNo.has(item.no)) {
      plant("ledger/duplicate-id", SHEET.ledger, ...cellOf(item, "no"), `No. ${item.no} が ${firstNo.get(item.no)} 行目と重複`);
    } else {
      firstNo.set(item.no, item.row);
    }
    if (defects.includes("retention-empty"))
      plant("ledger/required-empty", SHEET.ledger, ...cellOf(item, "retention"), `${item.name}：保管期間が空欄`);
    if (defects.includes("sensitive-without-consent"))
      plant("ledger/sensitive-without-consent", SHEET.ledger, ...cellOf(item, "consent"), `${item.name}：要配慮○、本人同意×`);
    if (defects.includes("provision-without-consent")) {
      plant("ledger/provision-without-consent", SHEET.ledger, ...cellOf(item, "consent"), `${item.name}：提供先あり、本人同意が空欄`);
      // The same row records no provision record either (APPI 第29条).
      plant("ledger/provision-unrecorded", SHEET.ledger, ...cellOf(item, "recipient"), `${item.name}：提供先あり、提供記録の保存先が台帳にない`);
    }
    if (defects.includes("direct-acquisition-without-consent"))
      plant("ledger/direct-acquisition-without-consent", SHEET.ledger, ...cellOf(item, "consent"), `${item.name}：Webフォームで直接取得、本人同意・明示とも空欄`);
    if (defects.includes("review-overdue"))
      plant("ledger/review-overdue", SHEET.ledger, ...cellOf(item, "reviewed"), `${item.name}：見直し日 令和6年4月1日（2024-04-01）`);
    if (defects.includes("count-invalid"))
      plant("cell/invalid-value", SHEET.ledger, ...cellOf(item, "count"), `${item.name}：件数「多数」`);
    if (defects.includes("date-invalid"))
      plant("cell/invalid-value", SHEET.ledger, ...cellOf(item, "reviewed"), `${item.name}：見直し日「2025/13/01」`);
    if (defects.includes("phase-missing"))
      plant("risk/phase-missing", SHEET.ledger, ...cellOf(item, "name"), `${item.name}：委託先があるのに「委託・提供」のリスク分析がない`);
    if (defects.includes("contractor-not-registered"))
      plant("contractor/not-registered", SHEET.ledger, ...cellOf(item, "contractor"), `${item.name}：委託先「${item.contractor}」が委託先管理台帳にない`);
  }
  return ws;
}

// ---------------------------------------------------------------------------------------------
// The risk analysis (long layout: one row per ledger item × phase)

const PHASES = [
  { id: "acquire", label: "取得・入力" },
  { id: "transfer", label: "移送・送信" },
  { id: "use", label: "利用・加工" },
  { id: "store", label: "保管・バックアップ" },
  { id: "entrust", label: "委託・提供" },
  { id: "dispose", label: "消去・廃棄" },
];

/** Default [risk, measure, likelihood] per medium and phase, before item overrides. */
const DEFAULT_RISKS = {
  紙: {
    acquire: ["受領した書類の紛失・記入内容の誤り", "受領時に受付記録を付け、当日中に施錠キャビネットへ収納する", 1],
    transfer: ["社内外への持ち運び・郵送時の紛失、誤送付", "封筒に入れて手渡しし、郵送は簡易書留を使う", 2],
    use: ["利用目的の範囲を超えた利用（目的外利用）", "利用目的を個人情報取扱規程に明記し、閲覧者を限定する", 1],
    store: ["キャビネットの施錠忘れによる紛失・盗難", "施錠キャビネットで保管し、鍵は管理責任者が管理する。退社時に施錠を確認する", 2],
    entrust: ["委託先での漏えい・無断での再委託", "委託先評価を年1回実施し、覚書で再委託の事前承認を定める", 1],
    dispose: ["廃棄書類からの情報漏えい", "施錠回収箱に投入して溶解処理し、廃棄記録を作成する", 1],
  },
  電子: {
    acquire: ["入力誤りによる内容の不正確", "入力後に別の担当者が照合する", 2],
    transfer: ["メールの誤送信・通信の盗聴", "ファイルは暗号化して送付し、送信前に宛先を確認する。通信はTLSで暗号化する", 2],
    use: ["権限のない従業者による閲覧・持ち出し", "ID・パスワードによるアクセス制御とUSBメモリの使用禁止", 2],
    store: ["不正アクセス・マルウェア感染による漏えい、障害による消失", "ウイルス対策ソフトとOS更新を月次で確認し、日次でバックアップを取得する", 2],
    entrust: ["委託先での漏えい・目的外利用", "委託先評価を年1回実施し、覚書を締結する", 1],
    dispose: ["保管期間経過後の削除漏れ、廃棄PCからの漏えい", "保管期間の経過時に削除し、PCはデータ消去ソフトで消去して記録を残す", 1],
  },
};

/** Risks of improper handling: the guideline allows no residual above 低 for them. */
const IMPROPER_HANDLING = /目的外|不正取得|同意|法令違反|無断/;

function levelOf(score) {
  if (score >= 6) return "高";
  if (score >= 3) return "中";
  return "低";
}

function residualFor(risk, level) {
  if (IMPROPER_HANDLING.test(risk)) return "低";
  return level === "高" ? "中" : "低";
}

const RISK_COLUMNS = [
  { header: "No.", width: 5 },
  { header: "管理番号", width: 7 },
  { header: "個人情報の名称", width: 22 },
  { header: "局面", width: 14 },
  { header: "リスク", width: 36 },
  { header: "発生可能性", width: 7 },
  { header: "影響度", width: 7 },
  { header: "リスク値", width: 7 },
  { header: "リスクレベル", width: 8 },
  { header: "対策", width: 44 },
  { header: "残存リスク", width: 8 },
  { header: "受容", width: 12 },
];
const RC = { no: 1, ref: 2, name: 3, phase: 4, risk: 5, likelihood: 6, impact: 7, score: 8, level: 9, measure: 10, residual: 11, acceptance: 12 };
const RISK_HEADER_ROW = 4;
const ACCEPTED_ON = day(2025, 5, 20);

function riskRowsFor(item) {
  const hasThirdParty = Boolean(item.contractor || item.recipient);
  const defects = item.defects ?? [];
  const rows = [];
  for (const phase of PHASES) {
    if (phase.id === "entrust" && (!hasThirdParty || defects.includes("phase-missing"))) continue;
    const [risk, measure, likelihood, impactOverride] =
      item.risks?.[phase.id] ?? DEFAULT_RISKS[item.medium][phase.id];
    const impact = impactOverride ?? item.impact;
    rows.push({ ref: item.no, name: item.name, phase: phase.label, risk, measure, likelihood, impact, tag: phase.id });
    if (phase.id === "store" && defects.includes("no-risk-row")) {
      // A continuation row whose risk was never written.
      rows.push({
        ref: item.no, name: item.name, phase: phase.label, risk: null,
        measure: "バックアップデータは暗号化して別拠点のNASへ週次で保存する", likelihood: 1, impact: item.impact,
        defect: "risk/no-risk-described",
      });
    }
  }
  if (defects.includes("unknown-phase-row")) {
    rows.push({
      ref: item.no, name: item.name, phase: "点検", risk: "入退室ログの確認漏れによる不正入室の見逃し",
      measure: "総務部長が月1回ログを確認し、確認記録を残す", likelihood: 2, impact: 1,
      defect: "risk/unknown-phase",
    });
  }
  if (defects.includes("score-mismatch")) {
    const row = rows.find((x) => x.tag === "store");
    row.storedScore = 4; // formula overwritten by hand with a stale value; 2 × 3 = 6
    row.defect = "risk/score-mismatch";
  }
  return rows;
}

function buildRisk(wb) {
  const ws = wb.addWorksheet(SHEET.risk, {
    views: [{ state: "frozen", xSplit: 4, ySplit: RISK_HEADER_ROW, topLeftCell: "E5", activeCell: "E5" }],
    pageSetup: { orientation: "landscape", paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = RISK_COLUMNS.map((c) => ({ width: c.width }));
  title(ws, "リスク分析表（個人情報保護リスクアセスメント）", 6);
  ws.getCell("A2").value = "株式会社さくらシステム　実施日：2025年5月20日　承認：代表取締役 桜井 2025年5月20日";
  ws.getCell("A2").font = FONT;
  ws.getCell("A3").value =
    "評価基準：リスク値＝発生可能性（1〜3）×影響度（1〜3）。高：6〜9（対策必須）、中：3〜4、低：1〜2。残存リスクが中を超える場合は代表者の受容承認を記録する。";
  ws.getCell("A3").font = { ...FONT, size: 9 };

  const header = ws.getRow(RISK_HEADER_ROW);
  header.values = RISK_COLUMNS.map((c) => c.header);
  styleHeader(header);

  const rows = LEDGER.flatMap(riskRowsFor);
  rows.push({
    // Left over from an item deleted from the ledger (No. 19 no longer exists).
    ref: 19, name: "年賀状送付先リスト", phase: "保管・バックアップ", risk: "宛名データファイルの紛失",
    measure: "共有フォルダのアクセス権を営業部に限定する", likelihood: 1, impact: 2, defect: "risk/orphan-row",
  });

  rows.forEach((x, i) => {
    const r = RISK_HEADER_ROW + 1 + i;
    const score = x.likelihood * x.impact;
    const level = levelOf(score);
    const residual = residualFor(x.risk ?? "", level);
    const values = [];
    values[RC.no] = i + 1;
    values[RC.ref] = x.ref;
    values[RC.name] = x.name;
    values[RC.phase] = x.phase;
    values[RC.risk] = x.risk;
    values[RC.likelihood] = x.likelihood;
    values[RC.impact] = x.impact;
    values[RC.score] =
      x.storedScore !== undefined ? x.storedScore : { formula: `F${r}*G${r}`, result: score };
    values[RC.level] = level;
    values[RC.measure] = x.measure;
    values[RC.residual] = residual;
    values[RC.acceptance] = residual === "中" ? ACCEPTED_ON : null;
    ws.getRow(r).values = values;
    if (x.defect) {
      const col = {
        "risk/no-risk-described": RC.risk,
        "risk/unknown-phase": RC.phase,
        "risk/score-mismatch": RC.score,
        "risk/orphan-row": RC.ref,
      }[x.defect];
      plant(x.defect, SHEET.risk, r, col, `${x.name}（${x.phase}）`);
    }
  });
  const lastRow = RISK_HEADER_ROW + rows.length;
  styleBody(ws, RISK_HEADER_ROW + 1, lastRow, RISK_COLUMNS.length);
  for (let r = RISK_HEADER_ROW + 1; r <= lastRow; r++) {
    for (const c of [RC.no, RC.ref, RC.likelihood, RC.impact, RC.score, RC.level, RC.residual]) {
      ws.getCell(r, c).alignment = { vertical: "top", horizontal: "center" };
    }
    ws.getCell(r, RC.level).fill = LEVEL_FILL[ws.getCell(r, RC.level).value];
    ws.getCell(r, RC.residual).fill = LEVEL_FILL[ws.getCell(r, RC.residual).value];
    listValidation(ws.getCell(r, RC.phase), PHASES.map((p) => p.label));
    listValidation(ws.getCell(r, RC.likelihood), ["1", "2", "3"]);
    listValidation(ws.getCell(r, RC.impact), ["1", "2", "3"]);
    listValidation(ws.getCell(r, RC.residual), ["高", "中", "低"]);
  }
  ws.autoFilter = { from: { row: RISK_HEADER_ROW, column: 1 }, to: { row: lastRow, column: RISK_COLUMNS.length } };
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Contractor register, laws list, cover and revision history

const CONTRACTORS = [
  [1, SHAROUSHI, "社会保険・労働保険の手続、給与計算の確認", "従業員名簿、給与台帳", day(2025, 4, 21), "適", "済", null],
  [2, ZEIRISHI, "年末調整・法定調書の作成、税務申告", "源泉徴収票、扶養控除等申告書、取引先の振込口座", day(2025, 4, 21), "適", "済", null],
  [3, CLOUD_MAIL, "メール配信、Webフォームの受信メールの中継", "メールマガジン配信リスト、問い合わせ内容", day(2025, 4, 22), "適", "済", "Pマーク取得事業者"],
  [4, NET_PRINT, "DMの宛名印刷・発送", "顧客名簿（宛名）", day(2025, 4, 22), "適", "済", null],
];

function buildContractors(wb) {
  const ws = wb.addWorksheet(SHEET.contractors, { views: [{ state: "frozen", ySplit: 3 }] });
  const headers = ["No.", "委託先名称", "委託業務内容", "取り扱う個人情報", "評価日", "評価結果", "覚書締結", "備考"];
  ws.columns = [5, 26, 30, 32, 12, 8, 8, 20].map((width) => ({ width }));
  title(ws, "委託先管理台帳", 4);
  const header = ws.getRow(3);
  header.values = headers;
  styleHeader(header);
  CONTRACTORS.forEach((values, i) => {
    ws.getRow(4 + i).values = values;
  });
  styleBody(ws, 4, 3 + CONTRACTORS.length, headers.length);
  return ws;
}

const LAWS = [
  [1, "個人情報の保護に関する法律", "個人情報保護委員会", day(2022, 4, 1), "全業務", "令和2年改正法の全面施行日"],
  [2, "個人情報の保護に関する法律施行令", "個人情報保護委員会", day(2022, 4, 1), "全業務", null],
  [3, "個人情報の保護に関する法律についてのガイドライン（通則編）", "個人情報保護委員会", day(2024, 4, 1), "全業務", null],
  [4, "行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）", "デジタル庁", day(2016, 1, 1), "人事・経理（マイナンバー事務）", "個人番号の利用開始日"],
  [5, "特定個人情報の適正な取扱いに関するガイドライン（事業者編）", "個人情報保護委員会", day(2014, 12, 11), "人事・経理（マイナンバー事務）", null],
  [6, "労働基準法", "厚生労働省", day(1947, 9, 1), "人事・総務", "労働者名簿・賃金台帳の保存（第109条）"],
  [7, "職業安定法", "厚生労働省", day(1947, 12, 1), "人事（採用）", "求職者等の個人情報の取扱い"],
  [8, "JIS Q 15001:2023 個人情報保護マネジメントシステム－要求事項", "日本産業標準調査会", day(2023, 9, 20), "全社（PMS）", null],
  [9, "プライバシーマークにおける個人情報保護マネジメントシステム構築・運用指針", "JIPDEC", day(2023, 12, 25), "全社（PMS）", null],
];

function buildLaws(wb) {
  const ws = wb.addWorksheet(SHEET.laws, { views: [{ state: "frozen", ySplit: 3 }] });
  const headers = ["No", "法令・規範の名称", "所管", "施行日/最終改正日", "確認日", "関連業務", "備考"];
  ws.columns = [5, 56, 20, 14, 12, 26, 30].map((width) => ({ width }));
  title(ws, "法令・規範等一覧", 3);
  ws.getCell("A2").value = "確認者：個人情報保護管理者";
  ws.getCell("A2").font = FONT;
  const header = ws.getRow(3);
  header.values = headers;
  styleHeader(header);
  LAWS.forEach(([no, name, authority, enforced, business, note], i) => {
    ws.getRow(4 + i).values = [no, name, authority, enforced, day(2025, 4, 25), business, note];
  });
  styleBody(ws, 4, 3 + LAWS.length, headers.length);
  // The ledger holds 健康診断結果, yet the list lacks 労働安全衛生法 (planted, on the name header).
  plant("laws/sector-missing", SHEET.laws, 3, 2, "台帳に健康診断結果があるのに、労働安全衛生法が法令等一覧にない");
  return ws;
}

function buildCover(wb) {
  const ws = wb.addWorksheet(SHEET.cover, { views: [{ showGridLines: false }] });
  ws.columns = [{ width: 4 }, { width: 60 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const lines = [
    [3, "個人情報保護マネジメントシステム", 14],
    [5, "個人情報管理台帳・リスク分析表", 20],
    [8, "株式会社さくらシステム", 14],
    [10, "文書番号：PMS-R-02", 11],
    [11, "第5版　2025年4月1日改訂", 11],
    [13, "個人情報保護管理者：情報システム部長 田中 一郎", 11],
    [20, "本書は社外秘です。許可なく複製・持ち出しをしないこと。", 9],
  ];
  for (const [row, text, size] of lines) {
    const cell = ws.getCell(row, 2);
    cell.value = text;
    cell.font = { ...FONT, size, bold: size >= 14 };
  }
  approvalBoxes(ws, 15, 3, ["桜井", "田中", "山本"]);
  return ws;
}

function buildHistory(wb) {
  const ws = wb.addWorksheet(SHEET.history);
  ws.columns = [8, 12, 60, 10, 10].map((width) => ({ width }));
  title(ws, "改訂履歴", 3);
  const header = ws.getRow(2);
  header.values = ["版", "改訂日", "改訂内容", "承認", "作成"];
  styleHeader(header);
  const rows = [
    ["第1版", day(2021, 4, 1), "新規制定", "桜井", "山本"],
    ["第2版", day(2022, 4, 1), "改正個人情報保護法の施行に伴い提供先の列を追加", "桜井", "山本"],
    ["第3版", day(2023, 4, 3), "リスク分析表に「委託・提供」の局面を追加", "桜井", "田中"],
    ["第4版", day(2024, 4, 1), "委託先管理台帳にクラウドサービスを追加", "桜井", "田中"],
    ["第5版", day(2025, 4, 1), "JIS Q 15001:2023への移行（情報区分・明示・通知方法の列を追加）", "桜井", "田中"],
  ];
  rows.forEach((values, i) => {
    ws.getRow(3 + i).values = values;
  });
  styleBody(ws, 3, 2 + rows.length, 5);
  return ws;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "株式会社さくらシステム";
  wb.lastModifiedBy = "株式会社さくらシステム";
  wb.company = "株式会社さくらシステム";
  wb.title = "個人情報管理台帳（サンプル）";
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  wb.calcProperties = { fullCalcOnLoad: false };

  buildCover(wb);
  buildLedger(wb);
  buildRisk(wb);
  buildContractors(wb);
  buildLaws(wb);
  buildHistory(wb);

  const sheetOrder = Object.values(SHEET);
  planted.sort(
    (a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row || a.col - b.col,
  );
  const findings = planted.map((p) => ({ rule: p.rule, sheet: p.sheet, cell: `${colLetters(p.col)}${p.row}` }));

  await mkdir(OUT_DIR, { recursive: true });
  await wb.xlsx.writeFile(OUT_XLSX);
  await writeFile(OUT_FINDINGS, `${JSON.stringify(findings, null, 2)}\n`, "utf8");

  console.log(`wrote ${path.relative(ROOT, OUT_XLSX)}`);
  console.log(`wrote ${path.relative(ROOT, OUT_FINDINGS)} (${findings.length} planted defects)`);
  for (const p of planted) console.log(`  ${p.sheet}!${colLetters(p.col)}${p.row}  ${p.rule}  ${p.note}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
