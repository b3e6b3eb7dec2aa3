import { describe, expect, it } from "vitest";
import { columnLetters, type CellValue, type SheetGrid } from "../../../packages/core/src/grid/grid";
import { recogniseSheet } from "../../../packages/core/src/recognise/sheet";

function sheet(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, values, ...extra };
}

const roles = (s: ReturnType<typeof recogniseSheet>) => Object.fromEntries(s.columns.map((m) => [columnLetters(m.col + 1), m.field]));
const skipped = (s: ReturnType<typeof recogniseSheet>) => Object.fromEntries(s.skipped.map((k) => [k.row + 1, k.role]));

describe("column roles from values as well as headers", () => {
  it("a column headed 「リスクの予想発生箇所」 that holds phase names is the phase column", () => {
    const s = recogniseSheet(
      sheet("リスク", [
        ["No", "個人情報", "リスクの予想発生箇所", "想定されるリスク", "対策"],
        [1, "顧客名簿", "取得", "誤入力", "ダブルチェック"],
        [2, "顧客名簿", "移送", "誤送信", "宛先確認"],
        [3, "顧客名簿", "利用", "目的外利用", "規程で限定"],
        [4, "顧客名簿", "保管", "紛失", "施錠"],
        [5, "顧客名簿", "廃棄", "廃棄物からの漏えい", "溶解処理"],
      ]),
      0,
    );
    expect(roles(s).C).toBe("phase");
    expect(s.columns.find((m) => m.col === 2)?.evidence.map((e) => e.en).join(" | ")).toContain("5 of 5 values are phase names");
  });

  it("「脅威」「脆弱性」 columns of sentences describe the risk and are no ratings: the first is the risk, the other says why it is left", () => {
    const s = recogniseSheet(
      sheet("リスク", [
        ["局面", "脅威", "脆弱性", "発生可能性", "影響度", "対策"],
        ["取得", "メールの誤送信", "宛先確認の手順がない", 2, 3, "送信前の二者確認"],
        ["保管", "書類の紛失", "施錠管理の不備", 1, 3, "施錠キャビネット"],
        ["廃棄", "廃棄物からの漏えい", "シュレッダー未使用", 1, 2, "溶解処理"],
      ]),
      0,
    );
    expect(roles(s)).toMatchObject({ A: "phase", B: "risk", D: "likelihood", E: "impact", F: "measure" });
    expect(roles(s).C).toBeUndefined();
    expect(s.unmapped.find((u) => u.col === 2)?.reason?.en).toMatch(/the risk is read from another column/);
  });

  it("ratings written as 高/中/低, 大/中/小 or H/M/L are a word scale", () => {
    for (const words of [["高", "中", "低"], ["大", "中", "小"], ["H", "M", "L"], ["high", "medium", "low"]]) {
      const s = recogniseSheet(
        sheet("リスク", [["局面", "リスク", "発生可能性", "影響度", "対策"], ...words.map((w, k) => [["取得", "保管", "廃棄"][k], "漏えい", w, words[(k + 1) % 3], "施錠"])]),
        0,
      );
      const l = s.columns.find((m) => m.field === "likelihood");
      expect(l?.wordScale, words.join("/")).toBe(true);
    }
  });

  it("a 個人情報区分 column is found from its values when no header names it", () => {
    const s = recogniseSheet(
      sheet("台帳", [
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管期間", "種別"],
        [1, "従業員名簿", "雇用管理", "サーバ", "退職後5年", "個人情報"],
        [2, "健康診断結果", "健康管理", "キャビネット", "5年", "要配慮個人情報"],
        [3, "マイナンバー", "源泉徴収", "金庫", "7年", "特定個人情報"],
      ]),
      0,
    );
    expect(roles(s).F).toBe("infoCategory");
  });

  it("a header whose values contradict its rating role loses it, with the reason", () => {
    const s = recogniseSheet(
      sheet("リスク", [
        ["局面", "リスク", "発生可能性", "影響度", "対策"],
        ["取得", "漏えい", "従業員の不注意による誤送付", 2, "確認"],
        ["保管", "紛失", "施錠忘れによる持ち出し", 3, "施錠"],
        ["廃棄", "漏えい", "業者の管理不備による流出", 1, "証明書"],
      ]),
      0,
    );
    expect(roles(s).C).toBeUndefined();
    expect(s.unmapped.find((u) => u.col === 2)?.reason?.en).toMatch(/the header names likelihood, but 3 of 3 values are text/);
  });

  it("a rating column with no header takes its role from the score formula", () => {
    const values: CellValue[][] = [["局面", "リスク", "発生可能性", null, "リスク値", "対策"]];
    const formulas: (string | null)[][] = [[]];
    for (let r = 0; r < 3; r++) {
      values.push([["取得", "保管", "廃棄"][r], "漏えい", r + 1, 2, (r + 1) * 2, "施錠"]);
      formulas.push([null, null, null, null, `=C${r + 2}*D${r + 2}`, null]);
    }
    const s = recogniseSheet(sheet("リスク", values, { formulas }), 0);
    expect(roles(s).D).toBe("impact");
    expect(s.columns.find((m) => m.col === 3)?.source).toBe("formula");
  });
});

