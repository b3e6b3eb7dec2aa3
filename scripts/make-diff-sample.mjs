#!/usr/bin/env node
/**
 * Writes templates/samples/個人情報管理台帳_サンプル_前年度.xlsx: the same company's workbook one year
 * earlier (第4版, 2024), the OLD side of `pmark diff` in the README's example. It is read from the
 * current sample (templates/samples/個人情報管理台帳_サンプル.xlsx, 第5版) and taken back a year by
 * the edits listed below, in the form the company used before its JIS Q 15001:2023 migration:
 * no 明示・通知方法 and 情報区分 columns, 「保存期間」 for 保管期間, the header on row 4, and a risk
 * sheet whose header has two rows (リスク評価（対策前） over 発生可能性 / 影響度 / リスク値 /
 * リスクレベル).
 *
 * What changed between the years (what `pmark diff` should find), in the sample's README.
 * Output is deterministic (fixed dates, workbook and zip-entry timestamps pinned).
 *
 *   node scripts/make-diff-sample.mjs
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLES = path.join(ROOT, "templates", "samples");
const SOURCE = path.join(SAMPLES, "個人情報管理台帳_サンプル.xlsx");
// PMARK_DIFF_SAMPLE_OUT: write elsewhere (the test that the committed file is current).
const OUT = process.env.PMARK_DIFF_SAMPLE_OUT ?? path.join(SAMPLES, "個人情報管理台帳_サンプル_前年度.xlsx");

const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const FIXED_TIMESTAMP = day(2024, 4, 1);
try {
  const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
  requireFromExceljs("jszip").defaults.date = FIXED_TIMESTAMP;
} catch {
  // Without it only the zip timestamps vary.
}

const FONT = { name: "游ゴシック", size: 10 };
const THIN = { style: "thin", color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

/** A cell's value as a plain value (formula results, dates as Date, rich text joined). */
function plain(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("result" in v) return v.result ?? null;
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return v.text;
  }
  return v;
}

/** A sheet's rows from `first` on, as objects keyed by the header row's texts. */
function rowsOf(ws, headerRow, first, last) {
  const header = ws.getRow(headerRow).values.slice(1).map((h) => String(h ?? ""));
  const out = [];
  for (let r = first; r <= last; r++) {
    const values = ws.getRow(r).values.slice(1);
    if (values.every((v) => v === null || v === undefined || v === "")) continue;
    out.push(Object.fromEntries(header.map((h, i) => [h, plain(values[i])])));
  }
  return out;
}

function styleHeader(row, count) {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
}

