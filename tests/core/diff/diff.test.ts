import { describe, expect, it } from "vitest";
import { diffGrids } from "../../../packages/core/src/diff/diff";
import type { WorkbookDiff } from "../../../packages/core/src/diff/types";
import type { Finding } from "../../../packages/core/src/findings/finding";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import { ledgerSheet, riskSheet, TODAY, type LedgerRow } from "../helpers";
import { item, LAST_YEAR, risksOf, THIS_YEAR, workbook, type Layout, type Year } from "./fixtures";

const diff = (a: SheetGrid[], b: SheetGrid[]) => diffGrids(a, b, { today: TODAY });

/** One line per changed item: how it was paired, its names and the fields that changed. */
function itemLines(d: WorkbookDiff): string[] {
  return d.items.changed.map((c) => `${c.match} ${c.old.label} → ${c.new.label}: ${c.fields.map((f) => `${f.field} "${f.old}" → "${f.new}"`).join(", ")}`);
}

/** One line per changed risk row: item, phase, change and the levels that moved. */
function riskLines(d: WorkbookDiff): string[] {
  return d.risks.flatMap((g) =>
    g.rows.map((r) => {
      const name = (g.items.new.length > 0 ? g.items.new : g.items.old).join("+");
      const parts = [`${name} ${g.phase} ${r.change}`];
      if (r.before) parts.push(`before ${r.before.from}→${r.before.to} ${r.before.direction}`);
      if (r.after) parts.push(`after ${r.after.from}→${r.after.to} ${r.after.direction}`);
      if (r.reworded) parts.push("reworded");
      if (r.measureChanged) parts.push("measure");
      return parts.join(" ");
    }),
  );
}

const findingLines = (list: readonly Finding[]) => list.map((f) => `${f.rule} ${f.data?.item ?? ""}${f.data?.field ? ` ${f.data.field}` : ""}`);

const PAIRS: [Layout, Layout][] = [
  ["standard", "standard"],
  ["alternate", "standard"],
  ["standard", "alternate"],
];

describe.each(PAIRS)("last year %s → this year %s", (oldLayout, newLayout) => {
  const d = diff(workbook(LAST_YEAR, oldLayout), workbook(THIS_YEAR, newLayout));

  it("counts items added, removed, renamed and changed", () => {
    expect(d.summary.items).toEqual({ old: 5, new: 5, added: 1, removed: 1, renamed: 0, renamedUncertain: 1, changed: 2, unchanged: 1 });
    expect(d.items.added.map((i) => i.label)).toEqual(["Webセミナー参加者"]);
    expect(d.items.removed.map((i) => i.label)).toEqual(["名刺"]);
  });

  it("compares fields by meaning, and shows a near-miss name as renamed?", () => {
    expect(itemLines(d)).toEqual([
      `id 従業員名簿 → 従業員名簿: retention "" → "退職後7年"`,
      // 「約60件」 and 「60件程度」 are the same count: no change.
      `id 給与台帳 → 給与台帳: retention "7年" → "10年", contractor "〇〇社会保険労務士事務所" → "△△社会保険労務士法人"`,
      `similar お問い合わせフォーム → 問い合わせフォーム: name "お問い合わせフォーム" → "問い合わせフォーム"`,
    ]);
    expect(d.items.changed[2]?.renamed).toBe(true);
  });

  it("pairs risk rows per item and phase: a level lowered before and after measures, rows of added and removed items", () => {
    expect(riskLines(d)).toEqual([
      "従業員名簿 use changed before high→medium down",
      "給与台帳 store changed after medium→low down measure",
      ...["acquire", "transfer", "use", "store", "dispose"].map((p) => `Webセミナー参加者 ${p} added`),
      ...["acquire", "transfer", "use", "store", "dispose"].map((p) => `名刺 ${p} removed`),
    ]);
    expect(d.summary.risks).toEqual({ old: 26, new: 26, added: 5, removed: 5, changed: 2, before: { up: 0, down: 1 }, after: { up: 0, down: 1 } });
    // The renamed item's rows are the same rows: none added or removed for it.
    expect(d.risks.some((g) => g.items.new.includes("問い合わせフォーム"))).toBe(false);
  });

  it("finds the finding fixed, the new one, and the ones still open", () => {
    expect(findingLines(d.findings.resolved)).toEqual(["ledger/required-empty 従業員名簿 保管期限"]);
    expect(findingLines(d.findings.new)).toEqual(["ledger/required-empty Webセミナー参加者 利用目的"]);
    expect(findingLines(d.findings.open.map((o) => o.finding)).sort()).toEqual(["ledger/direct-acquisition-without-consent 健康診断結果", "ledger/sensitive-without-consent 健康診断結果"]);
    expect(d.summary.findings).toEqual({ resolved: 1, new: 1, open: 2, resolvedErrors: 1, newErrors: 1, openErrors: 2 });
    // Last year's place of a finding still open is last year's cell, in last year's layout.
    const open = d.findings.open.find((o) => o.finding.rule === "ledger/sensitive-without-consent");
    expect(open?.was.sheet).toBe(oldLayout === "alternate" ? "台帳" : "個人情報管理台帳");
  });

  it("keeps both years' summaries and overviews", () => {
    expect(d.old.summary.errors).toBe(3);
    expect(d.new.summary.errors).toBe(3);
    expect(d.old.overview?.heatMap.before).toBeDefined();
    expect(d.new.overview?.readiness.score).toBeGreaterThan(0);
  });
});

