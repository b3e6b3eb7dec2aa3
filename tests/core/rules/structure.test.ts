import { ledgerSheet, riskSheet, ruleTable, sheet } from "../helpers";

const L = "個人情報管理台帳";
const R = "リスク分析表";

ruleTable("sheet/missing", {
  valid: [{ name: "ledger and risk analysis", grids: [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])] }],
  invalid: [
    { name: "ledger alone", grids: [ledgerSheet([{}])], expected: [`${L}!A1 noRisk`] },
    { name: "risk analysis alone", grids: [riskSheet([{ id: 1, name: "x" }])], expected: [`${R}!A1 noLedger`] },
    { name: "nothing recognisable", grids: [sheet("Sheet1", [["hello", "world"], [1, 2]])], expected: ["Sheet1!A1 neither"] },
  ],
});

ruleTable("header/missing-column", {
  valid: [{ name: "complete ledger header", grids: [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])] }],
  invalid: [
    {
      name: "ledger without storage method and access holders; few expected columns",
      grids: [
        sheet(L, [["No", "個人情報の名称", "利用目的", "保管場所", "保管期間", "件数", "媒体", "廃棄方法", "委託先", "提供先", "要配慮", "開示対象", "管理責任者", "最終確認日"], [1, "顧客名簿", "営業", "CRM", "5年", 100, "電子", "消去", "なし", "なし", "無", "○", "部長", "2025/4/1"]]),
        riskSheet([{ id: 1, name: "顧客名簿" }]),
      ],
      expected: [`${L}!A1 requiredMissing`, `${L}!A1 requiredMissing`],
    },
    {
      name: "risk sheet with no phase column",
      grids: [ledgerSheet([{}]), sheet(R, [["個人情報", "リスク", "対策", "残存リスク"], ["台帳項目1", "漏えい", "施錠", "低"]])],
      expected: [`${R}!A1 phaseColumnMissing`],
    },
  ],
});

ruleTable("header/duplicate-column", {
  valid: [{ name: "each field once", grids: [ledgerSheet([{}])] }],
  invalid: [
    {
      name: "保管期間 and 保存期間 side by side",
      grids: [sheet(L, [["個人情報の名称", "利用目的", "保管場所", "保管期間", "保存期間"], ["顧客名簿", "営業", "CRM", "5年", "3年"]])],
      expected: [`${L}!E1 duplicate`],
    },
  ],
});

ruleTable("cell/invalid-value", {
  valid: [
    { name: "approximate counts are fine", grids: [ledgerSheet([{ 件数: "約5,000件" }, { 件数: "１，２００件" }, { 件数: "100〜500" }, { 件数: 60 }])] },
    { name: "prose in a consent column", grids: [ledgerSheet([{ 本人同意: "入社時に同意書を取得" }])] },
  ],
  invalid: [
    { name: "a count of 多数", grids: [ledgerSheet([{ 件数: "多数" }])], expected: [`${L}!H2 invalid`] },
    { name: "2024/13/45 and R1.4.30", grids: [ledgerSheet([{ 見直し日: "2024/13/45" }, { 見直し日: "R1.4.30" }])], expected: [`${L}!T2 invalid`, `${L}!T3 invalid`] },
    {
      name: "a likelihood of 7",
      grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x" }], [[1, "x", "保管", "紛失", 7, 2, 14, "施錠", "低"]])],
      expected: [`${R}!E7 invalid`],
    },
    { name: "a medium nobody can read", grids: [ledgerSheet([{ 媒体: "その他" }])], expected: [`${L}!I2 invalid`] },
  ],
});