function styleBody(ws, from, to, count) {
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= count; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      if (cell.value instanceof Date) cell.numFmt = "yyyy/mm/dd";
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The ledger, a year earlier

/** 2024's numbering: No. 14 was a disposed item, 18 unused; 年賀状 was 19 and 名刺 was listed last as 20. */
function ledger2024(items2025) {
  const byName = new Map(items2025.map((r) => [r["個人情報の名称"], r]));
  const take = (name, edits = {}) => ({ ...byName.get(name), ...edits });
  const reviewed = (d) => ({ 見直し日: day(2024, 7, d) });
  return [
    take("従業員名簿", { 保管期間: "退職後5年", ...reviewed(10) }),
    take("給与台帳", { アクセス権を有する者: "人事部員", ...reviewed(10) }),
    take("源泉徴収票", reviewed(11)),
    take("マイナンバー（扶養控除等申告書）", reviewed(11)),
    take("健康診断結果", reviewed(11)),
    take("採用応募者の履歴書・職務経歴書", reviewed(12)),
    take("入退室記録", { 委託先: null, 備考: null, ...reviewed(12) }),
    take("来訪者受付票", reviewed(12)),
    take("誓約書・同意書（従業者）", reviewed(12)),
    take("教育受講記録（理解度テスト）", reviewed(12)),
    take("顧客名簿", { 件数: "約1,000件", 委託先: null, 備考: null, ...reviewed(16) }),
    take("見積書・契約書", reviewed(16)),
    take("問い合わせフォーム", { 個人情報の名称: "お問い合わせフォーム", 本人同意: "○", 備考: null, ...reviewed(16) }),
    take("メールマガジン配信リスト", { 件数: "約3,000件", ...reviewed(17) }),
    take("取引先担当者・振込口座", reviewed(18)),
    take("請求書控え", { 見直し日: "令和6年4月1日" }),
    {
      ...byName.get("見積書・契約書"),
      "No.": 19,
      個人情報の名称: "年賀状送付先リスト",
      個人情報の項目: "会社名、担当者氏名、住所",
      利用目的: "年賀状の送付",
      取得方法: "名刺・顧客名簿から作成",
      件数: "約300件",
      媒体: "電子",
      保管場所: "社内ファイルサーバー（営業フォルダ）",
      保管方法: "アクセス制御",
      利用期限: "送付後",
      保管期間: "1年",
      廃棄方法: "データ消去",
      備考: "2025年度から廃止予定",
      ...reviewed(16),
    },
    take("名刺", { "No.": 20, 個人情報の名称: "名刺（営業部）", 保管期間: "取引終了後1年", ...reviewed(16) }),
  ];
}

const LEDGER_COLUMNS = [
  ["No.", "No."],
  ["部署", "部署"],
  ["個人情報の名称", "個人情報の名称"],
  ["個人情報の項目", "個人情報の項目"],
  ["利用目的", "利用目的"],
  ["取得方法", "取得方法"],
  ["本人同意", "本人同意"],
  ["件数", "件数"],
  ["媒体", "媒体"],
  ["保管場所", "保管場所"],
  ["保管方法", "保管方法"],
  ["アクセス権を有する者", "アクセス権を有する者"],
  ["利用期限", "利用期限"],
  ["保存期間", "保管期間"],
  ["廃棄方法", "廃棄方法"],
  ["委託先", "委託先"],
  ["提供先", "提供先"],
  ["要配慮個人情報", "要配慮個人情報"],
  ["特定個人情報", "特定個人情報"],
  ["開示対象", "開示対象"],
  ["管理責任者", "管理責任者"],
  ["見直し日", "見直し日"],
  ["備考", "備考"],
];

function buildLedger(wb, items) {
  const ws = wb.addWorksheet("個人情報管理台帳", { views: [{ state: "frozen", ySplit: 4, xSplit: 3 }] });
  ws.columns = LEDGER_COLUMNS.map(([h]) => ({ width: h === "No." ? 5 : h.length > 4 ? 18 : 12 }));
  ws.getCell("A1").value = "個人情報管理台帳（2024年度）";
  ws.getCell("A1").font = { ...FONT, size: 14, bold: true };
  ws.getCell("A2").value = "株式会社さくらシステム　第4版（2024年4月1日改訂）";
  ws.getCell("A2").font = FONT;
  const header = ws.getRow(4);
  header.values = LEDGER_COLUMNS.map(([h]) => h);
  styleHeader(header, LEDGER_COLUMNS.length);
  items.forEach((item, i) => {
    ws.getRow(5 + i).values = LEDGER_COLUMNS.map(([, from]) => item[from] ?? null);
  });
  styleBody(ws, 5, 4 + items.length, LEDGER_COLUMNS.length);
}

// ---------------------------------------------------------------------------------------------
// The risk analysis, a year earlier

const PHASES_2024 = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "委託・提供", "消去・廃棄"];

