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

  it("skips an example row whose mark is in brackets (（記入例）, 【例】, [記入例])", () => {
    for (const mark of ["（記入例）", "【例】", "[記入例]", "(例)"]) {
      const s = recogniseSheet(
        {
          name: "台帳",
          values: [header, [mark, "○○名簿", "○○業務", "○○キャビネット", "5年", "約100件"], [1, "従業員名簿", "雇用管理", "人事キャビネット", "退職後5年", 60]],
        },
        0,
      );
      expect(s.dataRows.map((r) => r + 1), mark).toEqual([3]);
      expect(s.skipped.map((k) => k.role), mark).toEqual(["example"]);
    }
  });

  it("reads 保存媒体, 記録されている項目 and 対策後評価 as the medium, the data items and the residual level", () => {
    const ledger = recogniseSheet(
      {
        name: "台帳",
        values: [
          ["No", "個人情報の名称", "記録されている項目", "利用目的", "保存媒体", "保存先", "保存期間"],
          [1, "従業員名簿", "氏名、住所", "雇用管理", "紙", "人事キャビネット", "退職後5年"],
        ],
      },
      0,
    );
    expect(ledger.columns.find((c) => c.col === 2)?.field).toBe("dataItems");
    expect(ledger.columns.find((c) => c.col === 4)?.field).toBe("medium");
    const risk = recogniseSheet(
      {
        name: "リスク",
        values: [
          ["台帳No", "局面", "想定される脅威", "発生頻度", "影響度", "対策内容", "対策後評価"],
          [1, "取得", "記入漏れ", 1, 2, "ダブルチェック", "低"],
        ],
      },
      0,
    );
    expect(risk.columns.find((c) => c.col === 6)?.field).toBe("residualLevel");
  });

  it("reads an English register's Record set, Where kept, How protected and Who can access", () => {
    const s = recogniseSheet(
      {
        name: "PI Register",
        values: [
          ["Ref", "Record set", "Purpose of use", "Where kept", "How protected", "Who can access", "Retention"],
          ["P-01", "Customer list", "Shipping orders", "CRM", "SSO + MFA", "Sales", "3 years"],
        ],
      },
      0,
    );
    expect(s.kind).toBe("ledger");
    expect(s.columns.map((c) => c.field)).toEqual(["id", "name", "purpose", "storagePlace", "storageMethod", "accessScope", "retention"]);
  });

  it("keeps a header found below a long title block", () => {
    const titles = Array.from({ length: 12 }, (_, i) => [i % 2 ? "株式会社サンプル" : "改訂日 2024/4/1"]);
    const s = recogniseSheet({ name: "x", values: [...titles, header, [1, "顧客名簿", "営業", "CRM", "5年", 10]] }, 0);
    expect(s.headerRow + 1).toBe(13);
    expect(s.dataRows).toEqual([13]);
  });
});
