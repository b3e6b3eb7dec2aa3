import { ledgerSheet, ruleTable } from "../helpers";
import { CORE_LAWS, LAW_HEADER, lawSheet } from "./annual-helpers";

const W = "法令等一覧";
const myNumberLedger = ledgerSheet([{ 個人情報の名称: "扶養控除等申告書", 個人情報の項目: "氏名、個人番号、扶養親族" }]);
const plainLedger = ledgerSheet([{ 個人情報の名称: "顧客名簿" }]);

ruleTable("laws/missing-core", {
  valid: [
    { name: "the official title", grids: [lawSheet(CORE_LAWS)] },
    { name: "the short name", grids: [lawSheet(["個人情報保護法（APPI）", "労働基準法"])] },
    { name: "the English name", grids: [lawSheet(["Act on the Protection of Personal Information (個人情報保護法)"])] },
    { name: "several names in one row", grids: [lawSheet(["個人情報保護法・同施行令・同施行規則"])] },
    { name: "no laws list: silent", grids: [plainLedger] },
  ],
  invalid: [
    {
      name: "only the cabinet order and a guideline",
      grids: [lawSheet(["個人情報の保護に関する法律施行令", "個人情報の保護に関する法律についてのガイドライン（通則編）", "個人情報保護委員会規則"])],
      expected: [`${W}!B1 missing`],
    },
  ],
});

ruleTable("laws/missing-mynumber", {
  valid: [
    { name: "My Number held; the act and its guideline listed", grids: [myNumberLedger, lawSheet(CORE_LAWS)] },
    { name: "short names", grids: [myNumberLedger, lawSheet(["個人情報保護法", "番号法", "特定個人情報ガイドライン（事業者編）"])] },
    { name: "no My Number in the ledger", grids: [plainLedger, lawSheet(["個人情報保護法"])] },
    { name: "no laws list: silent", grids: [myNumberLedger] },
  ],
  invalid: [
    { name: "neither listed", grids: [myNumberLedger, lawSheet(["個人情報保護法"])], expected: [`${W}!B1 missing`] },
    { name: "the act without its guideline", grids: [myNumberLedger, lawSheet(["個人情報保護法", "マイナンバー法"])], expected: [`${W}!B1 missing`] },
    {
      name: "the guideline without the act (a guideline naming 番号法 is no act)",
      grids: [myNumberLedger, lawSheet(["個人情報保護法", "番号法に関する特定個人情報ガイドライン"])],
      expected: [`${W}!B1 missing`],
    },
  ],
});

ruleTable("laws/review-overdue", {
  valid: [
    { name: "checked within 12 months, 2024-06-30 the oldest", grids: [lawSheet([["個人情報保護法", "2024/6/30"], ["番号法", 45748]])] },
    { name: "era date", grids: [lawSheet([["個人情報保護法", "令和7年4月1日"]])] },
  ],
  invalid: [
    { name: "one law checked 12 months and a day ago", grids: [lawSheet([["個人情報保護法", "2025/4/1"], ["番号法", "2024/6/29"]])], expected: [`${W}!D3 overdue`] },
    { name: "a blank checked date", grids: [lawSheet([["個人情報保護法", null]])], expected: [`${W}!D2 never`] },
    { name: "no checked-date column", grids: [lawSheet(["個人情報保護法"], W, LAW_HEADER.filter((h) => h !== "確認日"))], expected: [`${W}!B1 noColumn`] },
  ],
});

// ---- Added in the 2023-accuracy round (issue 21). ----

const healthLedger = ledgerSheet([{ 個人情報の名称: "健康診断結果", 要配慮個人情報: "○" }]);
const applicantLedger = ledgerSheet([{ 個人情報の名称: "応募者の履歴書" }]);

ruleTable("laws/sector-missing", {
  valid: [
    { name: "health checks and 労働安全衛生法 listed", grids: [healthLedger, lawSheet(["個人情報保護法", "労働安全衛生法"])] },
    { name: "the MHLW notes on health information stand for it", grids: [healthLedger, lawSheet(["個人情報保護法", "雇用管理分野における個人情報のうち健康情報を取り扱うに当たっての留意事項"])] },
    { name: "applicants and 職業安定法 listed", grids: [applicantLedger, lawSheet(["個人情報保護法", "職業安定法"])] },
    { name: "neither health data nor applicants", grids: [plainLedger, lawSheet(["個人情報保護法"])] },
    { name: "no laws list: silent", grids: [healthLedger] },
  ],
  invalid: [
    { name: "health checks without 労働安全衛生法", grids: [healthLedger, lawSheet(["個人情報保護法", "労働基準法"])], expected: [`${W}!B1 missing`] },
    {
      name: "health checks and applicants, neither law listed",
      grids: [ledgerSheet([{ 個人情報の名称: "ストレスチェック結果" }, { 個人情報の名称: "エントリーシート" }]), lawSheet(["個人情報保護法"])],
      expected: [`${W}!B1 missing`, `${W}!B1 missing`],
    },
  ],
});

ruleTable("laws/obsolete", {
  valid: [
    { name: "current guidelines and JIS Q 15001:2023", grids: [lawSheet([...CORE_LAWS, "JIS Q 15001:2023", "雇用管理分野における個人情報のうち健康情報を取り扱うに当たっての留意事項"])] },
  ],
  invalid: [
    {
      name: "the METI sector guideline, the MHLW employment guideline and JIS Q 15001:2006",
      grids: [lawSheet(["個人情報保護法", "個人情報の保護に関する法律についての経済産業分野を対象とするガイドライン", "雇用管理分野における個人情報保護に関するガイドライン", "JIS Q 15001:2006"])],
      expected: [`${W}!B3 obsolete`, `${W}!B4 obsolete`, `${W}!B5 obsolete`],
    },
  ],
});