describe("layouts that record different things", () => {
  it("a wide risk sheet with only residual levels: residual changes are compared, levels before measures are not", () => {
    const d = diff(workbook(LAST_YEAR, "wide"), workbook(THIS_YEAR, "standard"));
    expect(riskLines(d).filter((l) => l.includes("changed"))).toEqual(["給与台帳 store changed after medium→low down measure"]);
    expect(d.summary.risks.before).toEqual({ up: 0, down: 0 });
    expect(d.summary.items.renamedUncertain).toBe(1);
  });

  it("columns one year records and the other does not are listed, not reported per item", () => {
    const d = diff(workbook(LAST_YEAR, "alternate"), workbook(THIS_YEAR, "standard"));
    // 個人情報区分 recorded 要配慮 and 特定個人情報 last year; this year only 要配慮 has a column.
    expect(d.ledgerFields.removed.map((f) => f.field)).toEqual(["myNumber", "infoCategory"]);
    expect(d.ledgerFields.added).toEqual([]);
    // 要配慮 read from 個人情報区分 last year and from its own column this year: the same.
    expect(d.items.changed.flatMap((c) => c.fields.map((f) => f.field))).not.toContain("sensitive");
  });
});

describe("pairing ledger items", () => {
  it("the same id under a near name is a rename, not renamed?", () => {
    const a = [ledgerSheet([{ "No.": 3, 個人情報の名称: "健康診断結果" }]), riskSheet([{ id: 3, name: "健康診断結果" }])];
    const b = [ledgerSheet([{ "No.": 3, 個人情報の名称: "健康診断個人票" }]), riskSheet([{ id: 3, name: "健康診断個人票" }])];
    const d = diff(a, b);
    expect(itemLines(d)).toEqual([`id 健康診断結果 → 健康診断個人票: name "健康診断結果" → "健康診断個人票"`]);
    expect(d.summary.items).toMatchObject({ renamed: 1, renamedUncertain: 0, added: 0, removed: 0 });
    expect(d.summary.risks).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it("an id column that only numbers rows does not pair unrelated items", () => {
    // 履歴書 (No. 2) was removed and the rows renumbered: 応募者データ is No. 2 now.
    const a = [ledgerSheet([{ 個人情報の名称: "従業員名簿" }, { 個人情報の名称: "履歴書", 媒体: "紙" }, { 個人情報の名称: "応募者データ", 利用目的: "採用選考", 保管場所: "採用管理システム" }])];
    const b = [ledgerSheet([{ 個人情報の名称: "従業員名簿" }, { 個人情報の名称: "応募者データ", 利用目的: "採用選考", 保管場所: "採用管理システム" }])];
    const d = diff(a, b);
    expect(d.items.removed.map((i) => i.label)).toEqual(["履歴書"]);
    expect(d.items.added).toEqual([]);
    expect(itemLines(d)).toEqual([]);
    expect(d.summary.items.unchanged).toBe(2);
  });

  it("two rows of one name (paper and electronic) pair by their ids, else by their other fields", () => {
    const rows = (id: (n: number) => number | null, paperPlace: string): LedgerRow[] => [
      { "No.": id(1), 個人情報の名称: "履歴書", 媒体: "電子", 保管場所: "採用管理システム" },
      { "No.": id(2), 個人情報の名称: "履歴書", 媒体: "紙", 保管場所: paperPlace },
    ];
    const changes = (d: WorkbookDiff) => d.items.changed.map((c) => `${c.match} ${c.fields.map((f) => `${f.field}: ${f.old} → ${f.new}`).join()}`);
    // Rows in another order: the ids say which is which.
    const byId = diff([ledgerSheet(rows((n) => n, "人事部キャビネット"))], [ledgerSheet(rows((n) => n, "書庫").reverse())]);
    expect(changes(byId)).toEqual(["id storagePlace: 人事部キャビネット → 書庫"]);
    // No ids: the medium and storage agree most with the row of the same medium.
    const byFields = diff([ledgerSheet(rows(() => null, "人事部キャビネット"))], [ledgerSheet(rows(() => null, "書庫").reverse())]);
    expect(changes(byFields)).toEqual(["name storagePlace: 人事部キャビネット → 書庫"]);
  });

  it("texts that differ only in width, spaces or line breaks are not changes", () => {
    const a = [ledgerSheet([{ 個人情報の名称: "顧客名簿", 保管場所: "ファイルサーバ（営業）", 件数: "約1,000件" }])];
    const b = [ledgerSheet([{ 個人情報の名称: "顧客名簿", 保管場所: "ファイルサーバ (営業)", 件数: "1000件程度" }])];
    expect(diff(a, b).items.changed).toEqual([]);
  });

  it("a name that differs only in a bracketed note, under another id, is renamed?", () => {
    const a = [ledgerSheet([{ "No.": 20, 個人情報の名称: "名刺（営業部）" }])];
    const b = [ledgerSheet([{ "No.": 14, 個人情報の名称: "名刺" }])];
    expect(itemLines(diff(a, b))).toEqual([`similar 名刺（営業部） → 名刺: name "名刺（営業部）" → "名刺"`]);
  });

  it("a name that is not near is an item removed and one added", () => {
    const a = [ledgerSheet([{ 個人情報の名称: "顧客名簿" }])];
    const b = [ledgerSheet([{ "No.": 9, 個人情報の名称: "取引先担当者リスト", 利用目的: "取引先との連絡" }])];
    const d = diff(a, b);
    expect([d.summary.items.added, d.summary.items.removed, d.summary.items.renamedUncertain]).toEqual([1, 1, 0]);
  });
});

describe("pairing risk rows", () => {
  it("rows about two items (an id both share) pair with last year's rows of either item", () => {
    // Last year 履歴書 alone had No. 6; this year 応募者データ was added under the same number,
    // so every risk row of No. 6 is about both items.
    const a = [ledgerSheet([{ "No.": 6, 個人情報の名称: "履歴書" }]), riskSheet([{ id: 6, name: "" }])];
    const b = [
      ledgerSheet([{ "No.": 6, 個人情報の名称: "履歴書" }, { "No.": 6, 個人情報の名称: "応募者データ", 媒体: "電子" }]),
      riskSheet([{ id: 6, name: "" }], [[6, "", "取得・入力", "応募フォームの通信の盗聴", 1, 2, 2, "TLSで暗号化", "低"]]),
    ];
    const d = diff(a, b);
    expect(d.summary.risks).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect(riskLines(d)).toEqual(["履歴書+応募者データ acquire added"]);
  });

  it("a reworded risk of the same item and phase is the same row, reworded", () => {
    const rows = (risk: string) => [ledgerSheet([{ 個人情報の名称: "顧客名簿" }]), riskSheet([{ id: 1, name: "顧客名簿", phases: ["取得・入力"] }], [[1, "顧客名簿", "保管・バックアップ", risk, 2, 3, 6, "多要素認証", "中"]])];
    const d = diff(rows("サーバーへの不正アクセス"), rows("クラウドストレージへの不正アクセスによる漏えい"));
    expect(riskLines(d)).toEqual(["顧客名簿 store changed reworded"]);
  });
});

describe("pairing findings", () => {
  it("a finding whose dates move (still overdue a year later) is still open, not resolved and new", () => {
    const a = [ledgerSheet([{ 個人情報の名称: "請求書控え", 見直し日: "2023/4/1" }]), riskSheet([{ id: 1, name: "請求書控え" }])];
    const b = [ledgerSheet([{ 個人情報の名称: "請求書控え", 見直し日: "2024/4/1" }]), riskSheet([{ id: 1, name: "請求書控え" }])];
    const d = diff(a, b);
    expect(d.findings.open.map((o) => o.finding.rule)).toEqual(["ledger/review-overdue"]);
    expect(d.summary.findings).toMatchObject({ resolved: 0, new: 0 });
  });

  it("a finding on a row that moved is still the same finding", () => {
    const year = (extraFirst: boolean): SheetGrid[] => {
      const items: LedgerRow[] = [{ 個人情報の名称: "名刺", 保管期間: null }];
      if (extraFirst) items.unshift({ 個人情報の名称: "従業員名簿", 保管期間: "退職後5年" });
      return [ledgerSheet(items)];
    };
    const d = diff(year(false), year(true));
    expect(d.findings.open.map((o) => `${o.was.cell} → ${o.finding.cell}`)).toContain("M2 → M3");
  });

  it("new errors decide the exit: findings accepted this year are not new errors", () => {
    const a = [ledgerSheet([{ 個人情報の名称: "名刺" }])];
    const b = [ledgerSheet([{ 個人情報の名称: "名刺", 保管期間: null }])];
    expect(diff(a, b).summary.findings.newErrors).toBe(1);
    const accepted = diffGrids(a, b, { today: TODAY, profile: { id: "p", version: "1", suppressions: [{ rule: "ledger/required-empty", reason: "確認中" }] } });
    expect(accepted.summary.findings).toMatchObject({ new: 1, newErrors: 0 });
  });
});

describe("scale", () => {
  // Names like 「旧k3台帳512」 and 「新k3台帳512」: each shares all but one bigram with its counterpart.
  const year = (prefix: string, idBase: number): Year => {
    const items = Array.from({ length: 20_000 }, (_x, i) => item(idBase + i, `${prefix}${i.toString(36)}台帳${(i * 7919) % 10007}`));
    return { items, risks: items.slice(0, 2000).flatMap((it) => risksOf(it)) };
  };

  it("20,000 items renamed under their ids are paired by id", () => {
    const d = diff(workbook(year("旧", 1), "standard"), workbook(year("新", 1), "standard"));
    expect(d.summary.items).toMatchObject({ old: 20_000, new: 20_000, added: 0, removed: 0, renamed: 20_000, renamedUncertain: 0 });
    expect(d.summary.risks).toMatchObject({ added: 0, removed: 0 });
  }, 120_000);

  it("20,000 items renamed under new ids are all found by their near names", () => {
    const d = diff(workbook(year("旧", 1), "standard"), workbook(year("新", 100_001), "standard"));
    expect(d.summary.items).toMatchObject({ added: 0, removed: 0, renamed: 0, renamedUncertain: 20_000 });
    expect(d.items.changed.every((c) => c.old.label.slice(1) === c.new.label.slice(1))).toBe(true);
  }, 120_000);
});
