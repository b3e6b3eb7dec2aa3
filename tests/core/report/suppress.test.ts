import { describe, expect, it } from "vitest";
import type { Finding } from "../../../packages/core/src/findings/finding";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import { profileSchema, type ProfileInput } from "../../../packages/core/src/profile/schema";
import { noteAcceptances, rulePatternMatches, suppressionMatches } from "../../../packages/core/src/report/suppress";
import { exitStatus } from "../../../packages/cli/src/format/summary";
import { check, LEDGER_HEADER, ledgerSheet, riskSheet, sheet, type LedgerRow } from "../helpers";

const L = "個人情報管理台帳";

/** Two items: row 2 has a blank purpose (C... column 利用目的), row 3 is not analysed at all. */
function workbook(notes: (string | null)[] = []): SheetGrid[] {
  const rows: LedgerRow[] = [
    { "No.": 1, 個人情報の名称: "顧客名簿", 利用目的: null },
    { "No.": 2, 個人情報の名称: "名刺" },
  ];
  const ledger = ledgerSheet(rows);
  if (notes.length > 0) {
    ledger.values = ledger.values.map((r, i) => [...r, i === 0 ? "備考" : (notes[i - 1] ?? null)]);
  }
  return [ledger, riskSheet([{ id: 1, name: "顧客名簿" }])];
}

const PURPOSE = `${L}!${String.fromCharCode(65 + LEDGER_HEADER.indexOf("利用目的"))}2`;
const NAME_3 = `${L}!${String.fromCharCode(65 + LEDGER_HEADER.indexOf("個人情報の名称"))}3`;

const profile = (suppressions: ProfileInput["suppressions"]): ProfileInput => ({ id: "company", version: "1", suppressions });
const at = (f: Finding) => `${f.sheet}!${f.cell}`;
const accepted = (findings: readonly Finding[]) => findings.filter((f) => f.accepted).map((f) => `${f.rule} ${at(f)}`);

describe("the unsuppressed workbook", () => {
  it("has the two errors the suppressions below accept", () => {
    const r = check(workbook());
    expect(r.findings.map((f) => `${f.rule} ${at(f)}`)).toEqual([`ledger/required-empty ${PURPOSE}`, `risk/phase-missing ${NAME_3}`]);
    expect(r.summary).toMatchObject({ errors: 2, accepted: 0 });
  });
});

describe("suppressions in the profile", () => {
  it("accept a finding by rule, sheet and cell: kept, counted as accepted, not as an error", () => {
    const cell = PURPOSE.split("!")[1] as string;
    const r = check(workbook(), { profile: profile([{ rule: "ledger/required-empty", sheet: L, cell, reason: "紙の原本で管理" }]) });
    expect(r.findings).toHaveLength(2);
    expect(accepted(r.findings)).toEqual([`ledger/required-empty ${PURPOSE}`]);
    const f = r.findings.find((x) => x.accepted);
    expect(f?.acceptance).toEqual({ source: "profile", reason: "紙の原本で管理" });
    expect(r.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0, accepted: 1 });
  });

  it("make the exit status 0 when every error is accepted", () => {
    const all = check(workbook(), {
      profile: profile([
        { rule: "ledger/required-empty", sheet: L, row: 2 },
        { rule: "risk/phase-missing", sheet: L, cell: "A3:Z3" },
      ]),
    });
    expect(all.summary).toMatchObject({ errors: 0, accepted: 2 });
    expect(exitStatus([{ file: "a.xlsx", ok: true, report: all }])).toBe(0);
    expect(exitStatus([{ file: "a.xlsx", ok: true, report: check(workbook()) }])).toBe(1);
  });

  it("can be rule-wide, sheet-wide, by area or for every rule", () => {
    const ids = (s: ProfileInput["suppressions"]) => accepted(check(workbook(), { profile: profile(s) }).findings).length;
    expect(ids([{ rule: "risk/phase-missing" }])).toBe(1);
    expect(ids([{ rule: "*", sheet: L }])).toBe(2);
    expect(ids([{ rule: "ledger/" }])).toBe(1);
    expect(ids([{ rule: "risk/*" }])).toBe(1);
    expect(ids([{ rule: "*" }])).toBe(2);
    // Near misses accept nothing.
    expect(ids([{ rule: "ledger/required" }])).toBe(0);
    expect(ids([{ rule: "*", sheet: "別のシート" }])).toBe(0);
    expect(ids([{ rule: "*", sheet: L, row: 9 }])).toBe(0);
    expect(ids([{ rule: "*", sheet: L, cell: "A1" }])).toBe(0);
  });

  it("are validated by the profile schema", () => {
    const ok = profileSchema.safeParse({ id: "p", version: "1", suppressions: [{ rule: "ledger/review-overdue", sheet: "台帳", cell: "$X$5", reason: "r" }, { rule: "risk/" }] });
    expect(ok.success).toBe(true);
    expect(profileSchema.safeParse({ id: "p", version: "1", suppressions: [{ sheet: "台帳" }] }).success).toBe(false);
    expect(profileSchema.safeParse({ id: "p", version: "1", suppressions: [{ rule: "x", cell: "B" }] }).success).toBe(false);
    expect(profileSchema.safeParse({ id: "p", version: "1", suppressions: [{ rule: "x", row: 0 }] }).success).toBe(false);
    expect(profileSchema.safeParse({ id: "p", version: "1", suppressions: [{ rule: "x", cell: "B5:C9" }] }).success).toBe(true);
  });
});

