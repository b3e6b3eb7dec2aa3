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

// ---- Added in the 2023-accuracy round (issue 21). ----

const RISK_WITH_DATE = ["管理番号", "個人情報の名称", "局面", "リスク", "対策", "見直し日"];
const riskRows = (dates: (string | number | null)[]) => FIVE_PHASES.map((p, i) => [1, "台帳項目1", p, "漏えい・紛失", "施錠保管", dates[i] ?? null]);

ruleTable("risk/review-overdue", {
  valid: [
    { name: "実施日 in the title within 12 months", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [["リスク分析表　実施日：2025年4月1日"], ["管理番号", "個人情報の名称", "局面", "リスク", "対策"], ...riskRows([]).map((r) => r.slice(0, 5))])] },
    { name: "a label cell and the date beside it (serial)", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [["見直し日", 45748], ["管理番号", "個人情報の名称", "局面", "リスク", "対策"], ...riskRows([]).map((r) => r.slice(0, 5))])] },
    { name: "the 見直し日 column: the latest row counts (2024-06-30 is 12 months to the day)", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [RISK_WITH_DATE, ...riskRows(["2023/4/1", "2024/6/30"])])] },
    { name: "no date kept anywhere is not judged", grids: [ledgerSheet([{ "No.": 1 }]), riskSheet([{ id: 1, name: "台帳項目1" }])] },
    {
      name: "実施日 within 12 months followed by an approval",
      grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [["株式会社A　実施日：2025年5月20日　承認：代表取締役 2025年5月20日"], ["管理番号", "個人情報の名称", "局面", "リスク", "対策"], ...riskRows([]).map((r) => r.slice(0, 5))])],
    },
  ],
  invalid: [
    { name: "実施日 in the title older than 12 months", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [["リスク分析表　実施日：2024年5月1日"], ["管理番号", "個人情報の名称", "局面", "リスク", "対策"], ...riskRows([]).map((r) => r.slice(0, 5))])], expected: [`${R}!A1 overdue`] },
    {
      name: "実施日 followed by more text in the same cell (令和 and full-width digits)",
      grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [["株式会社A　実施日：令和６年５月１日　承認：代表取締役"], ["管理番号", "個人情報の名称", "局面", "リスク", "対策"], ...riskRows([]).map((r) => r.slice(0, 5))])],
      expected: [`${R}!A1 overdue`],
    },
    { name: "the latest 見直し日 is 12 months and a day old", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [RISK_WITH_DATE, ...riskRows(["2024/6/29", "2023/4/1"])])], expected: [`${R}!F2 overdue`] },
    { name: "a planned date does not count; the 見直し日 column blank", grids: [ledgerSheet([{ "No.": 1 }]), sheet(R, [RISK_WITH_DATE, ...riskRows(["2025/9/1"])])], expected: [`${R}!F1 never`] },
  ],
});

const cloudLedger = (place: string) => ledgerSheet([{ "No.": 1, 保管場所: place }]);
const cloudRisks = (storageRisk: string, extra: string[] = []) =>
  sheet(R, [RISK_HEADER, ...FIVE_PHASES.map((p) => [1, "台帳項目1", p, p === "保管・バックアップ" ? storageRisk : "漏えい・紛失", 1, 2, 2, "施錠保管・アクセス制御", "低"]), ...extra.map((p) => [1, "台帳項目1", p, "委託先での漏えい", 1, 2, 2, "委託先の評価と覚書", "低"])]);

ruleTable("risk/cloud-storage-unanalysed", {
  valid: [
    { name: "Google Workspace with a risk of its sharing settings", grids: [cloudLedger("Google Workspace（共有ドライブ）"), cloudRisks("共有設定の誤りによる外部公開")] },
    { name: "a cloud service with risk rows in the 委託・提供 phase", grids: [cloudLedger("kintone"), cloudRisks("漏えい・紛失", ["委託・提供"])] },
    { name: "the service named in a risk", grids: [cloudLedger("Box"), cloudRisks("Boxのアカウント乗っ取り")] },
    { name: "an in-house file server", grids: [cloudLedger("社内ファイルサーバ"), cloudRisks("漏えい・紛失")] },
    { name: "an item with no risk rows is risk/phase-missing's", grids: [cloudLedger("Dropbox"), riskSheet([{ id: 9, name: "別項目" }])] },
  ],
  invalid: [
    { name: "Box with only generic risks", grids: [cloudLedger("Box"), cloudRisks("漏えい・紛失")], expected: [`${L}!J2 unanalysed`] },
    { name: "「クラウドストレージ」 in general words", grids: [cloudLedger("クラウドストレージ"), cloudRisks("紛失")], expected: [`${L}!J2 unanalysed`] },
  ],
});