describe("row roles", () => {
  it("pre-numbered rows holding only their number, a merged-down department, blank formulas or defaults are empty slots", () => {
    const values: CellValue[][] = [
      ["No.", "部署", "個人情報の名称", "利用目的", "保管場所", "保管期間", "要配慮個人情報", "媒体", "リスク値"],
      [1, "人事部", "従業員名簿", "雇用管理", "サーバ", "退職後5年", "無", "電子", 0],
      [2, null, null, null, null, null, "無", "紙", ""],
      [3, null, null, null, null, null, "無", null, ""],
      [4, "総務部", null, null, null, "選択してください", null, null, 0],
      [5, null, null, null, null, null, null, null, null],
    ];
    const formulas = values.map((row, r) => (r === 0 ? [] : row.map((_, c) => (c === 8 ? `=IF(C${r + 1}="","",0)` : null))));
    const s = recogniseSheet(sheet("台帳", values, { formulas, merges: [{ startRow: 4, startCol: 1, endRow: 5, endCol: 1 }] }), 0);
    expect(s.dataRows.map((r) => r + 1)).toEqual([2]);
    expect(skipped(s)).toEqual({ 3: "emptySlot", 4: "emptySlot", 5: "emptySlot", 6: "emptySlot" });
  });

  it("the phase names merged over リスク/対策 pairs, with sub-headings on the next row, make a two-row header", () => {
    const s = recogniseSheet(
      sheet("リスク", [
        ["No", "個人情報", "取得・入力", null, "利用・加工", null, "保管・バックアップ", null, "消去・廃棄", null],
        [null, null, "リスク", "対策", "リスク", "対策", "リスク", "対策", "リスク", "対策"],
        [1, "顧客名簿", "誤入力", "確認", "目的外利用", "規程", "紛失", "施錠", "漏えい", "溶解"],
      ]),
      0,
    );
    expect(s.headerRows).toEqual([0, 1]);
    expect(s.layout).toBe("wide");
    expect(s.dataRows).toEqual([2]);
    expect(roles(s)).toMatchObject({ C: "risk", D: "measure", I: "risk", J: "measure" });
  });

  it("examples, notes, totals, section labels and the header printed again are not data", () => {
    const s = recogniseSheet(
      sheet("台帳", [
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管期間"],
        ["記入例", "顧客名簿", "商品の発送", "サーバ", "5年"],
        ["【人事部】", null, null, null, null],
        [1, "従業員名簿", "雇用管理", "サーバ", "退職後5年"],
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管期間"],
        [2, "応募者名簿", "採用選考", "キャビネット", "1年"],
        ["合計", null, null, null, null],
        ["※保管期間は規程に従う", null, null, null, null],
      ]),
      0,
    );
    expect(s.dataRows.map((r) => r + 1)).toEqual([4, 6]);
    expect(skipped(s)).toEqual({ 2: "example", 3: "subHeading", 5: "subHeading", 7: "total", 8: "note" });
  });
});
