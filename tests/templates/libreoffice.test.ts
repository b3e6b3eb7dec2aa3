/**
 * The generated templates in a real spreadsheet: each .xlsx is filled with ExcelJS, opened in
 * LibreOffice Calc headless, recalculated and saved (one soffice start for every file), and read
 * back. The formula oracle compares every formula result with the scoring module's own
 * evaluation of the same inputs; the check tests run `pmark check`'s reader and rules on a
 * correctly filled template and on one with the mistakes examiners find most.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { checkWorkbook } from "../../packages/core/src/check";
import type { CellValue } from "../../packages/core/src/grid/grid";
import { DEFAULT_PROFILE } from "../../packages/core/src/profile/default";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import type { ProfileInput } from "../../packages/core/src/profile/schema";
import { RULES } from "../../packages/core/src/rules/index";
import { INPUT_ERROR_MARKER, levelLabel, modelFromProfile, type RiskModel } from "../../packages/core/src/scoring/index";
import { buildTemplate } from "../../packages/core/src/templates/build";
import type { SheetSpec, WorkbookSpec } from "../../packages/core/src/templates/spec";
import { recalcWithLibreOffice, serial, tempDir, TODAY, writeSpec } from "./helpers";

type Lang = "ja" | "en";
type Row = Record<string, CellValue>;

/** Likelihood and impact values a user may type or paste: valid, blank, words, text digits, off the scale, decimals. */
const INPUTS: readonly CellValue[] = [1, 2, 3, null, "", "高", "abc", "2", " ", 0, 4, -1, 2.5, 1.0000001];
const FIVE_SCALE: ProfileInput = {
  ...DEFAULT_PROFILE,
  id: "five",
  version: "1.0.0",
  riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 5 } },
};
const FIVE_INPUTS: readonly CellValue[] = [...INPUTS, 5, 6];

interface OracleCase {
  name: string;
  lang: Lang;
  profile: ProfileInput;
  inputs: readonly CellValue[];
}
const ORACLE: OracleCase[] = [
  { name: "oracle-ja", lang: "ja", profile: DEFAULT_PROFILE, inputs: INPUTS },
  { name: "oracle-en", lang: "en", profile: DEFAULT_PROFILE, inputs: INPUTS },
  { name: "oracle-five", lang: "ja", profile: FIVE_SCALE, inputs: FIVE_INPUTS },
];

