import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import { hasChromium, LAYOUTS, OFFICE_JS, servedPane } from "./browser";

/**
 * The task pane in headless Chromium, in preview mode (office.js answers "no host"): the shared
 * UI over the in-memory bridge, built and served exactly as deployed. Every test runs at the
 * task pane's 350 px and the Sheets sidebar's 300 px, in Japanese and in English.
 */

const IMG = "<img src=x onerror=window.__pwned=1>";
const SCRIPT = "<script>window.__pwned=1</script>";

/** A workbook whose sheet names and cells try to inject markup; the cells reach messages (item names, refs). */
function hostileWorkbook(): SheetGrid[] {
  return [
    {
      name: `台帳${IMG}`,
      values: [
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "委託先"],
        [1, `顧客名簿${IMG}`, "商品案内", "サーバ", "アクセス制御", "営業部", "", "なし"],
        [2, `従業員${SCRIPT}`, "雇用管理", "サーバ", "アクセス制御", "人事部", "5年", "なし"],
      ],
    },
    {
      name: `リスク${SCRIPT}`,
      values: [
        ["管理番号", "個人情報の名称", "局面", "リスク", "対策"],
        [1, `顧客名簿${IMG}`, "取得・入力", "漏えい", "施錠"],
        [9, `存在しない${SCRIPT}`, `保管${IMG}`, "紛失", "施錠"],
        [9, `=HYPERLINK("http://evil.example","x")`, "利用・加工", "紛失", "施錠"],
      ],
    },
  ];
}

/** The sample plus a contractor register and a laws list, to see every kind named. */
function withRecords(sample: SheetGrid[]): SheetGrid[] {
  return [
    ...sample,
    { name: "委託先一覧", values: [["No.", "委託先名", "委託業務", "評価日", "評価結果", "覚書"], [1, "給与計算代行社", "給与計算", "2025/4/1", "適", "済"]] },
    { name: "法令", values: [["No", "法令・規範の名称", "所管", "確認日"], [1, "個人情報の保護に関する法律", "個人情報保護委員会", "2025/4/1"]] },
  ];
}

const s = servedPane();