function risks2024(rows2025) {
  const out = [];
  for (const r of rows2025) {
    const name = r["個人情報の名称"];
    const phase = r["局面"];
    const id = r["管理番号"];
    // Rows this year added: 応募者データ and アクセスログ (new items), the second 保管 row of
    // 従業員名簿, 入退室記録's 「点検」 row, and the row left behind for 年賀状 (No. 19).
    if (name === "応募者データ（採用ページ）" || name === "アクセスログ（社内システム）") continue;
    if (name === "従業員名簿" && phase === "保管・バックアップ" && !r["リスク"]) continue;
    if (phase === "点検" || id === 19) continue;
    const row = { ...r };
    if (row["受容"]) row["受容"] = day(2024, 7, 12);
    if (name === "問い合わせフォーム") row["個人情報の名称"] = "お問い合わせフォーム";
    if (name === "名刺") {
      row["管理番号"] = 20;
      row["個人情報の名称"] = "名刺（営業部）";
    }
    // Levels a year of measures brought down, and a measure written since.
    if (name === "従業員名簿" && phase === "利用・加工") Object.assign(row, { 発生可能性: 3, 影響度: 2, 残存リスク: "中", 受容: day(2024, 7, 12) });
    if (name === "源泉徴収票" && phase === "移送・送信") Object.assign(row, { 発生可能性: 3, 残存リスク: "高", 受容: day(2024, 7, 12) });
    if (name === "給与台帳" && phase === "保管・バックアップ") Object.assign(row, { 対策: null, 残存リスク: "高", 受容: null });
    out.push(row);
  }
  // 年賀状送付先リスト (No. 19): five phases, all low.
  const card = [
    ["取得・入力", "名刺・顧客名簿からの転記誤り"],
    ["移送・送信", "印刷業者への送付時の誤送信"],
    ["利用・加工", "年賀状送付以外の目的での利用"],
    ["保管・バックアップ", "ファイルサーバー上での権限外の閲覧"],
    ["消去・廃棄", "送付後のデータの削除漏れ"],
  ];
  for (const [phase, risk] of card) out.push({ 管理番号: 19, 個人情報の名称: "年賀状送付先リスト", 局面: phase, リスク: risk, 発生可能性: 1, 影響度: 2, 対策: "アクセス制御と送付後の削除", 残存リスク: "低" });
  out.sort((a, b) => a["管理番号"] - b["管理番号"] || PHASES_2024.indexOf(a["局面"]) - PHASES_2024.indexOf(b["局面"]));
  return out;
}

function levelOf(score) {
  return score >= 6 ? "高" : score >= 3 ? "中" : "低";
}

function buildRisk(wb, rows) {
  const ws = wb.addWorksheet("リスク分析表", { views: [{ state: "frozen", ySplit: 5 }] });
  const widths = [5, 6, 22, 12, 34, 8, 8, 8, 8, 34, 8, 12];
  ws.columns = widths.map((width) => ({ width }));
  ws.getCell("A1").value = "リスク分析表（2024年度）";
  ws.getCell("A1").font = { ...FONT, size: 14, bold: true };
  ws.getCell("A2").value = "株式会社さくらシステム　実施日：2024年7月10日　承認：代表取締役 桜井 2024年7月12日";
  ws.getCell("A2").font = FONT;
  const top = ws.getRow(4);
  top.values = ["No.", "管理番号", "個人情報の名称", "局面", "リスク", "リスク評価（対策前）", null, null, null, "対策", "残存リスク", "受容"];
  const sub = ws.getRow(5);
  sub.values = [null, null, null, null, null, "発生可能性", "影響度", "リスク値", "リスクレベル", null, null, null];
  for (const c of [1, 2, 3, 4, 5, 10, 11, 12]) ws.mergeCells(4, c, 5, c);
  ws.mergeCells(4, 6, 4, 9);
  styleHeader(top, 12);
  styleHeader(sub, 12);
  rows.forEach((r, i) => {
    const n = 6 + i;
    const score = r["発生可能性"] * r["影響度"];
    ws.getRow(n).values = [
      i + 1,
      r["管理番号"],
      r["個人情報の名称"],
      r["局面"],
      r["リスク"],
      r["発生可能性"],
      r["影響度"],
      { formula: `F${n}*G${n}`, result: score },
      levelOf(score),
      r["対策"],
      r["残存リスク"],
      r["受容"] ?? null,
    ];
  });
  styleBody(ws, 6, 5 + rows.length, 12);
}

