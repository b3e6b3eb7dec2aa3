import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCode, DIST, loadAddon } from "./addon";
import { FakeSpreadsheet, makeFakes } from "./fake-gas";

const ENTRY_POINTS = [
  "onOpen",
  "onInstall",
  "showSidebar",
  "menuCheckAndHighlight",
  "menuClearHighlights",
  "menuWriteReport",
  "menuInsertTemplate",
  "pmarkSidebarContext",
  "pmarkCheck",
  "pmarkSelect",
  "pmarkPreview",
  "pmarkApply",
  "pmarkClearHighlights",
  "pmarkReadPart",
  "pmarkSettings",
  "pmarkSaveSettings",
  "PMARK_RISK_SCORE",
  "PMARK_RISK_LEVEL",
];

let code = "";
beforeAll(async () => {
  code = await builtCode();
});

/** The top-level `function name(` declarations of a script, as Apps Script lists them. */
function topLevelFunctions(src: string): string[] {
  return [...src.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string);
}

describe("Code.js: one file of globals", () => {
  it("declares a top-level function for every entry point, and no others", () => {
    expect(topLevelFunctions(code).sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it("loads without any Apps Script service defined (nothing at top level touches one)", () => {
    const sandbox: Record<string, unknown> = {};
    expect(() => vm.runInNewContext(code, sandbox)).not.toThrow();
    for (const name of ENTRY_POINTS) expect(typeof sandbox[name], name).toBe("function");
  });

  it("copies each custom function's JSDoc, with @customfunction and its parameters, onto the stub", () => {
    for (const name of ["PMARK_RISK_SCORE", "PMARK_RISK_LEVEL"]) {
      const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
      expect(m, name).not.toBeNull();
      const doc = m?.[1] ?? "";
      expect(doc).toContain("@customfunction");
      expect(doc).toMatch(/@param \{[^}]+\} likelihood/);
      expect(doc).toMatch(/@param \{[^}]+\} impact/);
      expect(doc).toMatch(/@return/);
      expect(m?.[2]).toMatch(/^likelihood, impact/);
    }
  });

  it("targets ES2019 syntax: no optional chaining or nullish coalescing left in the bundle", () => {
    expect(code).not.toMatch(/\?\.[A-Za-z_$[(]/);
    expect(code).not.toMatch(/[^?]\?\?[^?]/);
  });

  it("ships exactly Code.js, Sidebar.html and appsscript.json", () => {
    expect(readdirSync(DIST).filter((f) => !f.endsWith(".tmp")).sort()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(readFileSync(join(DIST, "Sidebar.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
  });
});

describe("onOpen: the add-on menu", () => {
  it("builds the menu in Japanese for a Japanese user", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "ja_JP");
    loadAddon(code, fakes).onOpen?.({ authMode: "FULL" });
    const menu = fakes.menus[0];
    expect(menu?.added).toBe(true);
    const items = menu?.items.filter((i) => i !== "separator") as { caption: string; fn: string }[];
    expect(items.map((i) => i.caption)).toEqual(["Pマークチェッカーを開く", "チェックして指摘セルを色付け", "色付けを解除", "指摘一覧シートを作成", "テンプレートシートを挿入"]);
    expect(items.map((i) => i.fn)).toEqual(["showSidebar", "menuCheckAndHighlight", "menuClearHighlights", "menuWriteReport", "menuInsertTemplate"]);
  });

  it("builds it in English otherwise, and every item names a global function", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "en_US");
    const addon = loadAddon(code, fakes);
    addon.onOpen?.({ authMode: "LIMITED" });
    const items = fakes.menus[0]?.items.filter((i) => i !== "separator") as { caption: string; fn: string }[];
    expect(items.map((i) => i.caption)).toEqual(["Open P-mark checker", "Check and highlight findings", "Clear highlights", "Write findings report sheet", "Insert template sheets"]);
    for (const i of items) expect(typeof addon[i.fn], i.fn).toBe("function");
  });

  it("in AuthMode.NONE only builds the menu: no read of the spreadsheet, no properties", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "ja");
    loadAddon(code, fakes).onOpen?.({ authMode: "NONE" });
    const touched = Object.keys(fakes.ss.calls.summary());
    expect(touched.every((m) => m.startsWith("Menu.") || m === "SpreadsheetApp.getUi" || m === "Ui.createAddonMenu")).toBe(true);
    expect(fakes.props.calls).toBe(0);
    expect(fakes.menus[0]?.added).toBe(true);
  });

  it("onInstall builds the same menu", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "en");
    loadAddon(code, fakes).onInstall?.({ authMode: "FULL" });
    expect(fakes.menus[0]?.items.length).toBeGreaterThan(4);
  });

  it("falls back to English when the locale cannot be read", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "ja");
    fakes.services.Session.getActiveUserLocale = () => {
      throw new Error("not authorised");
    };
    loadAddon(code, fakes).onOpen?.({ authMode: "NONE" });
    expect((fakes.menus[0]?.items[0] as { caption: string }).caption).toBe("Open P-mark checker");
  });
});

describe("showSidebar", () => {
  it("serves Sidebar.html from a file (not a template), titled in the user's language", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "ja");
    loadAddon(code, fakes).showSidebar?.();
    expect(fakes.sidebars).toHaveLength(1);
    expect(fakes.sidebars[0]?.file).toBe("Sidebar");
    expect(fakes.sidebars[0]?.title).toBe("Pマークチェッカー");
    expect(code).not.toContain("createTemplateFromFile");
  });

  it("pmarkSidebarContext tells the sidebar its host and language", () => {
    const fakes = makeFakes(new FakeSpreadsheet(), "en_GB");
    expect(loadAddon(code, fakes).pmarkSidebarContext?.()).toEqual({ host: "sheets", lang: "en" });
  });
});
