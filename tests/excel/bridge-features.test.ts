import { describe, expect, it } from "vitest";
import { CheckCancelled } from "../../packages/ui/src/bridge";
import { createExcelBridge, officeTheme, type StateStore } from "../../packages/excel-addin/src/excel-bridge";
import { ribbonCheck } from "../../packages/excel-addin/src/ribbon";
import { HIGHLIGHT_SHEET } from "../../packages/excel-addin/src/highlight-store";
import { fakeRun, type FakeWorkbook } from "./fake-excel";
import { contentOf, LEDGER, ledgerRows, pmarkWorkbook, RISK, TODAY, workbook } from "./workbooks";

/**
 * The Excel bridge's part of the add-in's daily features, on the fake Excel: what it remembers
 * in the document's settings, the profile and acceptances it checks with, replacing and
 * removing what it wrote, dropdowns already there, stopping a check, the theme, the ribbon.
 */

function store(wb: FakeWorkbook): StateStore {
  return {
    load: () => wb.settings,
    save: async (text) => {
      wb.settings = text;
    },
  };
}

const bridgeOver = (wb: FakeWorkbook, lang: "ja" | "en" = "ja") => createExcelBridge({ run: fakeRun(wb), language: lang, features: { mergedAreas: true, triggerSource: true }, today: TODAY, store: store(wb) });

async function syncsOf<T>(wb: FakeWorkbook, call: () => Promise<T>): Promise<number> {
  const before = wb.syncCount;
  await call();
  return wb.syncCount - before;
}

describe("what the workbook remembers (document settings)", () => {
  it("the profile and acceptances are saved with the workbook and used by every later check, also by a new bridge", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const rule = "ledger/required-empty";
    expect((await bridgeOver(wb).check({})).findings.some((f) => f.rule === rule)).toBe(true);
    await bridgeOver(wb).saveSettings({ profile: { kind: "file", name: "acme.json", profile: { id: "acme", version: "1", extends: "jisq15001", rules: { [rule]: "off" } } } });
    expect(wb.settings).toContain("acme.json");
    const later = bridgeOver(wb);
    await expect(later.settings()).resolves.toMatchObject({ profile: { kind: "file", name: "acme.json" } });
    expect((await later.check({})).findings.some((f) => f.rule === rule)).toBe(false);
  });

  it("accept with reason, on a sheet without notes: a suppression in the settings; the next check counts the finding accepted", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const bridge = bridgeOver(wb);
    const f = (await bridge.check({})).findings.find((x) => x.rule === "ledger/required-empty")!;
    const options = { rule: f.rule, sheet: f.sheet, cell: f.cell, reason: "紙で管理" };
    const preview = await bridge.preview("accept", options);
    expect(preview.plan.summary?.ja).toContain("プロファイル設定");
    const before = contentOf(wb, LEDGER);
    expect((await bridge.apply("accept", options, false)).ok).toBe(true);
    expect(contentOf(wb, LEDGER)).toEqual(before);
    const again = (await bridge.check({})).findings.find((x) => x.rule === f.rule && x.cell === f.cell);
    expect(again).toMatchObject({ accepted: true, acceptance: { source: "profile", reason: "紙で管理" } });
  });

  it("accept with reason, on a sheet with a notes column: written into the row's note, after what it said", async () => {
    const rows = ledgerRows(3, { blankRetention: true }).map((r, i) => [...r, i === 0 ? "備考" : i === 1 ? "原本は総務" : null]);
    const wb = workbook({ [LEDGER]: rows });
    const bridge = bridgeOver(wb);
    const f = (await bridge.check({})).findings.find((x) => x.rule === "ledger/required-empty" && x.row === 2)!;
    const options = { rule: f.rule, sheet: f.sheet, cell: f.cell, reason: "就業規則で定める" };
    const unconfirmed = await bridge.apply("accept", options, false);
    expect(unconfirmed.skipped).toHaveLength(1);
    expect(wb.sheet(LEDGER).value(1, rows[0]!.length - 1)).toBe("原本は総務");
    await bridge.apply("accept", options, true);
    expect(wb.sheet(LEDGER).value(1, rows[0]!.length - 1)).toBe("原本は総務 承認済: ledger/required-empty 理由: 就業規則で定める");
    expect((await bridge.check({})).findings.find((x) => x.rule === f.rule && x.cell === f.cell)?.accepted).toBe(true);
  });
});

