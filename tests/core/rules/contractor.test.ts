import { ledgerSheet, ruleTable, sheet } from "../helpers";
import { contractorSheet, CONTRACTOR_HEADER } from "./annual-helpers";

const L = "個人情報管理台帳";
const C = "委託先管理台帳";

/** Ledger columns: O = 委託先, J = 保管場所. Register columns: B = 委託先名, D = 評価日, E = 評価結果, F = 覚書. */
const register = contractorSheet([
  { 委託先名: "〇〇社会保険労務士事務所" },
  { 委託先名: "株式会社クラウドメール", 委託業務: "メールサーバー" },
  { 委託先名: "Google合同会社", 委託業務: "Google Workspace の提供" },
]);

ruleTable("contractor/not-registered", {
  valid: [
    { name: "registered as written", grids: [ledgerSheet([{ 委託先: "〇〇社会保険労務士事務所" }]), register] },
    { name: "a cell naming two registered contractors", grids: [ledgerSheet([{ 委託先: "〇〇社会保険労務士事務所、株式会社クラウドメール（メール配信）" }]), register] },
    { name: "no contractor register in the workbook: silent", grids: [ledgerSheet([{ 委託先: "株式会社セキュアゲート" }])] },
    { name: "none, or a bare yes", grids: [ledgerSheet([{ 委託先: "なし" }, { 委託先: "有" }]), register] },
    { name: "a cloud service the register names in its work", grids: [ledgerSheet([{ 保管場所: "Google ドライブ（共有ドライブ「人事」）" }]), register] },
    { name: "a cabinet called BOX is no cloud service", grids: [ledgerSheet([{ 保管場所: "鍵付きBOX（総務部）" }, { 保管場所: "書類BOX" }]), register] },
    { name: "a near miss is name-near-miss's, not this rule's", grids: [ledgerSheet([{ 委託先: "(株)クラウドメール" }]), register] },
  ],
  invalid: [
    { name: "a contractor the register lacks", grids: [ledgerSheet([{ 委託先: "株式会社セキュアゲート" }]), register], expected: [`${L}!O2 contractor`] },
    {
      name: "the unregistered one of two names in a cell",
      grids: [ledgerSheet([{ 委託先: "株式会社クラウドメール、未登録運輸株式会社" }]), register],
      expected: [`${L}!O2 contractor`],
    },
    { name: "Box named as storage place", grids: [ledgerSheet([{ 保管場所: "Box（クラウドストレージ）" }]), register], expected: [`${L}!J2 cloud`] },
    {
      name: "kintone and Microsoft 365 in one storage cell",
      grids: [ledgerSheet([{ 保管場所: "kintone、OneDrive" }]), register],
      expected: [`${L}!J2 cloud`, `${L}!J2 cloud`],
    },
  ],
});

ruleTable("contractor/name-near-miss", {
  valid: [
    { name: "written as registered", grids: [ledgerSheet([{ 委託先: "株式会社クラウドメール" }]), register] },
    { name: "a different company is not a near miss", grids: [ledgerSheet([{ 委託先: "株式会社セキュアゲート" }]), register] },
    { name: "short names need an exact key", grids: [ledgerSheet([{ 委託先: "ABD" }]), contractorSheet([{ 委託先名: "ABC" }])] },
  ],
  invalid: [
    { name: "(株) for 株式会社", grids: [ledgerSheet([{ 委託先: "(株)クラウドメール" }]), register], expected: [`${L}!O2 nearMiss`] },
    { name: "㈱ and full-width letters", grids: [ledgerSheet([{ 委託先: "ＡＢＣ物流㈱" }]), contractorSheet([{ 委託先名: "ABC物流株式会社" }])], expected: [`${L}!O2 nearMiss`] },
    { name: "社労士 for 社会保険労務士事務所", grids: [ledgerSheet([{ 委託先: "〇〇社労士" }]), register], expected: [`${L}!O2 nearMiss`] },
    { name: "a one-character typo", grids: [ledgerSheet([{ 委託先: "株式会社クラウドメイル" }]), register], expected: [`${L}!O2 nearMiss`] },
    { name: "a space inside the name", grids: [ledgerSheet([{ 委託先: "株式会社　クラウドメール" }]), register], expected: [`${L}!O2 nearMiss`] },
  ],
});