function sheetSpec(spec: WorkbookSpec, kind: SheetSpec["kind"]): SheetSpec {
  const s = spec.sheets.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} sheet`);
  return s;
}

function colOf(sheet: SheetSpec, field: string): number {
  const i = sheet.columns.findIndex((c) => c.field === field);
  if (i < 0) throw new Error(`no ${field} on ${sheet.name}`);
  return i + 1;
}

/** Writes rows by field id, from `first` down; a value of undefined leaves the cell (and its formula) alone. */
function fill(wb: ExcelJS.Workbook, sheet: SheetSpec, first: number, rows: readonly Row[]): void {
  const ws = wb.getWorksheet(sheet.name);
  if (!ws) throw new Error(`no sheet ${sheet.name}`);
  rows.forEach((row, k) => {
    for (const [field, v] of Object.entries(row)) {
      if (v === undefined) continue;
      ws.getCell(first + k, colOf(sheet, field)).value = v === null ? null : v;
    }
  });
}

/** Every pair of inputs, on the inherent columns; the residual columns get the pairs in another order. */
function oracleRows(inputs: readonly CellValue[]): Row[] {
  const n = inputs.length;
  const rows: Row[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      rows.push({
        likelihood: inputs[a],
        impact: inputs[b],
        residualLikelihood: inputs[(a + 3) % n],
        residualImpact: inputs[(b + 5) % n],
      });
    }
  }
  return rows;
}

// ------------------------------------------------------------------ the filled check workbooks

const L1 = "L-001";
const L2 = "L-002";
const L3 = "L-003";
const SHAROUSHI = "〇〇社会保険労務士事務所";

const LEDGER_ROWS: Row[] = [
  {
    id: L1, department: "人事部", name: "従業員名簿", dataItems: "氏名、住所、生年月日、電話番号", subjects: "従業員",
    purpose: "人事労務管理", acquisitionMethod: "本人から直接(入社時提出書類)", notice: "入社時に書面で明示", consent: "有",
    count: "約60件", medium: "電子", storagePlace: "人事システム(社内サーバー)", storageMethod: "アクセス制御",
    accessScope: "人事部員", usePeriod: "退職まで", retention: "退職後7年", disposal: "データ消去", contractor: SHAROUSHI,
    recipient: "なし", sensitive: "無", myNumber: "無", disclosable: "有", infoCategory: "個人情報", owner: "人事部長",
    reviewedDate: serial("2025-04-01"),
  },
  {
    id: L2, department: "営業部", name: "顧客名簿", dataItems: "会社名、氏名、部署、電話番号、メールアドレス", subjects: "顧客",
    purpose: "商品の案内、契約の管理", acquisitionMethod: "名刺交換", notice: "Webサイトで公表", consent: "無",
    count: "約1,200件", medium: "電子", storagePlace: "営業管理システム", storageMethod: "アクセス制御・暗号化",
    accessScope: "営業部員", usePeriod: "取引終了まで", retention: "取引終了後5年", disposal: "データ消去", contractor: "なし",
    recipient: "なし", sensitive: "無", myNumber: "無", disclosable: "有", infoCategory: "個人情報", owner: "営業部長",
    reviewedDate: serial("2025-04-02"),
  },
  {
    id: L3, department: "人事部", name: "応募者書類(紙)", dataItems: "氏名、住所、学歴、職歴", subjects: "応募者",
    purpose: "採用選考", acquisitionMethod: "本人から直接(郵送)", notice: "募集要項で明示", consent: "有",
    count: "約100件", medium: "紙", storagePlace: "人事部の施錠キャビネット", storageMethod: "施錠保管",
    accessScope: "人事部採用担当", usePeriod: "選考終了まで", retention: "選考終了後1年", disposal: "シュレッダー", contractor: "なし",
    recipient: "なし", sensitive: "無", myNumber: "無", disclosable: "有", infoCategory: "個人情報", owner: "人事部長",
    reviewedDate: serial("2025-04-03"),
  },
];

const PHASES_5 = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];
const PHASES_6 = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "委託・提供", "消去・廃棄"];
/** Per phase: risk, measure, likelihood, impact, residual likelihood, residual impact (levels vary: 高, 中, 低). */
const RISKS: Record<string, [string, string, number, number, number, number]> = {
  "取得・入力": ["入力時の転記の誤り", "入力後に別の担当者が照合する", 2, 2, 1, 2],
  "移送・送信": ["メールの誤送信による漏えい", "送信前に宛先を二人で確認する", 2, 3, 1, 3],
  "利用・加工": ["不正アクセスによる漏えい", "アクセス権限を担当者に限定し、ログを毎月確認する", 3, 3, 1, 3],
  "保管・バックアップ": ["障害によるデータの滅失", "日次でバックアップする", 1, 2, 1, 2],
  "委託・提供": ["委託先での漏えい", "年1回委託先を評価し、覚書を締結する", 1, 3, 1, 3],
  "消去・廃棄": ["廃棄物からの漏えい", "保管期間の経過後にシュレッダーで裁断し、記録を残す", 1, 1, 1, 1],
};

function riskRows(items: { id: string; name: string; phases: string[] }[]): Row[] {
  return items.flatMap((it) =>
    it.phases.map((phase) => {
      const [risk, measure, l, i, rl, ri] = RISKS[phase] ?? ["漏えい", "手順に従う", 1, 1, 1, 1];
      return { itemRef: it.id, itemName: it.name, phase, risk, likelihood: l, impact: i, measure, residualLikelihood: rl, residualImpact: ri, owner: "情報セキュリティ責任者", reviewedDate: serial("2025-04-10") };
    }),
  );
}

const RISK_ITEMS = [
  { id: L1, name: "従業員名簿", phases: PHASES_6 },
  { id: L2, name: "顧客名簿", phases: PHASES_5 },
  { id: L3, name: "応募者書類(紙)", phases: PHASES_5 },
];

const CONTRACTOR_ROWS: Row[] = [
  { id: "C-01", name: SHAROUSHI, work: "給与計算・社会保険手続", items: "従業員名簿", country: "日本", evaluationDate: serial("2025-03-01"), evaluationResult: "適", agreement: "有", reviewedDate: serial("2025-03-01") },
];

const TRAINING_ROWS: Row[] = [
  ["山田太郎", "人事部", "正社員"],
  ["佐藤花子", "営業部", "正社員"],
  ["鈴木一郎", "経営", "役員"],
  ["高橋美咲", "営業部", "パート・アルバイト"],
].map(([name, department, employment]) => ({
  name, department, employment, date: serial("2025-05-15"), course: "個人情報保護教育(年次)", method: "eラーニング", testResult: "合格",
}));

const AUDIT_ROWS: Row[] = [
  { date: serial("2025-02-10"), department: "人事部", auditor: "佐藤花子", auditorDepartment: "営業部", checkItem: "台帳の見直し・アクセス権限", result: "適合" },
  { date: serial("2025-02-12"), department: "営業部", auditor: "山田太郎", auditorDepartment: "人事部", checkItem: "台帳の見直し・委託先管理", result: "適合" },
];

/** Fills the ja template with a small company's records; `mistakes` plants four examiner findings. */
function fillCompany(wb: ExcelJS.Workbook, spec: WorkbookSpec, mistakes: boolean): Record<string, string> {
  const ledger = sheetSpec(spec, "ledger");
  const risk = sheetSpec(spec, "risk");
  const firstLedger = ledger.headerRow + 1 + ledger.rows.length; // below the example row
  const ledgerRows = LEDGER_ROWS.map((r) => ({ ...r }));
  const planted: Record<string, string> = {};
  const A1 = (sheet: SheetSpec, row: number, field: string) => `${sheet.name}!${String.fromCharCode(64 + colOf(sheet, field))}${row}`;
  if (mistakes) {
    // 1. Blank retention (顧客名簿).
    (ledgerRows[1] as Row).retention = null;
    planted["ledger/required-empty"] = A1(ledger, firstLedger + 1, "retention");
  }
  fill(wb, ledger, firstLedger, ledgerRows);

  let items = RISK_ITEMS;
  if (mistakes) {
    // 2. No 委託・提供 rows for 従業員名簿, which has a contractor.
    items = RISK_ITEMS.map((it) => (it.id === L1 ? { ...it, phases: PHASES_5 } : it));
    planted["risk/phase-missing"] = A1(ledger, firstLedger, "name");
  }
  const rows = riskRows(items);
  if (mistakes) {
    // 3. A phase that is no phase of the profile, on an extra row of 顧客名簿.
    rows.push({ ...(rows[6] as Row), phase: "点検", risk: "点検漏れ", measure: "月次で点検する" });
    planted["risk/unknown-phase"] = A1(risk, risk.headerRow + 1 + risk.rows.length + rows.length - 1, "phase");
  }
  const firstRisk = risk.headerRow + 1 + risk.rows.length; // below the example rows
  fill(wb, risk, firstRisk, rows);
  if (mistakes) {
    // 4. A level typed over its formula, and wrong: 利用・加工 of 従業員名簿 is 3 × 3 = 9, 高.
    const row = firstRisk + 2;
    fill(wb, risk, row, [{ level: "低" }]);
    planted["risk/score-mismatch"] = A1(risk, row, "level");
  }
  fill(wb, sheetSpec(spec, "contractor"), sheetSpec(spec, "contractor").headerRow + 2, CONTRACTOR_ROWS);
  const laws = sheetSpec(spec, "law");
  fill(wb, laws, laws.headerRow + 1, laws.rows.map(() => ({ checkedDate: serial("2025-04-01") })));
  fill(wb, sheetSpec(spec, "training"), sheetSpec(spec, "training").headerRow + 1, TRAINING_ROWS);
  fill(wb, sheetSpec(spec, "audit"), sheetSpec(spec, "audit").headerRow + 1, AUDIT_ROWS);
  return planted;
}

// ------------------------------------------------------------------ one LibreOffice run

const recalculated = new Map<string, string>();
const specs = new Map<string, WorkbookSpec>();
const fedInputs = new Map<string, Row[]>();
let planted: Record<string, string> = {};

beforeAll(async () => {
  const dir = tempDir();
  const files: string[] = [];
  for (const c of ORACLE) {
    const spec = buildTemplate(resolveProfile(c.profile), c.lang);
    specs.set(c.name, spec);
    const blank = join(dir, `${c.name}-blank.xlsx`);
    await writeSpec(spec, blank);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const risk = sheetSpec(spec, "risk");
    const rows = oracleRows(c.inputs);
    fill(wb, risk, risk.headerRow + 1 + risk.rows.length, rows);
    fedInputs.set(c.name, rows);
    const filled = join(dir, `${c.name}.xlsx`);
    await wb.xlsx.writeFile(filled);
    files.push(filled);
  }
  const company = buildTemplate(resolveProfile(), "ja");
  specs.set("company", company);
  const blank = join(dir, "company-blank.xlsx");
  await writeSpec(company, blank);
  for (const name of ["valid", "mistakes"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const p = fillCompany(wb, company, name === "mistakes");
    if (name === "mistakes") planted = p;
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  const out = recalcWithLibreOffice(files);
  files.forEach((f, i) => recalculated.set(f.replace(/^.*[\\/]/, "").replace(/\.xlsx$/, ""), out[i] as string));
}, 180_000);

// ------------------------------------------------------------------ the formula oracle

/** What a score or level cell must show, from the scoring module's evaluation of the inputs. */
function expected(model: RiskModel, lang: Lang, values: Row, what: "score" | "level"): string | number {
  const r = model.evaluate(values);
  if (r.ok) return what === "score" ? r.score : levelLabel(r.level, lang);
  return r.missing.length > 0 ? "" : INPUT_ERROR_MARKER[lang];
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "formula" in v) return plain(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return v.error;
  if (v instanceof Date) return serial(v.toISOString().slice(0, 10));
  return v as CellValue;
}

describe("formula oracle: LibreOffice Calc computes every template formula as core evaluates it", () => {
  for (const c of ORACLE) {
    it(`${c.name}: score, level, residual score and residual level on ${c.inputs.length ** 2} filled rows and the examples`, async () => {
      const spec = specs.get(c.name) as WorkbookSpec;
      const model = modelFromProfile(resolveProfile(c.profile));
      if (!model) throw new Error("model");
      const risk = sheetSpec(spec, "risk");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated.get(c.name) as string);
      const ws = wb.getWorksheet(risk.name);
      if (!ws) throw new Error("no risk sheet");
      const cell = (r: number, f: string) => ws.getCell(r, colOf(risk, f));
      const groups = [
        { inputs: { likelihood: "likelihood", impact: "impact" }, score: "score", level: "level" },
        { inputs: { likelihood: "residualLikelihood", impact: "residualImpact" }, score: "residualScore", level: "residualLevel" },
      ];
      const fed = fedInputs.get(c.name) as Row[];
      const mismatches: string[] = [];
      let compared = 0;
      const last = risk.headerRow + risk.rows.length + fed.length;
      for (let r = risk.headerRow + 1; r <= last; r++) {
        const k = r - (risk.headerRow + 1 + risk.rows.length);
        for (const g of groups) {
          // The inputs as the spreadsheet holds them after the round trip, and as they were written.
          const seen: Row = { likelihood: plain(cell(r, g.inputs.likelihood).value), impact: plain(cell(r, g.inputs.impact).value) };
          if (k >= 0) {
            const wrote = fed[k] as Row;
            const norm = (v: CellValue) => (v === "" ? null : v);
            expect([norm(seen.likelihood), norm(seen.impact)], `row ${r}`).toEqual([norm(wrote[g.inputs.likelihood]), norm(wrote[g.inputs.impact])]);
          }
          for (const what of ["score", "level"] as const) {
            const f = what === "score" ? g.score : g.level;
            const v = cell(r, f).value;
            if (!(v && typeof v === "object" && "formula" in v)) {
              mismatches.push(`${f}${r}: not a formula`);
              continue;
            }
            const got = plain(v) ?? "";
            const want = expected(model, c.lang, seen, what);
            compared++;
            if (got !== want) mismatches.push(`${f}${r} inputs ${JSON.stringify(seen)}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
          }
        }
      }
      // Untouched table rows stay blank.
      expect(plain(cell(last + 1, "score").value) ?? "").toBe("");
      expect(plain(cell(risk.headerRow + risk.tableRows, "level").value) ?? "").toBe("");
      console.log(`[oracle] ${c.name}: ${compared} formula results compared, ${mismatches.length} mismatches`);
      expect(mismatches).toEqual([]);
      expect(compared).toBe((risk.rows.length + fed.length) * 4);
    });
  }
});

