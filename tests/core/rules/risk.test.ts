import { ledgerSheet, riskSheet, ruleTable, sheet, FIVE_PHASES, RISK_HEADER } from "../helpers";

const R = "リスク分析表";
const L = "個人情報管理台帳";
const SIX = [...FIVE_PHASES, "委託・提供"];

ruleTable("risk/orphan-row", {
  valid: [
    { name: "linked by id", grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "別名でも番号で対応" }])] },
    {
      name: "linked by name when the risk sheet has no id (width and spaces folded)",
      grids: [
        ledgerSheet([{ 個人情報の名称: "従業員名簿（紙）" }]),
        sheet(R, [["個人情報", "局面", "リスク", "対策"], ...FIVE_PHASES.map((p) => ["従業員名簿 (紙)", p, "紛失", "施錠"])]),
      ],
    },
    {
      name: "item named once, phases below left blank (merged cells)",
      grids: [ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), sheet(R, [["個人情報の名称", "局面", "リスク", "対策"], ["顧客名簿", "取得・入力", "誤入力", "確認"], [null, "保管・バックアップ", "紛失", "施錠"]])],
    },
    {
      name: "one risk sheet per item, named in its title",
      grids: [ledgerSheet([{ 個人情報の名称: "採用応募者情報" }]), sheet("採用", [["リスク分析・評価表: 採用応募者情報"], ["局面", "リスク", "対策"], ...FIVE_PHASES.map((p) => [p, "漏えい", "施錠"])])],
    },
  ],
  invalid: [
    {
      name: "id that no ledger row has",
      grids: [ledgerSheet([{ "No.": 1 }, { "No.": 2 }]), riskSheet([{ id: 1, name: "台帳項目1" }, { id: 2, name: "台帳項目2" }, { id: 9, name: "台帳項目9", phases: ["取得・入力", "保管"] }])],
      expected: [`${R}!A12 orphan`, `${R}!A13 orphan`],
    },
    {
      name: "name that no ledger row has",
      grids: [ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), sheet(R, [["個人情報の名称", "局面", "リスク", "対策"], ["顧客名簿", "取得", "誤入力", "確認"], ["退職者名簿", "保管", "紛失", "施錠"]])],
      expected: [`${R}!A3 orphan`],
    },
  ],
});

ruleTable("risk/phase-missing", {
  valid: [
    { name: "five phases, no contractor", grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "台帳項目1" }])] },
    { name: "six phases with a contractor", grids: [ledgerSheet([{ "No.": 1, 委託先: "株式会社クラウド" }]), riskSheet([{ id: 1, name: "x", phases: SIX }])] },
    {
      name: "phases spelled the field's way (破棄・消去, 移送/送信, 取得)",
      grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x", phases: ["取得", "移送/送信", "利用", "保管", "破棄・消去"] }])],
    },
    {
      name: "ISMS asset sheet without phase column: no per-item phase finding",
      grids: [
        ledgerSheet([{ 個人情報の名称: "顧客名簿" }]),
        sheet(R, [["資産名", "機密性", "完全性", "可用性", "脅威", "脆弱性", "リスク値", "対策", "残留リスク"], ["顧客名簿", 3, 2, 2, 2, 2, 24, "暗号化", "低"]]),
      ],
    },
  ],
  invalid: [
    {
      name: "contractor but no 委託・提供 phase",
      grids: [ledgerSheet([{ "No.": 1, 委託先: "株式会社クラウド" }]), riskSheet([{ id: 1, name: "x" }])],
      expected: [`${L}!C2 phaseMissing`],
    },
    {
      name: "a phase missing and an item with no analysis at all",
      grids: [ledgerSheet([{ "No.": 1 }, { "No.": 2 }]), riskSheet([{ id: 1, name: "x", phases: FIVE_PHASES.slice(0, 4) }])],
      expected: [`${L}!C2 phaseMissing`, `${L}!C3 notAnalysed`],
    },
  ],
});

ruleTable("risk/unknown-phase", {
  valid: [{ name: "all phases known", grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x" }])] }],
  invalid: [
    {
      name: "点検 is no phase",
      grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x", phases: [...FIVE_PHASES, "点検"] }])],
      expected: [`${R}!C7 unknownPhase`],
    },
  ],
});

ruleTable("risk/no-risk-described", {
  valid: [{ name: "every row has a risk", grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x" }])] }],
  invalid: [
    {
      name: "blank risk",
      grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "x" }], [[1, "x", "取得・入力", "", 1, 1, 1, "確認", "低"]])],
      expected: [`${R}!D7 noRisk`],
    },
    {
      name: "wide layout: a phase group with a measure but no risk",
      grids: [
        ledgerSheet([{ "No.": 1 }]),
        sheet(R, [
          [null, null, "取得・入力", null, "保管・バックアップ", null],
          ["No", "個人情報", "リスク", "対策", "リスク", "対策"],
          [1, "台帳項目1", "誤入力", "ダブルチェック", null, "施錠保管"],
        ]),
      ],
      expected: [`${R}!E3 noRisk`],
    },
  ],
});

void RISK_HEADER;