describe.skipIf(!hasChromium).each(LAYOUTS)("task pane at $width px, $lang", ({ width, lang }) => {
  const ja = lang === "ja";
  const open = async (query = "") => {
    await s.page.setViewportSize({ width, height: 900 });
    await s.page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
    await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}${query}`);
    await s.page.waitForSelector(".pm-app[data-ready]");
  };
  const check = async () => {
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
  };
  const statusOf = (id: string) => s.page.textContent(`#${id}`);
  const waitStatus = (id: string, text: string) => s.page.waitForFunction(([i, t]) => document.getElementById(i as string)?.textContent?.includes(t as string), [id, text]);

  it("checks the sample, groups findings by sheet and severity; a click selects the cell and the finding's status shows under it", async () => {
    await open();
    await expect(s.page.textContent("#pm-check")).resolves.toBe(ja ? "チェック" : "Check");
    await check();
    const groups = await s.page.$$eval(".pm-sheet-name", (els) => els.map((e) => e.textContent));
    expect(groups).toEqual(expect.arrayContaining(["個人情報管理台帳", "リスク分析表"]));
    await expect(s.page.textContent("#pm-summary")).resolves.toMatch(ja ? /エラー/ : /Errors/);
    const first = s.page.locator(".pm-finding").first();
    const sheet = await first.getAttribute("data-sheet");
    const cell = await first.getAttribute("data-cell");
    await first.click();
    await waitStatus("pm-finding-status", `${sheet}!${cell}`);
    await expect(s.page.evaluate(() => window.pmarkPreview?.bridge.selections)).resolves.toEqual([{ sheet, cell }]);
    // The detail sits right under the finding it is about.
    await expect(s.page.evaluate(() => document.querySelector("#pm-detail")?.parentElement?.querySelector("button.pm-finding")?.getAttribute("data-index"))).resolves.toBe("0");
  });

  it("next and previous walk the findings in the order they are drawn, selecting each cell", async () => {
    await open();
    await check();
    await s.page.locator(".pm-finding").first().click();
    await expect(s.page.textContent("#pm-position")).resolves.toMatch(ja ? /件中 1 件目/ : /Finding 1 of/);
    await expect(s.page.isDisabled("#pm-prev")).resolves.toBe(true);
    await s.page.click("#pm-next");
    await s.page.click("#pm-next");
    await expect(s.page.textContent("#pm-position")).resolves.toMatch(ja ? /件中 3 件目/ : /Finding 3 of/);
    const drawn = await s.page.$$eval(".pm-finding", (els) => els.slice(0, 3).map((e) => ({ sheet: e.getAttribute("data-sheet"), cell: e.getAttribute("data-cell") })));
    await s.page.waitForFunction(() => (window.pmarkPreview?.bridge.selections.length ?? 0) === 3);
    await expect(s.page.evaluate(() => window.pmarkPreview?.bridge.selections)).resolves.toEqual(drawn);
    await s.page.click("#pm-prev");
    await expect(s.page.textContent("#pm-position")).resolves.toMatch(ja ? /件中 2 件目/ : /Finding 2 of/);
    // The detail moved with the finding, and the button pressed keeps focus for the next press.
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe("pm-prev");
  });

  it("the findings list is one Tab stop: Up/Down and Home/End move, Enter selects the cell", async () => {
    await open();
    await check();
    const tabbable = await s.page.$$eval(".pm-finding", (els) => els.filter((e) => (e as HTMLElement).tabIndex === 0).length);
    expect(tabbable).toBe(1);
    await s.page.locator(".pm-finding").first().focus();
    await s.page.keyboard.press("ArrowDown");
    await s.page.keyboard.press("ArrowDown");
    await expect(s.page.evaluate(() => document.activeElement?.getAttribute("data-index"))).resolves.toBe("2");
    await s.page.keyboard.press("ArrowUp");
    await expect(s.page.evaluate(() => document.activeElement?.getAttribute("data-index"))).resolves.toBe("1");
    await s.page.keyboard.press("End");
    const last = await s.page.evaluate(() => document.activeElement?.getAttribute("data-index"));
    expect(Number(last)).toBeGreaterThan(3);
    await s.page.keyboard.press("Home");
    await s.page.keyboard.press("Enter");
    await s.page.waitForFunction(() => (window.pmarkPreview?.bridge.selections.length ?? 0) === 1);
    const target = await s.page.evaluate(() => ({ sheet: document.activeElement?.getAttribute("data-sheet"), cell: document.activeElement?.getAttribute("data-cell") }));
    await expect(s.page.evaluate(() => window.pmarkPreview?.bridge.selections[0])).resolves.toEqual(target);
  });

  it("filters by severity and by rule", async () => {
    await open();
    await check();
    await s.page.selectOption("#pm-filter-severity", "error");
    const classes = await s.page.$$eval(".pm-finding", (els) => els.map((e) => e.className));
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((c) => c.includes("pm-sev-error"))).toBe(true);
    await s.page.selectOption("#pm-filter-severity", "all");
    const rule = await s.page.locator(".pm-finding").first().getAttribute("data-rule");
    await s.page.selectOption("#pm-filter-rule", rule ?? "");
    const rules = await s.page.$$eval(".pm-finding", (els) => els.map((e) => e.getAttribute("data-rule")));
    expect(new Set(rules)).toEqual(new Set([rule]));
  });

  it("tabs follow the WAI-ARIA pattern: one Tab stop, arrows and Home/End move and show the panel", async () => {
    await open();
    const tabbable = await s.page.$$eval("[role=tab]", (els) => els.map((e) => (e as HTMLElement).tabIndex));
    expect(tabbable.filter((t) => t === 0)).toHaveLength(1);
    await s.page.focus("#pm-tab-findings");
    const visit: string[] = [];
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft", "End", "Home"]) {
      await s.page.keyboard.press(key);
      visit.push(await s.page.evaluate(() => `${document.activeElement?.id}|${document.querySelector("[role=tab][aria-selected=true]")?.id}|${(document.querySelector("[role=tabpanel]:not([hidden])") as HTMLElement | null)?.id}`));
    }
    expect(visit).toEqual([
      "pm-tab-overview|pm-tab-overview|pm-panel-overview",
      "pm-tab-heat|pm-tab-heat|pm-panel-heat",
      "pm-tab-reading|pm-tab-reading|pm-panel-reading",
      "pm-tab-actions|pm-tab-actions|pm-panel-actions",
      "pm-tab-reading|pm-tab-reading|pm-panel-reading",
      "pm-tab-actions|pm-tab-actions|pm-panel-actions",
      "pm-tab-findings|pm-tab-findings|pm-panel-findings",
    ]);
  });

  it("a finding whose sheet was renamed since the check: the error shows under the finding, on screen", async () => {
    await open();
    await check();
    await s.page.evaluate(() => {
      const wb = window.pmarkPreview!.bridge.workbook;
      (wb.sheets[1] as { name: string }).name = "リスク分析表(旧)";
    });
    const target = s.page.locator(".pm-finding[data-sheet='リスク分析表']").last();
    await target.scrollIntoViewIfNeeded();
    await target.click();
    const alert = s.page.locator("#pm-finding-status-alert .pm-alert-body");
    await alert.waitFor({ state: "visible" });
    await expect(alert.textContent()).resolves.toContain("リスク分析表");
    const [box, viewport] = await Promise.all([alert.boundingBox(), s.page.evaluate(() => ({ h: window.innerHeight }))]);
    expect(box && box.y >= 0 && box.y + box.height <= viewport.h, JSON.stringify({ box, viewport })).toBe(true);
    await expect(s.page.evaluate(() => !!document.querySelector("#pm-finding-status-alert")?.closest("li")?.querySelector("button.pm-finding[data-sheet='リスク分析表']"))).resolves.toBe(true);
  });

  it("an error finding is a list item with a red mark, not an alert box", async () => {
    await open();
    await check();
    const finding = await s.page.$eval(".pm-finding.pm-sev-error", (e) => ({ bg: getComputedStyle(e).backgroundColor, border: getComputedStyle(e).borderLeftColor, padding: getComputedStyle(e).paddingTop }));
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge as unknown as { check: () => Promise<unknown> };
      b.check = async () => {
        throw new Error("boom");
      };
    });
    await s.page.click("#pm-check");
    const alert = await s.page.waitForSelector("#pm-check-status-alert .pm-alert-body:not([hidden])");
    const alertBg = await alert.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(finding.bg).not.toBe(alertBg);
    expect(finding.bg === "rgba(0, 0, 0, 0)" || finding.bg === "rgb(243, 243, 243)").toBe(true);
    expect(finding.border).toBe("rgb(177, 14, 28)");
  });

  it("the heat map's vertical label reads top to bottom in Japanese, bottom to top in English", async () => {
    await open();
    await check();
    await s.page.click("#pm-tab-heat");
    const order = await s.page.$eval(".pm-axis-y", (e) => {
      const text = e.firstChild as Text;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().top;
      };
      return { first: at(0), last: at((text.textContent ?? "").length - 1) };
    });
    if (ja) expect(order.first).toBeLessThan(order.last);
    else expect(order.first).toBeGreaterThan(order.last);
  });

  it("draws the risk heat map as an SVG picture with the level counts", async () => {
    await open();
    await check();
    await s.page.click("#pm-tab-heat");
    const cells = await s.page.$$eval("svg.pm-heat .pm-heat-cell", (els) => els.map((e) => Number(e.getAttribute("data-count"))));
    expect(cells.length).toBeGreaterThanOrEqual(9);
    expect(cells.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await expect(s.page.locator("svg.pm-levels-chart").count()).resolves.toBe(1);
    await expect(s.page.textContent("#pm-panel-heat")).resolves.toContain(ja ? "対策前" : "Before measures");
  });

  it("the overview shows readiness, coverage by phase and by department, and names every kind of sheet", async () => {
    await open();
    await s.page.evaluate(() => window.pmarkPreview?.load(window.pmarkPreview.bridge.grids()));
    const grids = await s.page.evaluate(() => window.pmarkPreview!.bridge.grids());
    await s.page.evaluate((g) => window.pmarkPreview?.load(g), withRecords(grids));
    await check();
    await s.page.click("#pm-tab-overview");
    await expect(s.page.textContent("#pm-readiness-score")).resolves.toMatch(/^\d{1,3} \/ 100$/);
    await expect(s.page.$$eval("#pm-coverage-phases tbody tr", (r) => r.length)).resolves.toBe(6);
    await expect(s.page.textContent("#pm-coverage-departments")).resolves.toContain("人事部");
    const kinds = await s.page.$$eval("#pm-sheet-kinds li", (els) => els.map((e) => e.querySelector(".pm-kind")?.textContent));
    expect(kinds).toEqual(ja ? ["個人情報管理台帳", "リスク分析表", "委託先管理台帳", "法令等一覧"] : ["personal-information ledger", "risk analysis", "contractor register", "laws and norms list"]);
  });

  it("how each sheet was read: kind and why, header rows, each column's role with its evidence, rows left out, the scoring rule", async () => {
    await open();
    await check();
    await s.page.click("#pm-tab-reading");
    const sections = await s.page.$$eval(".pm-reading-sheet", (els) => els.map((e) => e.getAttribute("data-kind")));
    expect(sections).toContain("ledger");
    expect(sections).toContain("risk");
    const risk = s.page.locator('.pm-reading-sheet[data-kind="risk"]').first();
    await risk.locator("summary").click();
    const phase = (await risk.locator('li[data-field="phase"]').textContent()) ?? "";
    expect(phase).toMatch(ja ? /局面.*見出し「局面」/ : /Lifecycle phase.*header 「局面」/);
    await expect(risk.locator(".pm-reading-scoring").textContent()).resolves.toMatch(ja ? /リスク評価基準: 発生可能性 × 影響度/ : /Scoring rule: likelihood × impact/);
    // The section opens and closes by keyboard (a native <details>).
    const summaryId = await risk.locator("summary").getAttribute("id");
    await s.page.focus(`#${summaryId}`);
    await s.page.keyboard.press("Enter");
    await expect(risk.evaluate((e) => (e as HTMLDetailsElement).open)).resolves.toBe(false);
  });

  it("how it was read lists the rows left out of a pre-numbered form, by role and range", async () => {
    await open();
    const grids: SheetGrid[] = [
      {
        name: "台帳",
        values: [
          ["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間"],
          [1, "顧客名簿", "商品の発送", "サーバ", "アクセス制御", "営業部", "5年"],
          [2, null, null, null, null, null, null],
          [3, null, null, null, null, null, null],
          ["※保管期間は規程による", null, null, null, null, null, null],
        ],
      },
    ];
    await s.page.evaluate((g) => window.pmarkPreview?.load(g), grids);
    await check();
    await s.page.click("#pm-tab-reading");
    await s.page.locator(".pm-reading-sheet summary").first().click();
    const skipped = await s.page.$$eval(".pm-reading-skipped li", (els) => els.map((e) => `${e.getAttribute("data-role")} ${e.textContent}`));
    expect(skipped).toEqual(ja ? ["emptySlot 3〜4行目: 空欄の行(番号や既定値のみ)", "note 5行目: 注記"] : ["emptySlot rows 3–4: empty slots (only a number or defaults)", "note row 5: notes"]);
  });

  it("each view keeps its own status: the check's result is not shown under the actions, a write's result is not shown under the findings", async () => {
    await open();
    await check();
    await s.page.click("#pm-tab-actions");
    const visibleText = await s.page.evaluate(() => (document.querySelector("#pm-panel-actions") as HTMLElement).innerText);
    expect(visibleText).not.toContain(ja ? "シートをチェックしました" : "Checked 2 sheets");
    await s.page.click("#pm-act-highlight");
    await waitStatus("pm-row-highlight-status", ja ? "色を付けました" : "Highlighted");
    await expect(statusOf("pm-check-status")).resolves.not.toContain(ja ? "色を付けました" : "Highlighted");
  });

  it("the result of a write stays next to its action after the automatic re-check", async () => {
    await open();
    await check();
    const before = await statusOf("pm-check-status");
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-formulas");
    await s.page.waitForSelector("#pm-preview");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-formulas-status", ja ? "完了" : "Done");
    // The re-check ran (its line in the findings view was written again) and the write's result is still there.
    await s.page.waitForFunction((b) => document.getElementById("pm-check-status")?.textContent !== "" && document.getElementById("pm-check-status")?.textContent !== null && b !== undefined, before);
    await s.page.waitForTimeout(200);
    await expect(statusOf("pm-row-formulas-status")).resolves.toContain(ja ? "完了" : "Done");
    const formulas = await s.page.evaluate(() => window.pmarkPreview?.bridge.grids()[1]?.formulas?.flat().filter(Boolean).length);
    expect(formulas).toBeGreaterThan(0);
  });

  it("a long check shows a spinner and a stop button; stopping keeps the previous results", async () => {
    await open();
    await check();
    const count = await s.page.locator(".pm-finding").count();
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge as unknown as { check: () => Promise<unknown> };
      b.check = () => new Promise(() => undefined);
    });
    await s.page.click("#pm-check");
    await s.page.waitForSelector("#pm-check-status .pm-spinner:not([hidden])");
    await expect(s.page.isVisible("#pm-check-status-stop")).resolves.toBe(true);
    await expect(s.page.getAttribute("#pm-check-status", "aria-busy")).resolves.toBe("true");
    await expect(s.page.isDisabled("#pm-check")).resolves.toBe(true);
    await s.page.click("#pm-check-status-stop");
    await waitStatus("pm-check-status", ja ? "中止しました" : "stopped");
    await expect(s.page.isVisible("#pm-check-status .pm-spinner")).resolves.toBe(false);
    await expect(s.page.isDisabled("#pm-check")).resolves.toBe(false);
    await expect(s.page.locator(".pm-finding").count()).resolves.toBe(count);
  });

  it("follows a dark colour scheme, and Office's theme over the browser's", async () => {
    const bg = () => s.page.$eval(".pm-app", (e) => getComputedStyle(e).backgroundColor);
    await open();
    await expect(bg()).resolves.toBe("rgb(255, 255, 255)");
    await s.page.emulateMedia({ colorScheme: "dark" });
    await s.page.waitForSelector('.pm-app[data-theme="dark"]');
    await expect(bg()).resolves.toBe("rgb(31, 31, 31)");
    await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}&theme=light`);
    await s.page.waitForSelector(".pm-app[data-ready]");
    await expect(bg()).resolves.toBe("rgb(255, 255, 255)");
    await s.page.emulateMedia({ colorScheme: "light" });
    await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}&theme=dark`);
    await s.page.waitForSelector(".pm-app[data-ready]");
    await expect(bg()).resolves.toBe("rgb(31, 31, 31)");
    await expect(s.page.getAttribute(".pm-app", "data-theme")).resolves.toBe("dark");
  });

  it("the profile is chosen from the built-ins or a file, saved with the workbook, and used by the next check", async () => {
    await open();
    await check();
    await s.page.click("#pm-settings-summary");
    await s.page.selectOption("#pm-profile", "qualitative");
    await waitStatus("pm-settings-status", ja ? "保存しました" : "saved with this workbook");
    await expect(s.page.evaluate(() => JSON.parse(window.pmarkPreview!.bridge.workbook.state).profile)).resolves.toEqual({ kind: "builtin", id: "qualitative" });
    await expect(s.page.textContent("#pm-settings-summary")).resolves.toContain(ja ? "定性評価" : "Qualitative");
    // A profile file: one rule switched off; the re-check no longer reports it.
    const rule = "ledger/review-overdue";
    await expect(s.page.locator(`.pm-finding[data-rule='${rule}']`).count()).resolves.toBeGreaterThan(0);
    const file = { name: "acme.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ id: "acme", version: "1.0", extends: "jisq15001", rules: { [rule]: "off" } })) };
    await s.page.setInputFiles("#pm-profile-file", file);
    await waitStatus("pm-settings-status", "acme.json");
    await s.page.waitForFunction((r) => document.querySelectorAll(`.pm-finding[data-rule='${r}']`).length === 0, rule);
    await expect(s.page.inputValue("#pm-profile")).resolves.toBe("file");
    // A broken file is refused with its name and the place in it.
    await s.page.setInputFiles("#pm-profile-file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"id":"x","version":"1","reviewIntervalMonths":{"ledger":0}}') });
    await s.page.waitForSelector("#pm-settings-status-alert .pm-alert-body:not([hidden])");
    await expect(s.page.textContent("#pm-settings-status-alert")).resolves.toMatch(/broken\.json.*\$\.reviewIntervalMonths\.ledger/);
  });

  it("the check date ('as of') decides what is overdue", async () => {
    await open();
    await s.page.click("#pm-settings-summary");
    await s.page.fill("#pm-as-of", "2025-05-01");
    await s.page.dispatchEvent("#pm-as-of", "change");
    await check();
    const early = await s.page.locator(".pm-finding[data-rule='ledger/review-overdue']").count();
    await s.page.fill("#pm-as-of", "2026-12-31");
    await s.page.dispatchEvent("#pm-as-of", "change");
    await s.page.click("#pm-check");
    await s.page.waitForFunction((n) => document.querySelectorAll(".pm-finding[data-rule='ledger/review-overdue']").length > n, early);
    await expect(s.page.textContent("#pm-settings-summary")).resolves.toContain("2026-12-31");
  });

  it("accept with reason: recorded where the check reads it, and the finding is then counted as accepted", async () => {
    await open();
    await check();
    const target = s.page.locator(".pm-finding[data-rule='ledger/required-empty']").first();
    const cell = await target.getAttribute("data-cell");
    await target.click();
    await s.page.click("#pm-accept");
    await s.page.fill("#pm-accept-reason", ja ? "紙の原本で保管期間を管理" : "Kept on the paper original");
    await s.page.click("#pm-accept-check");
    await s.page.waitForSelector("#pm-accept-preview");
    // The sample's ledger has no notes column: the acceptance goes to the workbook's profile settings.
    await expect(s.page.textContent("#pm-accept-preview")).resolves.toContain(ja ? "プロファイル設定" : "profile settings");
    await s.page.click("#pm-accept-apply");
    await waitStatus("pm-check-status", ja ? "受容済みにしました" : "is accepted");
    await expect(s.page.getAttribute(`.pm-finding[data-rule='ledger/required-empty'][data-cell='${cell}']`, "class")).resolves.toContain("pm-accepted");
    await expect(s.page.textContent("#pm-summary")).resolves.toContain(ja ? "受容済み" : "Accepted");
    const saved = await s.page.evaluate(() => JSON.parse(window.pmarkPreview!.bridge.workbook.state).suppressions);
    expect(saved).toEqual([{ rule: "ledger/required-empty", sheet: "個人情報管理台帳", cell, reason: ja ? "紙の原本で保管期間を管理" : "Kept on the paper original" }]);
  });

  it("template insertion previews a sentence, not a list of operations, and adds only the missing sheets", async () => {
    await open();
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-template");
    await s.page.waitForSelector("#pm-preview");
    await expect(s.page.textContent(".pm-preview-summary")).resolves.toMatch(ja ? /「委託先管理台帳」と「法令等一覧」と「教育実施記録」と「内部監査記録」を追加します: 4 シート、\d+ 列/ : /Adds "委託先管理台帳", "法令等一覧", "教育実施記録" and "内部監査記録": 4 sheets, \d+ columns/);
    await expect(s.page.isVisible(".pm-ops li >> nth=0")).resolves.toBe(false);
    await s.page.click(".pm-op-details > summary");
    await expect(s.page.isVisible(".pm-ops li >> nth=0")).resolves.toBe(true);
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-template-status", ja ? "完了" : "Done");
    const names = await s.page.evaluate(() => window.pmarkPreview!.bridge.grids().map((g) => g.name));
    expect(names).toEqual(["個人情報管理台帳", "リスク分析表", "委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録"]);
  });

  it("a dropdown already on a column is an overwrite the preview lists and the user confirms", async () => {
    await open();
    await s.page.evaluate(() => window.pmarkPreview!.bridge.addValidation("リスク分析表", "E2:E200", ["低", "中", "高"]));
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-formulas");
    await s.page.waitForSelector("#pm-preview .pm-overwrites");
    await expect(s.page.textContent(".pm-overwrite-list")).resolves.toContain(ja ? "リスク分析表!E2:E122(既存の入力規則)" : "リスク分析表!E2:E122 (a dropdown already there)");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-formulas-status", ja ? "そのまま" : "left alone");
    const kept = await s.page.evaluate(() => window.pmarkPreview!.bridge.workbook.validations.filter((v) => v.sheet === "リスク分析表" && v.range.startsWith("E")));
    expect(kept).toEqual([{ sheet: "リスク分析表", range: "E2:E200", list: ["低", "中", "高"] }]);
  });

  it("writes over non-empty cells only after the explicit confirmation", async () => {
    await open();
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as Record<string, unknown> & { calls: boolean[] };
      bridge.calls = [];
      bridge.preview = async () => ({
        plan: { title: { ja: "t", en: "Test plan" }, ops: [{ op: "values", sheet: "S", row: 1, col: 1, values: [["'x", "'y"]] }] },
        overwrites: [{ sheet: "S", cell: "A1" }],
      });
      bridge.apply = async (_k: string, _o: unknown, confirm: boolean) => {
        bridge.calls.push(confirm);
        return { ok: true, written: confirm ? 2 : 1, skipped: confirm ? [] : [{ sheet: "S", cell: "A1" }] };
      };
    });
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector(".pm-overwrites");
    await expect(s.page.textContent(".pm-overwrite-list")).resolves.toContain("S!A1");
    await expect(s.page.isChecked("#pm-confirm-overwrite")).resolves.toBe(false);
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-report-status", ja ? "そのまま" : "left alone");
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector(".pm-overwrites");
    await s.page.check("#pm-confirm-overwrite");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-report-status", ja ? "2 セル" : "2 cells written");
    await expect(s.page.evaluate(() => (window.pmarkPreview!.bridge as unknown as { calls: boolean[] }).calls)).resolves.toEqual([false, true]);
  });

  it("the report sheet replaces its previous version, and the add-in's additions can be removed", async () => {
    await open();
    await s.page.click("#pm-tab-actions");
    for (let i = 0; i < 2; i++) {
      await s.page.click("#pm-act-report");
      await s.page.waitForSelector("#pm-preview");
      await s.page.click("#pm-apply");
      await waitStatus("pm-row-report-status", ja ? "完了" : "Done");
    }
    const names = () => s.page.evaluate(() => window.pmarkPreview!.bridge.grids().map((g) => g.name));
    await expect(names()).resolves.toEqual(["個人情報管理台帳", "リスク分析表", ja ? "チェック結果" : "Check results"]);
    await s.page.click("#pm-act-template");
    await s.page.waitForSelector("#pm-preview");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-template-status", ja ? "完了" : "Done");
    await expect(names()).resolves.toHaveLength(7);
    for (const what of ["template", "report"]) {
      await s.page.click(`#pm-remove-${what}`);
      await s.page.waitForSelector("#pm-preview");
      await expect(s.page.textContent(".pm-preview-summary")).resolves.toMatch(ja ? /を削除します/ : /^Deletes/);
      await s.page.click("#pm-apply");
      await waitStatus("pm-row-remove-status", ja ? "削除しました" : "Removed");
    }
    await expect(names()).resolves.toEqual(["個人情報管理台帳", "リスク分析表"]);
  });

  it("shows a host's refusal (protected sheet) next to the action, as a clear message", async () => {
    await open();
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as Record<string, unknown>;
      bridge.apply = async () => ({ ok: false, written: 0, skipped: [], error: { code: "protected", message: { ja: "シート「台帳」は保護されています。", en: "Sheet is protected." } } });
    });
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-highlight");
    await s.page.waitForSelector("#pm-row-highlight-status-alert .pm-alert-body:not([hidden])");
    await expect(s.page.textContent("#pm-row-highlight-status-alert .pm-alert-text")).resolves.toBe(ja ? "シート「台帳」は保護されています。" : "Sheet is protected.");
  });

  it("highlights and clears, restoring the preview workbook's fills", async () => {
    await open();
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-highlight");
    await waitStatus("pm-row-highlight-status", ja ? "色を付けました" : "Highlighted");
    const painted = await s.page.evaluate(() => [...(window.pmarkPreview?.bridge.workbook.fills.values() ?? [])].reduce((n, m) => n + m.size, 0));
    expect(painted).toBeGreaterThan(0);
    await s.page.click("#pm-act-clear");
    await waitStatus("pm-row-highlight-status", ja ? "元の塗りつぶし" : "own fills are back");
    const left = await s.page.evaluate(() => [...(window.pmarkPreview?.bridge.workbook.fills.values() ?? [])].reduce((n, m) => n + m.size, 0));
    expect(left).toBe(0);
  });

  it("re-checks 500 ms after the workbook changes when asked to", async () => {
    await open();
    await s.page.evaluate(() => {
      const bridge = window.pmarkPreview!.bridge as unknown as { check: (r: unknown) => Promise<unknown>; checks: number };
      const original = bridge.check.bind(bridge);
      bridge.checks = 0;
      bridge.check = (r) => {
        bridge.checks++;
        return original(r);
      };
    });
    await s.page.check("#pm-recheck");
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge;
      b.edit("リスク分析表", "E2", 3);
      b.edit("リスク分析表", "E3", 3);
    });
    await s.page.waitForTimeout(200);
    await expect(s.page.evaluate(() => (window.pmarkPreview!.bridge as unknown as { checks: number }).checks)).resolves.toBe(0);
    await s.page.waitForFunction(() => (window.pmarkPreview!.bridge as unknown as { checks: number }).checks === 1, undefined, { timeout: 3000 });
  });

  it("shows hostile sheet names and cell text as text: nothing executes, no element is injected", async () => {
    await open();
    await s.page.evaluate((grids) => window.pmarkPreview?.load(grids), hostileWorkbook());
    await check();
    await s.page.click("#pm-tab-overview");
    await s.page.click("#pm-tab-heat");
    await s.page.click("#pm-tab-reading");
    for (const summary of await s.page.locator(".pm-reading-sheet summary").all()) await summary.click();
    expect((await s.page.textContent("#pm-panel-reading")) ?? "").toContain(SCRIPT);
    await s.page.click("#pm-tab-actions");
    await s.page.click("#pm-act-report");
    await s.page.waitForSelector("#pm-preview");
    await s.page.click("#pm-apply");
    await waitStatus("pm-row-report-status", ja ? "完了" : "Done");
    await s.page.click("#pm-act-highlight");
    await waitStatus("pm-row-highlight-status", ja ? "色を付けました" : "Highlighted");
    await s.page.click("#pm-tab-findings");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    await s.page.locator(".pm-finding").first().click();
    await s.page.waitForTimeout(200);
    const text = (await s.page.textContent("#pm-findings")) ?? "";
    expect(text).toContain(IMG);
    expect(text).toContain(SCRIPT);
    await expect(s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    await expect(s.page.locator("img").count()).resolves.toBe(0);
    await expect(s.page.locator("body script").count()).resolves.toBe(0);
    await expect(s.page.locator("[onerror]").count()).resolves.toBe(0);
    await expect(s.page.evaluate(() => document.scripts.length)).resolves.toBe(2);
    const report = await s.page.evaluate((name) => window.pmarkPreview?.bridge.grids().find((g) => g.name === name), ja ? "チェック結果" : "Check results");
    expect(report?.formulas?.flat().filter(Boolean) ?? []).toEqual([]);
    expect(JSON.stringify(report?.values)).toContain(IMG.replace(/"/g, '\\"'));
    expect(s.pageErrors).toEqual([]);
  });

  it("asks nothing of any origin but its own (office.js answered locally)", async () => {
    await open();
    await check();
    expect(s.offOrigin).toEqual([]);
    const foreign = s.requests.filter((u) => new URL(u).origin !== s.origin);
    expect(new Set(foreign)).toEqual(new Set([OFFICE_JS]));
  });
});