// ------------------------------------------------------------------ pmark check on filled templates

async function report(name: string) {
  const loaded = await loadWorkbook(recalculated.get(name) as string);
  if (!loaded.ok) throw new Error(loaded.reason.code);
  return checkWorkbook(loaded.grids, { today: TODAY });
}

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;

describe("pmark check on a filled template", () => {
  it("a correctly filled template has no errors, and its scores are counted", async () => {
    const r = await report("valid");
    const errors = r.findings.filter((f) => f.severity === "error").map(key);
    expect(errors).toEqual([]);
    console.log(`[check] valid: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.infos} infos: ${r.findings.map(key).join("; ")}`);
    expect(r.sheets.find((s) => s.kind === "ledger")?.rows).toBe(3);
    expect(r.sheets.find((s) => s.kind === "risk")?.rows).toBe(16);
    // 移送・送信 2×3 and 利用・加工 3×3 are 高, 取得・入力 2×2 and 委託・提供 1×3 中, the rest 低.
    expect(r.summary.risks).toEqual({ high: 6, medium: 4, low: 6, incomplete: 0 });
  });

  it("the same template with blank retention, an unknown phase, missing 委託・提供 rows and a wrong stored level gives exactly those findings", async () => {
    const valid = new Set((await report("valid")).findings.map(key));
    const r = await report("mistakes");
    const implemented = new Set<string>(RULES.map((x) => x.meta.id));
    const want = Object.entries(planted)
      .map(([rule, cell]) => `${rule} ${cell}`)
      .sort();
    expect(Object.keys(planted).filter((rule) => !implemented.has(rule))).toEqual([]);
    expect(want).toHaveLength(4);
    expect(r.findings.map(key).filter((k) => !valid.has(k)).sort()).toEqual(want);
    // Each planted defect at its rule's severity: an unknown phase label is housekeeping (a warning), the rest errors.
    expect(r.findings.filter((f) => want.includes(key(f))).map((f) => `${f.rule} ${f.severity}`).sort()).toEqual(
      Object.keys(planted)
        .map((rule) => `${rule} ${rule === "risk/unknown-phase" ? "warning" : "error"}`)
        .sort(),
    );
  });
});
