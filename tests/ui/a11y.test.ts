import { describe, expect, it } from "vitest";
import { axeViolations, hasChromium, LAYOUTS, servedPane, tabWalk } from "./browser";

/**
 * Keyboard and screen readers: axe-core finds no serious or critical violation in any view or
 * state of the pane (light, dark and forced colours included), and a keyboard alone reaches
 * every tab and every action.
 */

const s = servedPane();

describe.skipIf(!hasChromium).each(LAYOUTS)("accessibility at $width px, $lang", ({ width, lang }) => {
  const open = async (query = "") => {
    await s.page.setViewportSize({ width, height: 900 });
    await s.page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}${query}`);
    await s.page.waitForSelector(".pm-app[data-ready]");
  };
  const clean = async (state: string) => {
    const found = await axeViolations(s.page);
    expect(found, `${state}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
  };

  it("axe: no serious or critical violation in any view or state", async () => {
    await open();
    await clean("before the first check");
    await s.page.click("#pm-settings-summary");
    await clean("settings open");
    await s.page.click("#pm-check");
    await s.page.waitForSelector(".pm-finding");
    await clean("findings");
    await s.page.locator(".pm-finding").first().click();
    await s.page.click("#pm-accept");
    await s.page.fill("#pm-accept-reason", "理由");
    await s.page.click("#pm-accept-check");
    await s.page.waitForSelector("#pm-accept-preview");
    await clean("a finding with its detail and the acceptance preview");
    await s.page.click("#pm-tab-overview");
    await clean("overview");
    await s.page.click("#pm-tab-heat");
    await clean("risk map");
    await s.page.click("#pm-tab-reading");
    await clean("how each sheet was read");
    for (const summary of await s.page.locator(".pm-reading-sheet summary").all()) await summary.click();
    await clean("how each sheet was read, every sheet open");
    await s.page.click("#pm-tab-actions");
    await clean("actions");
    await s.page.evaluate(() => window.pmarkPreview!.bridge.addValidation("リスク分析表", "E2:E200", ["低", "中", "高"]));
    await s.page.click("#pm-act-formulas");
    await s.page.waitForSelector("#pm-preview .pm-overwrites");
    await clean("a preview with overwrites to confirm");
    await s.page.click(".pm-op-details > summary");
    await clean("a preview with its operations open");
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge as unknown as Record<string, unknown>;
      b.apply = async () => ({ ok: false, written: 0, skipped: [], error: { code: "protected", message: { ja: "保護されています。", en: "Protected." } } });
    });
    await s.page.click("#pm-act-highlight");
    await s.page.waitForSelector("#pm-row-highlight-status-alert .pm-alert-body:not([hidden])");
    await clean("an action's error");
    await s.page.click("#pm-tab-findings");
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge as unknown as { check: () => Promise<unknown> };
      b.check = () => new Promise(() => undefined);
    });
    await s.page.click("#pm-check");
    await s.page.waitForSelector("#pm-check-status .pm-spinner:not([hidden])");
    await clean("a check running, with its stop button");
    await s.page.click("#pm-check-status-stop");
    await s.page.evaluate(() => {
      const b = window.pmarkPreview!.bridge as unknown as { check: () => Promise<unknown> };
      b.check = async () => ({
        sheets: [{ name: "個人情報管理台帳", kind: "ledger", headerRow: 3, rows: 4 }],
        findings: [],
        summary: { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
        withheld: 3,
        notice: { code: "partial-time", checked: ["個人情報管理台帳"], skipped: ["リスク分析表"], continuable: true, message: { ja: "途中で止めました。", en: "Reading stopped." } },
      });
    });
    await s.page.click("#pm-check");
    await s.page.waitForSelector("#pm-partial-notice");
    await clean("a partial check with its notice");
  });

  it("axe: no serious or critical violation in dark, Office dark and forced colours", async () => {
    for (const [query, scheme, forced] of [["", "dark", "none"], ["&theme=dark", "light", "none"], ["", "light", "active"]] as const) {
      await s.page.setViewportSize({ width, height: 900 });
      await s.page.emulateMedia({ colorScheme: scheme, forcedColors: forced });
      await s.page.goto(`${s.origin}/taskpane.html?lang=${lang}${query}`);
      await s.page.waitForSelector(".pm-app[data-ready]");
      await s.page.click("#pm-check");
      await s.page.waitForSelector(".pm-finding");
      for (const tab of ["findings", "overview", "heat", "reading", "actions"]) {
        await s.page.click(`#pm-tab-${tab}`);
        await clean(`${scheme}${query}${forced === "active" ? " forced colours" : ""}: ${tab}`);
      }
    }
  });

  it("a keyboard alone reaches every tab and every action", async () => {
    await open();
    const reached = new Set<string>();
    // Each view in turn: Tab to the tab list, arrows to the view, then Tab through it.
    for (const [steps, view] of [[0, "findings"], [1, "overview"], [2, "heat"], [3, "reading"], [4, "actions"]] as const) {
      await s.page.focus("#pm-tab-findings");
      for (let i = 0; i < steps; i++) await s.page.keyboard.press("ArrowRight");
      await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe(`pm-tab-${view}`);
      reached.add(`pm-tab-${view}`);
      for (const id of await tabWalk(s.page)) reached.add(id);
      if (view === "findings") {
        // With results: the list and the finding's own buttons.
        await s.page.focus("#pm-check");
        await s.page.keyboard.press("Enter");
        await s.page.waitForSelector(".pm-finding");
        // The second finding, so that "previous" is enabled too.
        await s.page.locator(".pm-finding").first().focus();
        await s.page.keyboard.press("ArrowDown");
        await s.page.keyboard.press("Enter");
        await s.page.waitForSelector("#pm-detail");
        for (const id of await tabWalk(s.page)) reached.add(id);
      }
    }
    // The reading view's sections are reached once there is a check to explain.
    await s.page.focus("#pm-tab-findings");
    for (let i = 0; i < 3; i++) await s.page.keyboard.press("ArrowRight");
    for (const id of await tabWalk(s.page)) reached.add(id);
    const expected = [
      "pm-tab-findings",
      "pm-tab-overview",
      "pm-tab-heat",
      "pm-tab-reading",
      "pm-tab-actions",
      "pm-reading-0-summary",
      "pm-check",
      "pm-recheck",
      "pm-settings-summary",
      "pm-filter-severity",
      "pm-filter-rule",
      "pm-prev",
      "pm-next",
      "pm-accept",
      "pm-act-template",
      "pm-act-formulas",
      "pm-act-highlight",
      "pm-act-clear",
      "pm-act-report",
      "pm-remove-template",
      "pm-remove-formulas",
      "pm-remove-report",
    ];
    expect(expected.filter((id) => !reached.has(id))).toEqual([]);
    // The list of findings is reached too (one Tab stop).
    expect([...reached].some((id) => id.startsWith("button:"))).toBe(true);
  });
});
