/**
 * `pmark diff OLD NEW`: the two years' workbooks as files (the test pair of tests/core/diff in
 * two layouts, and the bundled sample with last year's copy), compared in-process and with the
 * built CLI: exit status, one stderr line per unreadable input, the text, JSON and HTML outputs.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SheetGrid } from "@pmark/core";
import { runInProcess as run } from "./in-process";
import { LAST_YEAR, THIS_YEAR, workbook, item, risksOf } from "../core/diff/fixtures";
import { buildCli, lines, ROOT, runPmark, tempDir } from "./helpers";

let dir: string;
const f = (name: string) => join(dir, name);
const SAMPLE = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
const SAMPLE_LAST_YEAR = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル_前年度.xlsx");

/** Grids written as an .xlsx (values and merges). */
function writeXlsx(path: string, grids: readonly SheetGrid[]): void {
  const wb = XLSX.utils.book_new();
  for (const g of grids) {
    const ws = XLSX.utils.aoa_to_sheet(g.values.map((r) => r.map((v) => (v === undefined ? null : v))));
    if (g.merges) ws["!merges"] = g.merges.map((m) => ({ s: { r: m.startRow, c: m.startCol }, e: { r: m.endRow, c: m.endCol } }));
    XLSX.utils.book_append_sheet(wb, ws, g.name);
  }
  writeFileSync(path, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
}

beforeAll(() => {
  buildCli();
  dir = tempDir("pmark-diff-");
  writeXlsx(f("2024-alternate.xlsx"), workbook(LAST_YEAR, "alternate"));
  writeXlsx(f("2025.xlsx"), workbook(THIS_YEAR, "standard"));
  // A year that fixed its one error and added none.
  const roster = item(1, "従業員名簿", { retention: "" });
  const fixed = { ...roster, retention: "退職後7年" };
  writeXlsx(f("with-error.xlsx"), workbook({ items: [roster], risks: risksOf(roster) }, "standard"));
  writeXlsx(f("fixed.xlsx"), workbook({ items: [fixed], risks: risksOf(fixed) }, "standard"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pmark diff (in-process)", () => {
  it("across two layouts: exit 1 for a new error, and the JSON says what changed", async () => {
    const r = await run(["diff", f("2024-alternate.xlsx"), f("2025.xlsx"), "--format", "json", "--today", "2025-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.old.file).toBe(f("2024-alternate.xlsx"));
    expect(doc.new.sheets.map((s: { kind: string }) => s.kind)).toEqual(["ledger", "risk"]);
    expect(doc.summary.items).toEqual({ old: 5, new: 5, added: 1, removed: 1, renamed: 0, renamedUncertain: 1, changed: 2, unchanged: 1 });
    expect(doc.summary.findings).toEqual({ resolved: 1, new: 1, open: 2, resolvedErrors: 1, newErrors: 1, openErrors: 2 });
    expect(doc.items.changed.map((c: { match: string; new: { label: string } }) => `${c.match} ${c.new.label}`)).toEqual(["id 従業員名簿", "id 給与台帳", "similar 問い合わせフォーム"]);
    expect(doc.findings.open[0].was).toEqual({ sheet: "台帳", cell: expect.stringMatching(/^[A-Z]+\d+$/) });
    expect(doc.findings.new[0]).toMatchObject({ rule: "ledger/required-empty", severity: "error" });
    // Findings in the JSON are the documented shape: no messageId, no data.
    expect(Object.keys(doc.findings.new[0]).sort()).toEqual(["cell", "col", "message", "row", "rule", "severity", "sheet"]);
  });

  it("exit 0 when nothing new is an error (a finding fixed)", async () => {
    const r = await run(["diff", f("with-error.xlsx"), f("fixed.xlsx"), "--today", "2025-06-30", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[3]).toBe(" findings: 1 resolved (1 errors), 0 new, 0 still open");
  });

  it("text: the summary first, then items, risk rows and findings", async () => {
    const r = await run(["diff", f("2024-alternate.xlsx"), f("2025.xlsx"), "--today", "2025-06-30"]);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`年次比較: ${f("2024-alternate.xlsx")} → ${f("2025.xlsx")}`);
    expect(out[1]).toBe(" 台帳の項目: 5 → 5 (追加 1・削除 1・名称変更 0・名称変更? 1・変更 2・変更なし 1)");
    expect(out[2]).toBe(" リスク分析: 26 → 26 (追加 5・削除 5・変更 2) / 対策前: 下がった 1・上がった 0 / 対策後: 下がった 1・上がった 0");
    expect(out).toContain(" 名称変更?  お問い合わせフォーム → 6 問い合わせフォーム  (個人情報管理台帳!C5)  [似た名称で対応づけ。同じ個人情報か確認してください]");
    expect(out).toContain("     保管期限: 7年 → 10年");
    expect(out.some((l) => l.includes("対策前 高 → 中 (下がった)"))).toBe(true);
    expect(out.some((l) => l.includes("対策後 中 → 低 (下がった)"))).toBe(true);
  });

  it("an unreadable input: exit 2, one line naming it; JSON says which side", async () => {
    const missing = f("no-such-2024.xlsx");
    const r = await run(["diff", missing, f("2025.xlsx"), "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: cannot read "${missing}": no such file`]);
    expect(r.stdout).toBe("");
    const j = await run(["diff", missing, f("no-such-2025.xlsx"), "--format", "json"]);
    expect(j.status).toBe(2);
    expect(lines(j.stderr)).toHaveLength(2);
    const doc = JSON.parse(j.stdout);
    expect([doc.old.error.code, doc.new.error.code]).toEqual(["not-found", "not-found"]);
    const folder = await run(["diff", dir, f("2025.xlsx"), "--lang", "en"]);
    expect(folder.status).toBe(2);
    expect(lines(folder.stderr)).toHaveLength(1);
  });

  it("text from the workbooks never reaches the terminal raw (escapes, bidi overrides)", async () => {
    const header = "No.,個人情報の名称,利用目的,保管場所,保管方法,アクセス権を有する者,保管期間\r\n";
    writeFileSync(f("old.csv"), `${header}1,顧客名簿,営業,サーバ,施錠,営業部,5年\r\n`);
    writeFileSync(f("new.csv"), `${header}1,"顧客\x1b[2J名簿\u202e",営業\x1b]0;x\x07,サーバ,施錠,営業部,5年\r\n`);
    const r = await run(["diff", f("old.csv"), f("new.csv"), "--today", "2025-06-30"]);
    expect(r.stdout).not.toMatch(/[\x1b\x07\u202e]/);
    expect(r.stdout).toContain("顧客\\x1b[2J名簿\\u202e");
    expect(r.stdout).toContain("利用目的: 営業 → 営業\\x1b]0;x\\x07");
  });

  it("a bad profile is one line and exit 2, before anything is read", async () => {
    const r = await run(["diff", f("2024-alternate.xlsx"), f("2025.xlsx"), "--profile", "no-such-profile", "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe("pmark diff (built) on the bundled sample and last year's copy", () => {
  it("finds what the sample's README says changed between 第4版 and 第5版", () => {
    const r = runPmark(["diff", SAMPLE_LAST_YEAR, SAMPLE, "--format", "json", "--today", "2025-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.items).toEqual({ old: 18, new: 19, added: 2, removed: 1, renamed: 1, renamedUncertain: 1, changed: 7, unchanged: 10 });
    expect(doc.items.added.map((i: { label: string }) => i.label)).toEqual(["応募者データ（採用ページ）", "アクセスログ（社内システム）"]);
    expect(doc.items.removed.map((i: { label: string }) => i.label)).toEqual(["年賀状送付先リスト"]);
    expect(doc.ledgerFields.added.map((x: { field: string }) => x.field)).toEqual(["notice", "infoCategory"]);
    expect(doc.summary.risks).toMatchObject({ old: 98, new: 106, before: { up: 0, down: 1 }, after: { up: 0, down: 3 } });
    expect(doc.summary.findings).toEqual({ resolved: 3, new: 10, open: 6, resolvedErrors: 1, newErrors: 5, openErrors: 3 });
    const rules = (list: { rule: string }[]) => list.map((x) => x.rule).sort();
    expect(rules(doc.findings.resolved)).toEqual(["laws/sector-missing", "risk/high-without-measure", "risk/residual-not-accepted"]);
    // Every finding this year is either new or still open.
    const check = JSON.parse(runPmark(["check", SAMPLE, "--format", "json", "--today", "2025-06-30"]).stdout);
    expect(doc.findings.new.length + doc.findings.open.length).toBe(check.files[0].findings.length);
  });

  it("the same workbook twice: nothing changed, exit 0", () => {
    const r = runPmark(["diff", SAMPLE, SAMPLE, "--today", "2025-06-30", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[1]).toBe(" ledger items: 19 → 19 (0 added, 0 removed, 0 renamed, 0 renamed?, 0 changed, 19 unchanged)");
  });
});