describe("the add-in's own sheets", () => {
  it("the report replaces its previous version; a check never reads the report or the highlight store", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const bridge = bridgeOver(wb, "en");
    const first = await bridge.check({});
    await bridge.apply("report", undefined, false);
    await bridge.apply("report", undefined, false);
    await bridge.apply("highlight", undefined, false);
    expect(wb.sheets.map((s) => s.name)).toEqual([LEDGER, RISK, "Check results", HIGHLIGHT_SHEET]);
    const again = await bridge.check({});
    expect(again.sheets.map((s) => s.name)).toEqual([LEDGER, RISK]);
    expect(again.findings).toEqual(first.findings);
  });

  it("removes what it added: the template sheets, the formulas and dropdowns, the report; in constant round trips", async () => {
    const counts: number[] = [];
    for (const rows of [10, 5_000]) {
      const wb = pmarkWorkbook(rows, { scored: false });
      const bridge = bridgeOver(wb);
      const before = contentOf(wb, RISK);
      await bridge.apply("formulas", undefined, false);
      expect(wb.sheet(RISK).formulas.size).toBeGreaterThan(0);
      expect(wb.sheet(RISK).validations.length).toBeGreaterThan(0);
      wb.sheet(RISK).values.set("1:6", 3); // the user types a score over one formula...
      wb.sheet(RISK).formulas.delete("1:6");
      counts.push(await syncsOf(wb, () => bridge.apply("remove", { what: "formulas" }, false)));
      const after = contentOf(wb, RISK);
      expect(after["1:6"]).toBe("v:number:3"); // ...which stays
      delete after["1:6"];
      expect(after).toEqual(before);
      expect(wb.sheet(RISK).validations).toEqual([]);
    }
    expect(counts[0]).toBe(counts[1]);
    const wb = workbook({ [LEDGER]: ledgerRows(2) });
    const bridge = bridgeOver(wb);
    await bridge.apply("template", undefined, false);
    expect(wb.sheets.length).toBe(6);
    await bridge.apply("remove", { what: "template" }, false);
    expect(wb.sheets.map((s) => s.name)).toEqual([LEDGER]);
    expect(JSON.parse(wb.settings ?? "{}").additions).toBeUndefined();
  });
});

describe("a sheet too large to read", () => {
  it("the template is not inserted: the unread sheet may be the very ledger it would add again", async () => {
    const wb = workbook({ 台帳: [["x"]] });
    const big = wb.sheet("台帳");
    big.values.set("65535:255", "z");
    const preview = await bridgeOver(wb).preview("template");
    expect(preview.problem?.code).toBe("partial");
    expect(preview.problem?.message.ja).toContain("「台帳」");
    expect((await bridgeOver(wb).apply("template", undefined, false)).ok).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(["台帳"]);
  });
});

describe("round trips do not grow with rows", () => {
  it("check, preview and apply of formulas, highlight, clear, report, remove: the same count for 10 and 5,000 rows", async () => {
    const counts: Record<string, number>[] = [];
    for (const rows of [10, 5_000]) {
      const wb = pmarkWorkbook(rows, { scored: false, blankRetention: true });
      const bridge = bridgeOver(wb);
      const c: Record<string, number> = {};
      c.check = await syncsOf(wb, () => bridge.check({}));
      c.preview = await syncsOf(wb, () => bridge.preview("formulas"));
      c.formulas = await syncsOf(wb, () => bridge.apply("formulas", undefined, false));
      c.highlight = await syncsOf(wb, () => bridge.apply("highlight", undefined, false));
      c.clear = await syncsOf(wb, () => bridge.clearHighlights());
      c.report = await syncsOf(wb, () => bridge.apply("report", undefined, false));
      c.remove = await syncsOf(wb, () => bridge.apply("remove", { what: "formulas" }, false));
      counts.push(c);
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]?.check).toBe(3);
  });
});

