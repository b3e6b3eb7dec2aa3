/**
 * `pmark check --format html` and `pmark diff --format html` opened in headless Chromium (Debian's,
 * driven by playwright-core as in tests/ui): the page asks for nothing but itself, no script runs
 * from a workbook's text (hostile sheet names, cells and file names), every count it shows equals
 * the JSON output of the same run, and it prints as A4 with a page per sheet's findings.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { ReportOverview } from "@pmark/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openSession, serve, type Session } from "../ui/browser";
import { buildCli, ROOT, runPmark, tempDir } from "./helpers";

const SAMPLE = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
const SAMPLE_LAST_YEAR = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル_前年度.xlsx");

/** Texts that would run script, load something or restyle the page if they were markup. */
const HOSTILE = {
  script: "<script>window.__pwned=1</script>",
  img: `<img src=x onerror="window.__pwned=2">`,
  svg: `"><svg onload=window.__pwned=3>`,
  style: "</style><script>window.__pwned=4</script>",
  link: `<link rel=stylesheet href="http://example.com/x.css">`,
  bidi: "顧客\u202e名簿",
  escape: "\x1b[2J\x1b]0;title\x07名刺",
};
const HOSTILE_SHEET = `<img src=x onerror=pw()>`;
const HOSTILE_FILE = `"><img src=x onerror=alert(1)>台帳.xlsx`;

let dir: string;
let server: Awaited<ReturnType<typeof serve>>;
let session: Session;
const dialogs: string[] = [];

async function writeHostileWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet(HOSTILE_SHEET);
  ledger.addRow(["No.", "部署", "個人情報の名称", "個人情報の項目", "利用目的", "件数", "媒体", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "廃棄方法", "委託先", "提供先", "要配慮個人情報", "見直し日"]);
  const names = Object.values(HOSTILE);
  names.forEach((name, i) => {
    // A blank retention on every row: each name is quoted in a finding's message.
    ledger.addRow([i + 1, i % 2 === 0 ? HOSTILE.svg : "営業部", name, "氏名、連絡先", "営業活動", "約100件", "電子", HOSTILE.link, "アクセス制御", "営業部員", null, "データ消去", "なし", "なし", "無", "2025/4/1"]);
  });
  const risk = wb.addWorksheet(HOSTILE.style.slice(0, 31).replace(/[[\]:*?/\\]/g, "_"));
  risk.addRow(["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク"]);
  names.forEach((name, i) => risk.addRow([i + 1, name, HOSTILE.script, HOSTILE.img, 2, 3, 6, null, "高"]));
  await wb.xlsx.writeFile(path);
}

interface Page {
  url: string;
  html: string;
}

function page(name: string, html: string): Page {
  writeFileSync(join(dir, name), html);
  return { url: `${server.origin}/${name}`, html };
}

/** Opens a page and returns the requests it made (every one, the page's own included). */
async function open(p: Page): Promise<string[]> {
  session.requests.length = 0;
  session.offOrigin.length = 0;
  await session.page.goto(p.url, { waitUntil: "load" });
  // Time for anything a page might start late (an onerror handler, a lazy image).
  await session.page.waitForTimeout(300);
  return [...session.requests];
}

