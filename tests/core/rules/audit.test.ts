import { describe, expect, it } from "vitest";
import { check, ledgerSheet, ruleTable } from "../helpers";
import { auditSheet, trainingSheet } from "./annual-helpers";

const A = "内部監査記録";
const L = "個人情報管理台帳";

ruleTable("audit/self-audit", {
  valid: [
    { name: "auditors from other departments", grids: [auditSheet([{ 被監査部門: "人事部", 監査員の所属: "営業部" }, { 被監査部門: "営業部", 監査員の所属: "総務部" }])] },
    {
      name: "auditor's department from the training roster, another one",
      grids: [auditSheet([{ 被監査部門: "人事部", 監査員: "鈴木 次郎", 監査員の所属: null }]), trainingSheet([{ 氏名: "鈴木次郎", 所属: "総務部" }])],
    },
  ],
  invalid: [
    { name: "人事部 audited by an auditor of 人事部門", grids: [auditSheet([{ 被監査部門: "人事部", 監査員の所属: "人事部門" }])], expected: [`${A}!D2 selfAudit`] },
    {
      name: "no auditor department written: the roster says it is the audited one",
      grids: [auditSheet([{ 被監査部門: "営業部", 監査員: "田中・鈴木", 監査員の所属: null }]), trainingSheet([{ 氏名: "田中", 所属: "総務部" }, { 氏名: "鈴木", 所属: "営業部" }])],
      expected: [`${A}!C2 selfAudit`],
    },
  ],
});

/** Ledger rows in three departments (column B). */
const ledger = ledgerSheet([{ 部署: "人事部" }, { 部署: "営業部" }, { 部署: "営業部" }, { 部署: "総務部・経理部" }]);

ruleTable("audit/department-not-covered", {
  valid: [
    {
      name: "every department audited within 12 months, 2024-06-30 the oldest",
      grids: [ledger, auditSheet([{ 被監査部門: "人事部", 監査日: "2024/6/30" }, { 被監査部門: "営業部・総務部" }, { 被監査部門: "経理部門" }])],
    },
    { name: "全部門", grids: [ledger, auditSheet([{ 被監査部門: "全部門" }])] },
    { name: "no audit sheet: silent", grids: [ledger] },
  ],
  invalid: [
    {
      name: "営業部 and 経理部 not audited; 営業部 12 months and a day ago",
      grids: [ledger, auditSheet([{ 被監査部門: "人事部" }, { 被監査部門: "総務部" }, { 被監査部門: "営業部", 監査日: "2024/6/29" }])],
      expected: [`${L}!B3 notCovered`, `${L}!B5 notCovered`],
    },
    {
      name: "a planned audit does not count",
      grids: [ledger, auditSheet([{ 被監査部門: "人事部・総務部・経理部" }, { 被監査部門: "営業部", 監査日: "2025/9/1" }])],
      expected: [`${L}!B3 notCovered`],
    },
  ],
});

ruleTable("audit/open-nonconformity", {
  valid: [
    { name: "corrected", grids: [auditSheet([{ 結果: "不適合", 是正期限: "2025/3/31", 是正完了日: "2025/3/20" }])] },
    { name: "conforming, an observation, 不適合なし", grids: [auditSheet([{ 結果: "適合" }, { 結果: "観察" }, { 結果: "不適合なし" }])] },
    { name: "closed in words", grids: [auditSheet([{ 結果: "軽微な不適合", 是正完了日: "是正済" }])] },
  ],
  invalid: [
    { name: "open, not yet due", grids: [auditSheet([{ 結果: "不適合", 是正期限: "2025/7/31" }])], expected: [`${A}!G2 open`] },
    { name: "open past its deadline", grids: [auditSheet([{ 結果: "重大な不適合", 是正期限: "2025/5/31", 是正完了日: "未完了" }])], expected: [`${A}!G2 pastDue`] },
  ],
});

describe("audit/open-nonconformity severity", () => {
  it("is the catalogue's warning before and after the deadline (one severity, from the metadata)", () => {
    const r = check([auditSheet([{ 結果: "不適合", 是正期限: "2025/7/31" }, { 結果: "不適合", 是正期限: "2025/6/29" }])], { rules: ["audit/open-nonconformity"] });
    expect(r.findings.map((f) => `${f.cell} ${f.messageId} ${f.severity}`)).toEqual(["G2 open warning", "G3 pastDue warning"]);
  });
});