describe("a dropdown already on a range", () => {
  it("is read in one round trip and counted as an overwrite; without confirmation the user's rule stays", async () => {
    const wb = pmarkWorkbook(10, { scored: false });
    const bridge = bridgeOver(wb);
    const plain = await bridge.preview("formulas");
    const target = plain.plan.ops.find((op) => op.op === "validation" && op.sheet === RISK && op.range.startsWith("E"));
    if (target?.op !== "validation") throw new Error("no dropdown on E");
    wb.sheet(RISK).validations.push({ address: target.range, rule: { list: { inCellDropDown: true, source: "低,中,高" } } });
    const preview = await bridge.preview("formulas");
    expect(preview.overwrites).toContainEqual({ sheet: RISK, cell: target.range, kind: "validation" });
    await bridge.apply("formulas", undefined, false);
    expect(wb.sheet(RISK).validations.find((v) => v.address === target.range)?.rule).toEqual({ list: { inCellDropDown: true, source: "低,中,高" } });
    // The same list already there is no overwrite.
    wb.sheet(RISK).validations = [{ address: target.range, rule: { list: { inCellDropDown: true, source: target.list.join(",") } } }];
    expect((await bridge.preview("formulas")).overwrites.filter((o) => o.kind === "validation" && o.cell === target.range)).toEqual([]);
  });
});

describe("a long check", () => {
  it("stops between round trips when the user stops it, and reports progress", async () => {
    const wb = pmarkWorkbook(2_000);
    const controller = new AbortController();
    const progress: number[] = [];
    const bridge = createExcelBridge({ run: fakeRun(wb), language: "ja", features: { mergedAreas: true, triggerSource: true }, today: TODAY, store: store(wb), budget: 50_000 });
    const done = bridge.check({}, { signal: controller.signal, onProgress: (p) => {
      progress.push(p.done);
      if (progress.length === 2) controller.abort();
    } });
    await expect(done).rejects.toBeInstanceOf(CheckCancelled);
    const syncsWhenStopped = wb.syncCount;
    const full = pmarkWorkbook(2_000);
    await createExcelBridge({ run: fakeRun(full), language: "ja", features: { mergedAreas: true, triggerSource: true }, today: TODAY, store: store(full), budget: 50_000 }).check({});
    expect(syncsWhenStopped).toBeLessThan(full.syncCount);
    expect(progress.length).toBe(2);
  });
});

describe("Office's theme", () => {
  it("a dark body colour is a dark theme; no theme when Office does not tell one", () => {
    const g = globalThis as unknown as { Office?: unknown };
    const saved = g.Office;
    try {
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" } } };
      expect(officeTheme()).toEqual({ dark: true, background: "#262626", foreground: "#ffffff" });
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" } } };
      expect(officeTheme()?.dark).toBe(false);
      g.Office = { context: {} };
      expect(officeTheme()).toBeNull();
    } finally {
      g.Office = saved;
    }
  });
});

describe("the ribbon's Check button", () => {
  it("says so when there are no findings, and says why when the check fails", async () => {
    const said: string[] = [];
    const clean = workbook({ [LEDGER]: [["x"]] });
    const bridge = bridgeOver(clean, "ja");
    const none = { ...bridge, check: async () => ({ sheets: [], findings: [], summary: { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } } }) };
    await ribbonCheck(none, async (t) => void said.push(t));
    expect(said).toEqual(["指摘はありません。実行したすべてのチェックに合格しています。"]);
    said.length = 0;
    const failing = createExcelBridge({
      run: async () => {
        throw Object.assign(new Error("denied"), { code: "AccessDenied" });
      },
      language: "en",
      features: { mergedAreas: false, triggerSource: false },
      store: store(clean),
    });
    await ribbonCheck(failing, async (t) => void said.push(t));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^The check could not be run: The sheet is protected or the workbook is read-only/);
  });

  it("with findings: colours them and selects the first error, and says nothing more", async () => {
    const wb = pmarkWorkbook(10, { blankRetention: true });
    const said: string[] = [];
    await ribbonCheck(bridgeOver(wb), async (t) => void said.push(t));
    expect(said).toEqual([]);
    expect(wb.selection).toEqual({ sheet: LEDGER, address: "M2" });
    expect(wb.sheet(LEDGER).fillAt(1, 12)?.color).toBe("#FFC7CE");
  });
});