beforeAll(async () => {
  if (!hasChromium) return;
  buildCli();
  dir = tempDir("pmark-html-");
  mkdirSync(dir, { recursive: true });
  await writeHostileWorkbook(join(dir, HOSTILE_FILE));
  server = await serve(dir);
  session = await openSession(server.origin);
  session.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 120_000);

afterAll(async () => {
  if (!hasChromium) return;
  await session?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)("the HTML report in Chromium", () => {
  let checkPage: Page;
  let checkJson: { files: { file: string; summary: Record<string, unknown>; overview: ReportOverview; findings: { rule: string; sheet: string; cell: string }[] }[] };

  beforeAll(() => {
    const hostile = join(dir, HOSTILE_FILE);
    const html = runPmark(["check", hostile, SAMPLE, "--format", "html", "--today", "2025-06-30"]);
    expect(html.stderr).toBe("");
    expect(html.status).toBe(1);
    checkPage = page("check.html", html.stdout);
    checkJson = JSON.parse(runPmark(["check", hostile, SAMPLE, "--format", "json", "--today", "2025-06-30"]).stdout);
  });

  it("asks for nothing but itself, and runs no script from cell text, sheet or file names", async () => {
    const requests = await open(checkPage);
    expect(requests).toEqual([checkPage.url]);
    expect(session.offOrigin).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await session.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const active = await session.page.evaluate(() => document.querySelectorAll("script, iframe, object, embed, img, link[rel=stylesheet], base, form, [onerror], [onload]").length);
    expect(active).toBe(0);
    // The hostile texts are there, as text.
    const text = await session.page.evaluate(() => document.body.innerText);
    // (Item names longer than 40 characters are cut in messages: the style breaker shows its start.)
    for (const t of [HOSTILE.script, HOSTILE.img, HOSTILE.style.slice(0, 30), HOSTILE_SHEET, HOSTILE_FILE]) expect(text).toContain(t);
    // A bidi override is shown, not obeyed (control characters do not survive an .xlsx; core's tests cover them).
    expect(text).toContain("顧客\\u202e名簿");
    expect(text).not.toMatch(/[\u202e\x1b]/);
    // The raw page has no markup from the workbook either (not only what the browser made of it).
    expect(checkPage.html).not.toMatch(/<script|<img|<svg onload|<link rel=stylesheet href="http/i);
  });

  it("shows the same counts as the JSON output: summary, readiness, heat map, coverage, findings", async () => {
    await open(checkPage);
    const shown = await session.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("section.file")].map((s) => ({
        file: s.dataset.file,
        counts: Object.fromEntries([...s.querySelectorAll<HTMLElement>("[data-count-of]")].map((c) => [c.dataset.countOf, Number(c.querySelector<HTMLElement>(".value")?.dataset.value)])),
        before: [...s.querySelectorAll<SVGGElement>("svg[data-map=before] g.heat-cell")].map((g) => [Number(g.dataset.likelihood), Number(g.dataset.impact), Number(g.dataset.count)]),
        phases: [...s.querySelectorAll<SVGGElement>("svg.coverage-phases g.bar-row")].map((g) => [g.dataset.phase, Number(g.dataset.applicable), Number(g.dataset.analysed)]),
        departments: [...s.querySelectorAll<SVGGElement>("svg.coverage-departments g.bar-row")].map((g) => [g.dataset.department, Number(g.dataset.items), Number(g.dataset.analysed), Number(g.dataset.findings)]),
        findings: [...s.querySelectorAll<HTMLElement>("tr.finding")].map((r) => `${r.dataset.rule} ${r.dataset.sheet}!${r.dataset.cell}`),
      })),
    );
    expect(shown.map((s) => s.file)).toEqual(checkJson.files.map((f) => f.file));
    shown.forEach((s, i) => {
      const f = checkJson.files[i] as (typeof checkJson.files)[number];
      const sum = f.summary as { errors: number; warnings: number; infos: number; accepted: number; risks: Record<string, number> };
      expect(s.counts).toEqual({
        errors: sum.errors,
        warnings: sum.warnings,
        infos: sum.infos,
        accepted: sum.accepted,
        "risks.high": sum.risks.high,
        "risks.medium": sum.risks.medium,
        "risks.low": sum.risks.low,
        "risks.incomplete": sum.risks.incomplete,
        readiness: f.overview.readiness.score,
      });
      const map = f.overview.heatMap;
      expect(s.before).toHaveLength((map.likelihood.max - map.likelihood.min + 1) * (map.impact.max - map.impact.min + 1));
      for (const [l, im, n] of s.before) expect(n).toBe(map.before[(l as number) - map.likelihood.min]?.[(im as number) - map.impact.min]);
      expect(s.phases).toEqual(f.overview.coverage.phases.map((p) => [p.phase, p.applicable, p.analysed]));
      expect(s.departments).toEqual(f.overview.coverage.departments.map((d) => [d.department, d.items, d.analysed, d.findings]));
      expect(s.findings).toEqual(f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell}`));
    });
    expect(shown[1]?.findings).toHaveLength(16);
  });

  it("prints on A4, each sheet's findings from a new page, with the running header", async () => {
    await open(checkPage);
    await session.page.emulateMedia({ media: "print" });
    const breaks = await session.page.evaluate(() => [...document.querySelectorAll("section.file")].map((s) => [...s.querySelectorAll(".sheet-block")].map((b) => getComputedStyle(b).breakBefore)));
    await session.page.emulateMedia({ media: "screen" });
    // The sample's findings: 個人情報管理台帳, リスク分析表, 法令等一覧.
    expect(breaks[1]).toEqual(["auto", "page", "page"]);
    const pdf = await session.page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    const text = pdf.toString("latin1");
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const b of boxes) expect(b).toEqual([595, 842]);
    // The header names the workbook of each page (a CSS string: escaped, not markup).
    expect(checkPage.html).toContain("@page pm-file-2 {");
    expect(checkPage.html).toMatch(/@top-right \{ content: "検査日 2025-06-30 ・ プロファイル jisq15001 [\d.]+"/);
  });

  it("diff: nothing leaves the page, and its counts equal the diff's JSON", async () => {
    const html = runPmark(["diff", SAMPLE_LAST_YEAR, SAMPLE, "--format", "html", "--today", "2025-06-30"]);
    expect(html.status).toBe(1);
    const json = JSON.parse(runPmark(["diff", SAMPLE_LAST_YEAR, SAMPLE, "--format", "json", "--today", "2025-06-30"]).stdout);
    const p = page("diff.html", html.stdout);
    expect(await open(p)).toEqual([p.url]);
    expect(session.pageErrors).toEqual([]);
    const counts = await session.page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>("[data-count-of]")].map((c) => [c.dataset.countOf, c.querySelector<HTMLElement>(".value")?.dataset.value])));
    const s = json.summary;
    expect(counts).toEqual({
      "items.count": `${s.items.old} → ${s.items.new}`,
      "items.added": String(s.items.added),
      "items.removed": String(s.items.removed),
      "items.renamed": String(s.items.renamed),
      "items.renamedUncertain": String(s.items.renamedUncertain),
      "items.changed": String(s.items.changed),
      "risks.count": `${s.risks.old} → ${s.risks.new}`,
      "risks.added": String(s.risks.added),
      "risks.removed": String(s.risks.removed),
      "risks.before.down": String(s.risks.before.down),
      "risks.before.up": String(s.risks.before.up),
      "risks.after.down": String(s.risks.after.down),
      "risks.after.up": String(s.risks.after.up),
      "findings.resolved": String(s.findings.resolved),
      "findings.new": String(s.findings.new),
      "findings.open": String(s.findings.open),
    });
    const rows = await session.page.evaluate(() => ({
      added: document.querySelectorAll("table[data-items=added] tr.item").length,
      removed: document.querySelectorAll("table[data-items=removed] tr.item").length,
      changed: [...document.querySelectorAll<HTMLElement>("tr.item-change")].map((r) => `${r.dataset.match} ${r.dataset.label}`),
      risks: document.querySelectorAll("tr.risk-change").length,
      findings: ["new", "resolved", "open"].map((k) => document.querySelectorAll(`table[data-findings=${k}] tr.finding`).length),
      maps: document.querySelectorAll("svg.heat").length,
    }));
    expect(rows.added).toBe(json.items.added.length);
    expect(rows.removed).toBe(json.items.removed.length);
    expect(rows.changed).toEqual(json.items.changed.map((c: { match: string; new: { label: string } }) => `${c.match} ${c.new.label}`));
    expect(rows.risks).toBe(json.risks.reduce((n: number, g: { rows: unknown[] }) => n + g.rows.length, 0));
    expect(rows.findings).toEqual([json.findings.new.length, json.findings.resolved.length, json.findings.open.length]);
    // Last year's and this year's heat maps side by side (the sample has no residual rating columns: before only).
    expect(rows.maps).toBe(2);
  });

  it("diff: hostile texts on either side stay text", async () => {
    const hostile = join(dir, HOSTILE_FILE);
    const html = runPmark(["diff", SAMPLE, hostile, "--format", "html", "--today", "2025-06-30", "--lang", "en"]);
    expect(html.stderr).toBe("");
    const p = page("diff-hostile.html", html.stdout);
    expect(await open(p)).toEqual([p.url]);
    expect(await session.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await session.page.evaluate(() => document.querySelectorAll("script, img, iframe, link[rel=stylesheet]").length)).toBe(0);
    expect(dialogs).toEqual([]);
    const text = await session.page.evaluate(() => document.body.innerText);
    expect(text).toContain(HOSTILE.script);
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe("en");
  });
});
