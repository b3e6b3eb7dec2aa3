import { describe, expect, it } from "vitest";
import { ledgerSheet, riskSheet, ruleTable, sheet, LEDGER_HEADER } from "../helpers";

const L = "個人情報管理台帳";
const withRisk = (ledger: ReturnType<typeof ledgerSheet>) => [ledger, riskSheet([{ id: 1, name: "台帳項目1" }])];

const table = ruleTable;

table("ledger/required-empty", {
  valid: [
    { name: "every required cell filled", grids: withRisk(ledgerSheet([{}])) },
    { name: "contractor and recipient blank mean none", grids: withRisk(ledgerSheet([{ 委託先: null, 提供先: null }])) },
  ],
  invalid: [
    { name: "blank purpose and retention", grids: withRisk(ledgerSheet([{ 利用目的: "", 保管期間: null }])), expected: [`${L}!E2 requiredEmpty`, `${L}!M2 requiredEmpty`] },
    { name: "blank disposal is an expected field (warning)", grids: withRisk(ledgerSheet([{}, { 廃棄方法: " " }])), expected: [`${L}!N3 expectedEmpty`] },
    {
      name: "name and data items both blank",
      grids: withRisk(ledgerSheet([{ 個人情報の名称: null, 個人情報の項目: null }])),
      expected: [`${L}!C2 requiredEmpty`],
    },
  ],
});

table("ledger/duplicate-id", {
  valid: [
    { name: "distinct ids", grids: withRisk(ledgerSheet([{ "No.": 1 }, { "No.": 2 }])) },
    { name: "per-department ledgers may both start at 1", grids: [ledgerSheet([{ "No.": 1 }], "人事部"), ledgerSheet([{ "No.": 1 }], "営業部")] },
  ],
  invalid: [
    { name: "same id twice", grids: withRisk(ledgerSheet([{ "No.": "P-001" }, { "No.": "P-002" }, { "No.": "Ｐ－００１" }])), expected: [`${L}!A4 duplicateId`] },
  ],
});

table("ledger/sensitive-without-consent", {
  valid: [
    { name: "sensitive with consent", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "有", 本人同意: "同意書あり" }])) },
    { name: "not sensitive, no consent", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "×", 本人同意: "×" }])) },
  ],
  invalid: [
    { name: "sensitive, consent blank", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "○", 本人同意: null }])), expected: [`${L}!G2 noConsent`] },
    { name: "sensitive, consent no", grids: withRisk(ledgerSheet([{ 要配慮個人情報: "あり(健康診断)", 本人同意: "なし" }])), expected: [`${L}!G2 noConsent`] },
    {
      name: "sensitive, no consent column",
      grids: [sheet(L, [["個人情報の名称", "利用目的", "保管場所", "要配慮"], ["健康診断結果", "健康管理", "人事キャビネット", "○"]])],
      expected: [`${L}!D2 noConsentColumn`],
    },
  ],
});

table("ledger/provision-without-consent", {
  valid: [
    { name: "recipient with consent", grids: withRisk(ledgerSheet([{ 提供先: "健康保険組合", 本人同意: "○" }])) },
    { name: "recipient none", grids: withRisk(ledgerSheet([{ 提供先: "提供なし", 本人同意: null }])) },
    { name: "contractor only (entrustment needs no consent)", grids: withRisk(ledgerSheet([{ 委託先: "〇〇社労士事務所", 本人同意: null }])) },
  ],
  invalid: [
    { name: "recipient, consent blank", grids: withRisk(ledgerSheet([{ 提供先: "グループ会社", 本人同意: "" }])), expected: [`${L}!G2 noConsent`] },
  ],
});

table("ledger/direct-acquisition-without-consent", {
  valid: [
    { name: "web form with consent", grids: withRisk(ledgerSheet([{ 取得方法: "Webフォーム", 本人同意: "○" }])) },
    { name: "handed over by a client (not direct)", grids: withRisk(ledgerSheet([{ 取得方法: "取引先から受領", 本人同意: null }])) },
    { name: "CV acquired indirectly through an agency", grids: withRisk(ledgerSheet([{ 取得方法: "紹介会社経由の履歴書", 本人同意: null }])) },
  ],
  invalid: [
    { name: "web form, no consent", grids: withRisk(ledgerSheet([{ 取得方法: "問い合わせフォーム", 本人同意: null }])), expected: [`${L}!G2 noConsent`] },
    { name: "CV, consent no", grids: withRisk(ledgerSheet([{ 取得方法: "履歴書（郵送）", 本人同意: "×" }])), expected: [`${L}!G2 noConsent`] },
  ],
});

table("ledger/review-overdue", {
  valid: [
    { name: "reviewed within 12 months", grids: withRisk(ledgerSheet([{ 見直し日: "2024/6/30" }])) },
    { name: "reviewed as Excel serial (2025-04-01)", grids: withRisk(ledgerSheet([{ 見直し日: 45748 }])) },
    { name: "reviewed in era notation", grids: withRisk(ledgerSheet([{ 見直し日: "令和7年4月1日" }])) },
  ],
  invalid: [
    { name: "12 months and a day", grids: withRisk(ledgerSheet([{ 見直し日: "2024/6/29" }])), expected: [`${L}!T2 overdue`] },
    { name: "blank review date", grids: withRisk(ledgerSheet([{ 見直し日: null }])), expected: [`${L}!T2 never`] },
  ],
});

describe("ledger header used by the rule tests", () => {
  it("maps every column", () => {
    expect(LEDGER_HEADER).toHaveLength(20);
  });
});
