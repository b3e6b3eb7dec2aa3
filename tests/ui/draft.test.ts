import { describe, expect, it } from "vitest";
import { axeViolations, hasChromium, LAYOUTS, servedPane } from "./browser";

/**
 * The draft action in headless Chromium, in preview mode on the built-in sample (健康診断結果
 * has no 移送・送信 row): the preview says in one sentence what it adds, for which item and
 * phase; its operations fold under it; axe finds nothing serious; applying it writes the rows
 * and the re-check no longer finds the gap; "remove what the add-in added" takes it back.
 */

const s = servedPane();

describe.skipIf(!hasChromium).each(LAYOUTS)("draft action at $width px, $lang", ({ width, lang }) => {
  const ja = lang === "ja";
  const open = async () => {
    await s.page.setViewportSize({ width, height: 900 });
    await s.page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}`);
    await s.page.waitForSelector(".pm-app[data-ready]");
  };
  const waitStatus = (id: string, text: string) => s.page.waitForFunction(([i, t]) => document.getElementById(i as string)?.textContent?.includes(t as string), [id, text]);
  const riskRows = () => s.page.evaluate(() => window.pmarkPreview!.bridge.grids().find((g) => g.name === "リスク分析表")!.values.map((r) => r.map((v) => String(v ?? ""))));

  it("previews the draft as a sentence, with its operations folded and no accessibility violation", async () => {
    await open();
    await s.page.click("#pm-tab-actions");
    await expect(s.page.textContent("#pm-row-draft h2")).resolves.toBe(ja ? "不足しているリスク分析の下書き" : "Draft the missing risk analysis");
    await s.page.click("#pm-act-draft-rows");
    await s.page.waitForSelector("#pm-preview");
    const summary = await s.page.textContent(".pm-preview-summary");
    expect(summary).toBe(
      ja
        ? "1 件の個人情報について、不足している局面のリスク分析をリスク分析表の各個人情報の行の下に 3 行追加します(状態「要確認(下書き)」): 健康診断結果(移送・送信)。評価欄は空欄のままです。既存の行は変更しません。"
        : 'Adds 3 rows for 1 item below each item\'s rows, marked "To review (draft)": 健康診断結果 (Transfer and transmission). The scoring inputs are left blank. Existing rows are not changed.',
    );
    await expect(s.page.isVisible(".pm-ops li >> nth=0")).resolves.toBe(false);
    await s.page.click(".pm-op-details > summary");
    const ops = await s.page.locator(".pm-ops li").allTextContents();
    expect(ops).toContain(ja ? "リスク分析表 の 16 行目の下に 3 行を挿入" : "Insert 3 rows in リスク分析表 below row 16");
    const found = await axeViolations(s.page);
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);
  });

  it("applies it below the item's rows, re-checks without the gap, and removes it again", async () => {
    await open();
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    const before = await riskRows();
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-draft-rows");
    await s.page.waitForSelector("#pm-preview");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-draft-status", ja ? "完了" : "Done");
    const after = await riskRows();
    expect(after.slice(16, 19).map((r) => [r[1], r[2], r[10]])).toEqual(Array(3).fill(["健康診断結果", "移送・送信", "要確認(下書き)"]));
    const gaps = await s.page.evaluate(async () => (await window.pmarkPreview!.bridge.check({ today: "2025-06-30" })).findings.filter((f) => f.rule === "risk/phase-missing").length);
    expect(gaps).toBe(0);
    await s.page.click("#pm-remove-draft");
    await s.page.waitForSelector("#pm-preview");
    await expect(s.page.textContent(".pm-preview-summary")).resolves.toBe(ja ? "リスク分析表に追加した下書き 3 行を削除します。" : "Deletes the 3 drafted rows added to the risk analysis.");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-remove-status", ja ? "削除しました" : "Removed");
    expect((await riskRows()).map((r) => r.slice(0, 10))).toEqual(before.map((r) => r.slice(0, 10)));
  });

  it("a draft sheet instead: the risk analysis is left as it is", async () => {
    await open();
    const before = await riskRows();
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-draft-sheet");
    await s.page.waitForSelector("#pm-preview");
    await expect(s.page.textContent(".pm-preview-summary")).resolves.toContain(ja ? "シート「リスク分析(下書き)」に 3 行追加します" : 'in the sheet "リスク分析(下書き)"');
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-draft-status", ja ? "完了" : "Done");
    expect(await riskRows()).toEqual(before);
    const names = await s.page.evaluate(() => window.pmarkPreview!.bridge.grids().map((g) => g.name));
    expect(names).toEqual(["個人情報管理台帳", "リスク分析表", "リスク分析(下書き)"]);
  });
});
