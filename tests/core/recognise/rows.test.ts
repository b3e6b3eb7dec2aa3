import { describe, expect, it } from "vitest";
import { recogniseSheet } from "../../../packages/core/src/recognise/sheet";

const header = ["No.", "個人情報の名称", "利用目的", "保管場所", "保管期間", "件数"];

describe("data rows", () => {
  it("skips blank, example, total, repeated-header and footnote rows", () => {
    const s = recogniseSheet(
      {
        name: "台帳",
        values: [
          ["個人情報管理台帳"],
          header,
          ["記入例", "顧客名簿", "営業活動", "CRM", "5年", "約100件"],
          [1, "従業員名簿", "雇用管理", "人事キャビネット", "退職後5年", 60],
          [],
          [null, null, null, null, null, null, "欄外のメモ"],
          header,
          [2, "サンプル請求者リスト", "資料送付", "CRM", "1年", 300],
          ["合計", null, null, null, null, 360],
          ["※保管期間は文書管理規程による"],
        ],
      },
      0,
    );
    expect(s.kind).toBe("ledger");
    expect(s.headerRow + 1).toBe(2);
    expect(s.dataRows.map((r) => r + 1)).toEqual([4, 8]);
  });

  it("keeps a header found below a long title block", () => {
    const titles = Array.from({ length: 12 }, (_, i) => [i % 2 ? "株式会社サンプル" : "改訂日 2024/4/1"]);
    const s = recogniseSheet({ name: "x", values: [...titles, header, [1, "顧客名簿", "営業", "CRM", "5年", 10]] }, 0);
    expect(s.headerRow + 1).toBe(13);
    expect(s.dataRows).toEqual([13]);
  });
});