ruleTable("contractor/evaluation-overdue", {
  valid: [
    { name: "evaluated 12 months ago to the day (2024-06-30)", grids: [contractorSheet([{ 評価日: "2024/6/30" }])] },
    { name: "evaluated this year, as a serial (2025-04-01)", grids: [contractorSheet([{ 評価日: 45748 }])] },
    {
      name: "no evaluation-date column: silent",
      grids: [contractorSheet([{ 委託先名: "A社" }], C, CONTRACTOR_HEADER.filter((h) => h !== "評価日"))],
    },
  ],
  invalid: [
    { name: "12 months and a day (2024-06-29)", grids: [contractorSheet([{ 評価日: "2024/6/29" }])], expected: [`${C}!D2 overdue`] },
    { name: "never evaluated", grids: [contractorSheet([{}, { 評価日: null }])], expected: [`${C}!D3 never`] },
  ],
});

ruleTable("contractor/evaluation-failed", {
  valid: [
    { name: "passed", grids: [contractorSheet([{ 評価結果: "適" }, { 評価結果: "合格" }, { 評価結果: "A" }])] },
    { name: "passed with remarks", grids: [contractorSheet([{ 評価結果: "適（一部要改善）" }])] },
    { name: "failed, continued use approved by the representative", grids: [contractorSheet([{ 評価結果: "否", 備考: "代表者承認により継続利用（2025/3/1）" }])] },
    { name: "a score is not judged", grids: [contractorSheet([{ 評価結果: "85点" }])] },
  ],
  invalid: [
    { name: "否", grids: [contractorSheet([{ 評価結果: "否" }])], expected: [`${C}!E2 notPassed`] },
    { name: "条件付き適 and NG", grids: [contractorSheet([{ 評価結果: "条件付き適" }, { 評価結果: "NG" }])], expected: [`${C}!E2 notPassed`, `${C}!E3 notPassed`] },
    { name: "a note that is no exception", grids: [contractorSheet([{ 評価結果: "不適", 備考: "再評価予定" }])], expected: [`${C}!E2 notPassed`] },
  ],
});

ruleTable("contractor/no-agreement", {
  valid: [
    { name: "signed", grids: [contractorSheet([{ 覚書: "済" }, { 覚書: "済（利用規約で代替）" }, { 覚書: "NDA締結" }])] },
    { name: "no agreement column: silent", grids: [contractorSheet([{}], C, CONTRACTOR_HEADER.filter((h) => h !== "覚書"))] },
  ],
  invalid: [
    { name: "未, blank and undecided", grids: [contractorSheet([{ 覚書: "未" }, { 覚書: null }, { 覚書: "確認中" }])], expected: [`${C}!F2 noAgreement`, `${C}!F3 noAgreement`, `${C}!F4 noAgreement`] },
  ],
});

ruleTable("contractor/unused", {
  valid: [
    {
      name: "every contractor used: by name, nearly by name, and as a cloud storage place",
      grids: [ledgerSheet([{ 委託先: "〇〇社会保険労務士事務所" }, { 委託先: "(株)クラウドメール" }, { 保管場所: "Gmail" }]), register],
    },
    { name: "a ledger without a contractor column: silent", grids: [sheet(L, [["個人情報の名称", "利用目的", "保管場所"], ["顧客名簿", "営業", "CRM"]]), register] },
  ],
  invalid: [
    {
      name: "a registered contractor no item uses",
      grids: [ledgerSheet([{ 委託先: "〇〇社会保険労務士事務所" }, { 保管場所: "Google Workspace" }]), register],
      expected: [`${C}!B3 unused`],
    },
  ],
});
