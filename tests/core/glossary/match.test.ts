import { describe, expect, it } from "vitest";
import { matchField } from "../../../packages/core/src/glossary/match";
import { normaliseHeader } from "../../../packages/core/src/glossary/normalise";

describe("header normalisation", () => {
  it.each([
    ["保管場所（必須）", "保管場所"],
    ["利用目的 ※記入例参照", "利用目的"],
    ["件数\n(概数可)", "件数"],
    ["①取得方法", "取得方法"],
    ["ＮＯ．", "no"],
    ["アクセス権を\n有する者", "アクセス権を有する者"],
    ["【保管】", "保管"],
    ["1. 利用目的", "利用目的"],
    ["要配慮\n(有/無)", "要配慮"],
    ["Storage  location", "storagelocation"],
    ["開示対象・非対象", "開示対象非対象"],
    // Invisible characters pasted into a word: zero-width space, soft hyphen, BOM, bidi isolate.
    ["利用\u200b目的", "利用目的"],
    ["保管\u00ad場所", "保管場所"],
    ["\ufeff保管期限", "保管期限"],
    ["\u2066アクセス権を有する者\u2069", "アクセス権を有する者"],
  ])("%s → %s", (raw, normal) => expect(normaliseHeader(raw)).toBe(normal));

  it("a zero-width space inside a header word does not hide the column", () => {
    expect(matchField("ledger", "利用\u200b目的")?.field).toBe("purpose");
    expect(matchField("ledger", "保管\u200c期限")?.field).toBe("retention");
  });
});

describe("header spellings", () => {
  const ledger: [string, string][] = [
    ["個人情報の名称", "name"],
    ["個人情報名", "name"],
    ["書類名", "name"],
    ["情報資産名称", "name"],
    ["個人情報の項目", "dataItems"],
    ["記載項目", "dataItems"],
    ["取得・利用目的", "purpose"],
    ["入手経路", "acquisitionMethod"],
    ["取得元", "source"],
    ["本人同意の有無", "consent"],
    ["件数規模", "count"],
    ["保有件数", "count"],
    ["媒体区分", "medium"],
    ["情報の形態", "medium"],
    ["保存場所・システム", "storagePlace"],
    ["保管先", "storagePlace"],
    ["保管方法", "storageMethod"],
    ["アクセス権限を有するもの", "accessScope"],
    ["利用者の範囲", "accessScope"],
    ["利用期間", "usePeriod"],
    ["保存期間", "retention"],
    ["廃棄予定年月", "retention"],
    ["破棄(または返却)の方法", "disposal"],
    ["廃棄手段の分類", "disposal"],
    ["管理責任者名", "owner"],
    ["個人情報提出先", "contractor"],
    ["第三者提供先", "recipient"],
    ["一般/機微", "sensitive"],
    ["要配慮個人情報の有無", "sensitive"],
    ["個人番号", "myNumber"],
    ["開示対象個人情報", "disclosable"],
    ["保有個人データ", "disclosable"],
    ["最終確認日", "reviewedDate"],
    ["取扱い部署", "department"],
    ["業務プロセス", "business"],
    ["Purpose of use", "purpose"],
    ["Retention period", "retention"],
    ["Access holders", "accessScope"],
    ["Storage location", "storagePlace"],
    ["Disposal method", "disposal"],
    ["Special care required", "sensitive"],
    // Contained spellings: a known label inside a longer one.
    ["保管場所（施錠キャビネット等）", "storagePlace"],
    ["利用目的（具体的に）", "purpose"],
    ["主な保管場所・システム名", "storagePlace"],
  ];
  it.each(ledger)("ledger %s → %s", (label, field) => expect(matchField("ledger", label)?.field).toBe(field));

  const risk: [string, string][] = [
    ["局面", "phase"],
    ["ライフサイクル(局面)", "phase"],
    ["個人情報の取扱い", "phase"],
    ["想定されるリスク", "risk"],
    ["リスクの種類・原因", "risk"],
    ["発生頻度", "likelihood"],
    ["起こりやすさ", "likelihood"],
    ["被害の大きさ", "impact"],
    ["リスク値", "score"],
    ["リスクの大きさ", "score"],
    ["現状の対策", "measure"],
    ["安全管理措置", "measure"],
    ["関連規程", "ruleRef"],
    ["残存リスク", "residualLevel"],
    ["残留リスク", "residualLevel"],
    ["受容可否", "acceptance"],
    ["Lifecycle Stage", "phase"],
    ["Likelihood", "likelihood"],
    ["Residual risk", "residualLevel"],
  ];
  it.each(risk)("risk %s → %s", (label, field) => expect(matchField("risk", label)?.field).toBe(field));

  it("does not read prose or generic words as headers", () => {
    expect(matchField("ledger", "社員の住所は人事部のキャビネットに施錠して保管し、退職後5年で廃棄する。これは規程による。")).toBeNull();
    expect(matchField("ledger", "合計")).toBeNull();
    expect(matchField("ledger", "名称変更の履歴")).toBeNull();
  });

  it("a profile adds spellings", () => {
    expect(matchField("ledger", "用途")).toBeNull();
    expect(matchField("ledger", "用途", { ledger: { purpose: ["用途"] } })?.field).toBe("purpose");
  });
});