describe("suppressions in a note column", () => {
  it("accept the findings named after a marker, on the note's row only", () => {
    const r = check(workbook(["承認済: ledger/required-empty", null]));
    expect(accepted(r.findings)).toEqual([`ledger/required-empty ${PURPOSE}`]);
    const f = r.findings.find((x) => x.accepted);
    expect(f?.acceptance).toEqual({ source: "note", sheet: L, cell: `${String.fromCharCode(65 + LEDGER_HEADER.length)}2` });
    expect(r.summary).toMatchObject({ errors: 1, accepted: 1 });
  });

  it("read Japanese and English markers, several ids, areas and a reason", () => {
    expect(accepted(check(workbook([null, "accepted: risk/phase-missing"])).findings)).toEqual([`risk/phase-missing ${NAME_3}`]);
    expect(accepted(check(workbook(["例外承認 ledger/required-empty 理由: 紙の原本は総務部で保管", "ＡＣＣＥＰＴＥＤ：ｒｉｓｋ／"])).findings)).toHaveLength(2);
    const both = check(workbook(["承認済み ledger/required-empty、risk/phase-missing", "受容済 risk/phase-missing"]));
    expect(both.summary).toMatchObject({ errors: 0, accepted: 2 });
    expect(exitStatus([{ file: "a.xlsx", ok: true, report: both }])).toBe(0);
  });

  it("ignore ids not right after a marker, unknown areas and other rows' notes", () => {
    expect(accepted(check(workbook(["ledger/required-empty を修正予定", "承認済: risk/phase-missing"])).findings)).toEqual([`risk/phase-missing ${NAME_3}`]);
    expect(accepted(check(workbook(["承認済(2025/4/1)", null])).findings)).toEqual([]);
    expect(accepted(check(workbook(["not accepted: ledger/required-empty", null])).findings)).toEqual([]);
    expect(accepted(check(workbook([null, "承認済: ledger/required-empty"])).findings)).toEqual([]);
  });

  it("work on risk sheets too", () => {
    const risk = sheet("リスク分析表", [
      ["管理番号", "個人情報の名称", "局面", "リスク", "対策", "備考"],
      [1, "顧客名簿", "取得・入力", null, "確認", "承認済: risk/no-risk-described"],
    ]);
    const r = check([ledgerSheet([{ "No.": 1, 個人情報の名称: "顧客名簿" }]), risk], { rules: ["risk/no-risk-described"] });
    expect(accepted(r.findings)).toEqual(["risk/no-risk-described リスク分析表!D2"]);
  });
});

describe("matching helpers", () => {
  it("parse note markers", () => {
    expect(noteAcceptances("承認済: ledger/review-overdue")).toEqual(["ledger/review-overdue"]);
    expect(noteAcceptances("「承認済」ではない")).toEqual([]);
    expect(noteAcceptances("承認済「ledger/review-overdue」 accepted: risk/phase-missing, risk/orphan-row")).toEqual([
      "ledger/review-overdue",
      "risk/phase-missing",
      "risk/orphan-row",
    ]);
    expect(noteAcceptances("waived ledger/* 2025年度")).toEqual(["ledger/*"]);
    expect(noteAcceptances("accepted: foo/bar")).toEqual([]);
  });

  it("match rule patterns and ranges", () => {
    expect(rulePatternMatches("ledger/", "ledger/required-empty")).toBe(true);
    expect(rulePatternMatches("ledger", "ledger/required-empty")).toBe(false);
    const f = { rule: "risk/orphan-row", sheet: "R", cell: "C7", row: 7, col: 3 } as Finding;
    expect(suppressionMatches({ rule: "risk/orphan-row", sheet: "R", cell: "$C$7" }, f)).toBe(true);
    expect(suppressionMatches({ rule: "risk/orphan-row", sheet: "R", cell: "D9:B5" }, f)).toBe(true);
    expect(suppressionMatches({ rule: "risk/orphan-row", sheet: "R", cell: "C7", row: 8 }, f)).toBe(false);
    expect(suppressionMatches({ rule: "risk/orphan-row", sheet: "R", cell: "not a cell" }, f)).toBe(false);
  });
});
