import { describe, expect, it } from "vitest";
import { columnLetters, type CellValue } from "../../../packages/core/src/grid/grid";
import { recogniseSheet } from "../../../packages/core/src/recognise/sheet";
import { LEDGER_HEADER, RISK_HEADER } from "../helpers";

/**
 * The yearly PMS records (training, internal audit, management review) are told from their
 * headers, wherever they sit in the workbook and whatever their tab is called; ledgers and risk
 * sheets that share some of their words (所属, 区分, 実施日, 結果, 評価) stay what they are.
 */
function recognise(header: string[], above: CellValue[][] = [], name = "Sheet1") {
  const s = recogniseSheet({ name, values: [...above, header, header.map((_, i) => (i === 0 ? "x" : "y"))] }, 0);
  return { kind: s.kind, headerRow: s.headerRow + 1, fields: Object.fromEntries(s.columns.map((m) => [columnLetters(m.col + 1), m.field])) };
}

const TRAINING: [string, string[], Record<string, string>][] = [
  ["the template's Japanese header", ["氏名", "所属", "区分", "実施日", "教育名", "方法", "テスト結果", "フォロー実施日", "備考"], { A: "name", B: "department", C: "employment", D: "date", E: "course", F: "method", G: "testResult", H: "followUp", I: "note" }],
  ["the template's English header", ["Name", "Department", "Employment type", "Date", "Course", "Method", "Test result", "Follow-up date", "Notes"], { A: "name", B: "department", C: "employment", D: "date", E: "course", F: "method", G: "testResult", H: "followUp", I: "note" }],
  ["a 受講者名簿", ["No.", "受講者名", "部署", "雇用形態", "受講日", "コース", "理解度", "合否"], { A: "id", B: "name", C: "department", D: "employment", E: "date", F: "course", G: "testResult", H: "passed" }],
  ["an HR-style roster", ["社員番号", "氏名", "所属部署", "入社日", "教育実施日", "教育内容", "点数", "合否判定", "未受講理由"], { A: "id", B: "name", C: "department", D: "hireDate", E: "date", F: "course", G: "testResult", H: "passed", I: "absenceReason" }],
];

const AUDIT: [string, string[], Record<string, string>][] = [
  ["the template's Japanese header", ["監査日", "被監査部門", "監査員", "監査員の所属", "チェック項目", "結果", "是正期限", "是正完了日", "備考"], { A: "date", B: "department", C: "auditor", D: "auditorDepartment", E: "checkItem", F: "result", G: "correctionDue", H: "correctedDate", I: "note" }],
  ["the template's English header", ["Audit date", "Audited department", "Auditor", "Auditor's department", "Check item", "Result", "Correction due", "Corrected", "Notes"], { A: "date", B: "department", C: "auditor", D: "auditorDepartment", E: "checkItem", F: "result", G: "correctionDue", H: "correctedDate", I: "note" }],
  ["a findings log", ["No.", "実施日", "被監査部署", "内部監査員", "指摘事項", "判定", "是正処置", "是正完了日"], { A: "id", B: "date", C: "department", D: "auditor", E: "finding", F: "result", G: "correctiveAction", H: "correctedDate" }],
];

const REVIEW: [string, string[], Record<string, string>][] = [
  ["インプット / アウトプット", ["実施日", "インプット", "アウトプット"], { A: "date", B: "input", C: "output" }],
  ["代表者による見直し", ["回", "開催日", "報告事項", "指示事項", "代表者"], { A: "id", B: "date", C: "input", D: "output", E: "reviewer" }],
  ["English", ["Review date", "Inputs", "Outputs", "Reviewer"], { A: "date", B: "input", C: "output", D: "reviewer" }],
  ["見直しの入力と結果", ["見直し日", "見直しへの入力", "代表者による見直し結果"], { A: "date", B: "input", C: "output" }],
];

describe("yearly PMS records are recognised from their headers", () => {
  for (const [kind, cases] of [["training", TRAINING], ["audit", AUDIT], ["review", REVIEW]] as const) {
    for (const [name, header, fields] of cases) {
      it(`${kind}: ${name}`, () => {
        expect(recognise(header)).toEqual({ kind, headerRow: 1, fields });
      });
    }
  }

  it("under a title block, with any tab name", () => {
    const r = recognise(["氏名", "所属", "区分", "受講日", "教育名", "テスト結果"], [["2025年度 個人情報保護教育 受講記録"], [null, null, null, null, null, "作成：管理者"]], "Sheet7");
    expect(r.kind).toBe("training");
    expect(r.headerRow).toBe(3);
  });
});

describe("ledgers and risk sheets never turn into yearly records", () => {
  const cases: [string, string[], string][] = [
    ["the standard ledger", [...LEDGER_HEADER], "ledger"],
    ["a ledger with 所属, 区分 and 確認日", ["No", "所属", "個人情報の名称", "区分", "利用目的", "保管場所", "保管期間", "確認日"], "ledger"],
    ["the standard risk sheet", [...RISK_HEADER], "risk"],
    ["a risk sheet with 実施日, 評価 and 結果", ["No.", "個人情報", "局面", "リスク", "発生可能性", "結果", "評価", "対策", "残存リスク", "実施日"], "risk"],
    ["a contractor register with 評価日 and 評価結果", ["No.", "委託先名", "委託業務", "評価日", "評価結果", "覚書"], "contractor"],
    ["a yearly training plan (教育名, 対象者, months) is no record", ["教育名", "対象者", "4月", "5月", "6月", "実施方法"], "unknown"],
    ["a revision history (版, 改訂日, 承認者)", ["版", "改訂日", "改訂箇所", "改訂内容", "承認者", "作成者"], "unknown"],
  ];
  for (const [name, header, kind] of cases) it(name, () => expect(recognise(header).kind).toBe(kind));
});
