import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../packages/core/src/check";
import { RULE_IDS } from "../../../packages/core/src/rules/ids";
import { SUGGESTED_ACTIONS } from "../../../packages/core/src/report/actions";
import { cssString, html } from "../../../packages/core/src/report/html/escape";
import { checkHtml, writeCheckHtml, type HtmlCheckFile } from "../../../packages/core/src/report/html/check";
import { diffHtml } from "../../../packages/core/src/report/html/diff";
import type { HtmlReportMeta } from "../../../packages/core/src/report/html/page";
import type { WorkbookReport } from "../../../packages/core/src/report/types";
import { diffGrids } from "../../../packages/core/src/diff/diff";
import { ledgerSheet, riskSheet, TODAY } from "../helpers";

const META: HtmlReportMeta = { lang: "ja", checkDate: "2025-06-30", profile: { id: "jisq15001", version: "1.0.0" }, generator: "pmark test" };

describe("html(): text from a workbook as page text", () => {
  it("escapes markup and quotes", () => {
    expect(html(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  });

  it("shows control, bidi and invisible characters as escapes, keeps Japanese and emoji", () => {
    expect(html("a\x1b[2Jb\x07c\x7f\u0085")).toBe("a\\x1b[2Jb\\x07c\\x7f\\u0085");
    expect(html("顧客\u202e名簿\u200b\ufeff")).toBe("顧客\\u202e名簿\\u200b\\ufeff");
    expect(html("\ud800x\udc00")).toBe("\\ud800x\\udc00");
    expect(html("個人情報😀👨‍👩‍👧 tab\tline\n")).toBe("個人情報😀👨‍👩‍👧 tab\tline\n");
  });

  it("cuts long texts with a marker saying how much was left out", () => {
    expect(html("あ".repeat(2005), 2000)).toBe(`${"あ".repeat(2000)}…(以下 5 文字省略)`);
    expect(html("x".repeat(12), 10, "en")).toBe("xxxxxxxxxx…(2 more characters)");
  });
});

describe("cssString(): text in a print header", () => {
  it("cannot close the string or the style element", () => {
    const s = cssString(`a"b\\c</style><script>x</script>\n`);
    expect(s).toBe(`"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \\a "`);
    expect(s).not.toMatch(/<|>/);
  });
});

/** Every element and attribute the report builder writes; nothing else may appear. */
const OWN_TAGS = ["html", "head", "meta", "link", "title", "style", "body", "main", "section", "header", "p", "h1", "h2", "h3", "dl", "dt", "dd", "div", "table", "thead", "tbody", "tr", "th", "td", "span", "code", "wbr", "a"];
const OWN_ATTRIBUTES = ["lang", "charset", "http-equiv", "content", "name", "rel", "href", "class", "id", "style", "role", "colspan", "data-*"];

describe("the check page", () => {
  const hostile: WorkbookReport = {
    sheets: [
      { name: "<img src=x onerror=alert(1)>", kind: "ledger", headerRow: 1, rows: 2 },
      { name: "リスク\u202e分析", kind: "risk", headerRow: 1, rows: 5, layout: "long" },
    ],
    findings: [
      {
        rule: "ledger/required-empty",
        severity: "error",
        sheet: "<img src=x onerror=alert(1)>",
        cell: "C2",
        row: 2,
        col: 3,
        messageId: "requiredEmpty",
        message: { ja: "「<script>alert(1)</script>」の利用目的が空欄です", en: "purpose blank" },
        hint: "</td><td>\x1b[31m",
      },
      {
        rule: "risk/unknown-phase",
        severity: "warning",
        sheet: "リスク\u202e分析",
        cell: "D4",
        row: 4,
        col: 4,
        messageId: "unknownPhase",
        message: { ja: "局面「点検」はどの局面にも当たりません", en: "unknown phase" },
        accepted: true,
      },
    ],
    summary: { errors: 1, warnings: 0, infos: 0, accepted: 1, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
  };
  const files: HtmlCheckFile[] = [
    { file: `"><svg onload=alert(1)>.xlsx`, report: hostile },
    { file: "missing.xlsx", error: { ja: "「missing.xlsx」を読めません: ファイルがありません", en: "cannot read" } },
  ];
  const page = checkHtml(files, { ...META, profile: { id: "</style><script>alert(1)</script>", version: "1" } });

  it("has no markup but its own: no script, no handler, no outside resource", () => {
    // Escaped text holds no "<": every tag and attribute in the page is the builder's own.
    const tags = [...page.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(new Set(tags.map((t) => (t[1] as string).toLowerCase()))).toEqual(new Set(OWN_TAGS));
    for (const t of tags) {
      for (const a of (t[2] as string).replace(/"[^"]*"/g, '""').matchAll(/\s([a-zA-Z][\w:-]*)=/g)) expect(OWN_ATTRIBUTES, `${t[1]} ${a[1]}`).toContain(a[1]?.startsWith("data-") ? "data-*" : a[1]);
      const href = /\shref="([^"]*)"/.exec(t[2] as string)?.[1];
      if (href !== undefined) expect(href).toMatch(/^(#file-\d+|data:,)$/);
    }
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&lt;/td&gt;&lt;td&gt;\\x1b[31m");
    expect(page).toContain("リスク\\u202e分析");
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">/);
    // The profile id from a profile file stays text in the header and in the print rule.
    expect(page).toContain("&lt;/style&gt;&lt;script&gt;");
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });

  it("groups findings by sheet in workbook order, each with its suggested action; an unreadable file says why", () => {
    const sheets = [...page.matchAll(/<section class="sheet-block" data-findings-sheet="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(["&lt;img src=x onerror=alert(1)&gt;", "リスク\\u202e分析"]);
    expect(page).toContain(SUGGESTED_ACTIONS["ledger/required-empty"].ja);
    expect(page).toContain(SUGGESTED_ACTIONS["risk/unknown-phase"].ja);
    expect(page).toContain(`data-accepted="true"`);
    expect(page).toContain(`<p class="failed" role="alert">「missing.xlsx」を読めません: ファイルがありません</p>`);
    // Two files: a table of both first, and a print header per file.
    expect(page).toContain(`<table class="files">`);
    expect(page).toContain("@page pm-file-1 {");
    expect(page).toContain("@page pm-file-2 {");
  });

  it("is written in blocks: a report of 50,000 findings never becomes one string on the way", () => {
    const many: WorkbookReport = {
      ...hostile,
      findings: Array.from({ length: 50_000 }, (_x, i) => ({ ...(hostile.findings[0] as WorkbookReport["findings"][number]), row: i + 2, cell: `C${i + 2}` })),
    };
    const sizes: number[] = [];
    writeCheckHtml([{ file: "big.xlsx", report: many }], META, (chunk) => sizes.push(chunk.length));
    expect(sizes.length).toBeGreaterThan(100);
    let largest = 0;
    for (const s of sizes) if (s > largest) largest = s;
    expect(largest).toBeLessThan(80_000);
  });

  it("a checked workbook's page: heat map and coverage pictures, English when asked", () => {
    const report = checkWorkbook([ledgerSheet([{ 個人情報の名称: "顧客名簿", 部署: "営業部", 保管期間: null }]), riskSheet([{ id: 1, name: "顧客名簿" }])], { today: TODAY });
    const en = checkHtml([{ file: "a.xlsx", report }], { ...META, lang: "en" });
    expect(en).toContain(`<html lang="en">`);
    expect(en).toContain(`<svg xmlns="http://www.w3.org/2000/svg" class="heat" data-map="before"`);
    expect(en).toContain(`class="coverage-phases"`);
    expect(en).toContain(`data-department="営業部" data-items="1" data-analysed="1" data-findings="1"`);
    expect(en).toContain("<th class=\"c-action\">Suggested action</th>");
    expect(en).toContain(`<td>${SUGGESTED_ACTIONS["ledger/required-empty"].en}</td>`);
  });
});

describe("the diff page", () => {
  it("summary first, then maps, items, risk rows and findings; texts escaped", () => {
    const a = [ledgerSheet([{ 個人情報の名称: "<b>顧客名簿</b>" }]), riskSheet([{ id: 1, name: "<b>顧客名簿</b>" }])];
    const b = [ledgerSheet([{ 個人情報の名称: "<b>顧客名簿</b>", 保管期間: "<i>7年</i>" }]), riskSheet([{ id: 1, name: "<b>顧客名簿</b>" }])];
    const page = diffHtml({ oldFile: "2024.xlsx", newFile: "2025.xlsx", diff: diffGrids(a, b, { today: TODAY }) }, META);
    const order = ["summary-block", "map-block", "items-block", "risks-block", "findings-block"].map((c) => page.indexOf(`class="${c}`));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > (order[i - 1] as number)))).toBe(true);
    expect(page).toContain("&lt;i&gt;7年&lt;/i&gt;");
    expect(page).not.toMatch(/<b>|<i>/);
  });
});

describe("suggested actions", () => {
  it("every rule has one, in Japanese and English", () => {
    for (const id of RULE_IDS) {
      const a = SUGGESTED_ACTIONS[id];
      expect(a.ja, id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(a.en, id).toMatch(/^[A-Z]/);
    }
    expect(Object.keys(SUGGESTED_ACTIONS).sort()).toEqual([...RULE_IDS].sort());
  });
});