// ---------------------------------------------------------------------------------------------
// Contractors, laws, cover

function buildContractors(wb, rows2025) {
  const ws = wb.addWorksheet("委託先管理台帳");
  ws.columns = [5, 28, 36, 36, 12, 10, 10, 20].map((width) => ({ width }));
  ws.getCell("A1").value = "委託先管理台帳（2024年度）";
  ws.getCell("A1").font = { ...FONT, size: 14, bold: true };
  const header = ws.getRow(3);
  header.values = ["No.", "委託先名称", "委託業務内容", "取り扱う個人情報", "評価日", "評価結果", "覚書締結", "備考"];
  styleHeader(header, 8);
  // 株式会社ネット印刷 was engaged in 2025 (the DM printing): not in last year's register.
  const rows = rows2025.filter((r) => r["委託先名称"] !== "株式会社ネット印刷");
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = [i + 1, r["委託先名称"], r["委託業務内容"], r["取り扱う個人情報"], day(2024, 7, 1 + i), r["評価結果"], r["覚書締結"], r["備考"] ?? null];
  });
  styleBody(ws, 4, 3 + rows.length, 8);
}

function buildLaws(wb, rows2025) {
  const ws = wb.addWorksheet("法令等一覧");
  ws.columns = [5, 60, 20, 14, 12, 24, 30].map((width) => ({ width }));
  ws.getCell("A1").value = "法令・規範等一覧（2024年度）";
  ws.getCell("A1").font = { ...FONT, size: 14, bold: true };
  const header = ws.getRow(3);
  header.values = ["No", "法令・規範の名称", "所管", "施行日/最終改正日", "確認日", "関連業務", "備考"];
  styleHeader(header, 7);
  // 職業安定法 was added in 2025, after an examiner's remark about the applicants' data.
  const rows = rows2025.filter((r) => r["法令・規範の名称"] !== "職業安定法");
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = [i + 1, r["法令・規範の名称"], r["所管"], r["施行日/最終改正日"], day(2024, 7, 5), r["関連業務"], r["備考"] ?? null];
  });
  styleBody(ws, 4, 3 + rows.length, 7);
}

function buildCover(wb) {
  const ws = wb.addWorksheet("表紙", { views: [{ showGridLines: false }] });
  ws.columns = [{ width: 4 }, { width: 60 }];
  const lines = [
    [3, "個人情報保護マネジメントシステム", 14],
    [5, "個人情報管理台帳・リスク分析表", 20],
    [8, "株式会社さくらシステム", 14],
    [10, "文書番号：PMS-R-02", 11],
    [11, "第4版　2024年4月1日改訂", 11],
  ];
  for (const [row, text, size] of lines) {
    const cell = ws.getCell(row, 2);
    cell.value = text;
    cell.font = { ...FONT, size, bold: size >= 14 };
  }
}

async function main() {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(SOURCE);
  const ledger = source.getWorksheet("個人情報管理台帳");
  const risk = source.getWorksheet("リスク分析表");
  const contractors = source.getWorksheet("委託先管理台帳");
  const laws = source.getWorksheet("法令等一覧");

  const wb = new ExcelJS.Workbook();
  wb.creator = "株式会社さくらシステム";
  wb.lastModifiedBy = "株式会社さくらシステム";
  wb.company = "株式会社さくらシステム";
  wb.title = "個人情報管理台帳（サンプル・前年度）";
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  wb.calcProperties = { fullCalcOnLoad: false };

  buildCover(wb);
  buildLedger(wb, ledger2024(rowsOf(ledger, 5, 6, ledger.rowCount)));
  buildRisk(wb, risks2024(rowsOf(risk, 4, 5, risk.rowCount)));
  buildContractors(wb, rowsOf(contractors, 3, 4, contractors.rowCount));
  buildLaws(wb, rowsOf(laws, 3, 4, laws.rowCount));
  await wb.xlsx.writeFile(OUT);
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
