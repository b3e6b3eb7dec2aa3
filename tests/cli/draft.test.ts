/**
 * `pmark draft`: a copy of the workbook with the missing risk rows drafted on a new sheet.
 * The output package is compared with the input part by part (every part byte for byte, its
 * compressed data included, but the sheet list, content types and workbook relationships, which
 * only gain the new sheet), on .xlsx and on .xlsm; `pmark check` on the output finds no gap
 * and no new error, the drafts counted as unscored; LibreOffice opens and recalculates it.
 */
import { copyFileSync, existsSync, linkSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook, resolveBuiltinProfile, type SheetGrid, type WorkbookReport } from "@pmark/core";
import { runInProcess } from "./in-process";
import { cellXmlText } from "../../packages/cli/src/draft/sheet-xml";
import { decodeXml } from "../../packages/cli/src/load/ooxml";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { entryData, inspectZip } from "../../packages/cli/src/load/zip";
import { CORPUS } from "../fixtures/corpus/index";
import { hasLibreOffice, recalcWithLibreOffice } from "../templates/helpers";
import { buildCli, lines, makeZip, ROOT, runPmark, tempDir } from "./helpers";

const SAMPLE = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
const TODAY = "2025-06-30";
const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
const DRAFT = "要確認(下書き)";

let dir = "";
beforeAll(() => {
  buildCli();
  dir = tempDir("pmark-draft-");
});

interface Part {
  raw: Buffer;
  bytes: Buffer;
}

/** Every part of a package: its compressed data as stored and its bytes. */
function partsOf(file: string): Map<string, Part> {
  const buf = readFileSync(file);
  const zip = inspectZip(buf);
  if (!zip.ok) throw new Error(`${file}: ${zip.reason.code}`);
  const out = new Map<string, Part>();
  for (const e of zip.entries) {
    const raw = entryData(buf, e) as Buffer;
    out.set(e.name, { raw, bytes: e.method === 0 ? raw : inflateRawSync(raw) });
  }
  return out;
}

async function gridsOf(file: string): Promise<SheetGrid[]> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.reason.code}`);
  return loaded.grids;
}

function errorsByRule(report: WorkbookReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of report.findings) if (f.severity === "error" && !f.accepted) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

/** A workbook as a host holds it, written by ExcelJS: values, formulas with their cached results, merges. */
async function writeGrids(grids: readonly SheetGrid[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c];
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof f === "string" && f.startsWith("=")) cell.value = { formula: f.slice(1), result: v === null || v === undefined ? "" : (v as string | number | boolean) } as ExcelJS.CellFormulaValue;
        else if (v !== null && v !== undefined && v !== "") cell.value = v;
      }),
    );
    for (const m of g.merges ?? []) ws.mergeCells(m.startRow + 1, m.startCol + 1, m.endRow + 1, m.endCol + 1);
  }
  await wb.xlsx.writeFile(path);
}

/**
 * A ledger and a risk analysis with a gap, carrying what a draft must keep: a formula, bold
 * and filled cells, a dropdown, merged cells and a comment.
 */
async function richXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("個人情報管理台帳");
  ledger.getCell("A1").value = "個人情報管理台帳";
  ledger.mergeCells("A1:D1");
  ledger.getCell("A1").font = { bold: true };
  const header = ["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "媒体", "委託先"];
  ledger.addRow([]);
  ledger.addRow(header);
  ledger.addRow([1, "顧客名簿", "商品案内", "ファイルサーバ", "アクセス制御", "営業部員", "取引終了後3年", "電子", "なし"]);
  ledger.addRow([2, "応募書類", "採用選考", "人事部キャビネット", "施錠保管", "人事部員", "選考後1年", "紙", "なし"]);
  ledger.getCell("B4").note = "台帳の見直し: 2025年4月";
  ledger.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  const risk = wb.addWorksheet("リスク分析表");
  risk.addRow(["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策"]);
  const phases = ["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"];
  phases.forEach((p, i) => risk.addRow([1, "顧客名簿", p, "漏えい・紛失", 1, 2, { formula: `E${i + 2}*F${i + 2}`, result: 2 }, "アクセス権限を限定する"]));
  phases.slice(0, 3).forEach((p, i) => risk.addRow([2, "応募書類", p, "紛失", 1, 2, { formula: `E${i + 7}*F${i + 7}`, result: 2 }, "施錠保管"]));
  risk.getCell("E2").dataValidation = { type: "list", allowBlank: true, formulae: ['"1,2,3"'] };
  await wb.xlsx.writeFile(path);
}

/** The same workbook as a macro-enabled .xlsm: the workbook's content type and a VBA project part. */
function toXlsm(xlsx: string, xlsm: string): void {
  const parts = partsOf(xlsx);
  const inputs: { name: string; data: Buffer }[] = [];
  for (const [name, part] of parts) {
    let data = part.bytes;
    if (name === "[Content_Types].xml") {
      data = Buffer.from(
        data
          .toString("utf8")
          .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
          .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      );
    }
    if (name === "xl/_rels/workbook.xml.rels") {
      data = Buffer.from(data.toString("utf8").replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    }
    inputs.push({ name, data });
  }
  inputs.push({ name: "xl/vbaProject.bin", data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256)) });
  writeFileSync(xlsm, makeZip(inputs));
}

/** A part's text without the `k` tags the draft inserted right before its closing tag: it must give back the input's part. */
function withoutInserted(text: string, k: number): string {
  return text
    .replace(new RegExp(`(?:<sheet name="[^"]*" sheetId="\\d+" r:id="rId\\d+"/>){${k}}(?=</sheets>)`), "")
    .replace(new RegExp(`(?:<Relationship Id="rId\\d+" Type="[^"]*/worksheet" Target="worksheets/sheet\\d+\\.xml"/>){${k}}(?=</Relationships>)`), "")
    .replace(new RegExp(`(?:<Override PartName="/xl/worksheets/sheet\\d+\\.xml" ContentType="[^"]*worksheet\\+xml"/>){${k}}(?=</Types>)`), "");
}

describe("pmark draft on the sample (built command)", () => {
  it("writes the copy and one line; pmark check on it finds no gap and no new error, the drafts unscored", () => {
    const out = join(dir, "sample-draft.xlsx");
    const r = runPmark(["draft", SAMPLE, "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(lines(r.stdout)[0]).toMatch(/を書き出しました: 1 件の個人情報に 5 行の下書き \(シート「リスク分析\(下書き\)」、状態「要確認\(下書き\)」\)$/);
    expect(lines(r.stdout)[1]).toContain("給与台帳(委託・提供)");
    const before = JSON.parse(runPmark(["check", SAMPLE, "--today", TODAY, "--format", "json"]).stdout).files[0] as WorkbookReport;
    const after = JSON.parse(runPmark(["check", out, "--today", TODAY, "--format", "json"]).stdout).files[0] as WorkbookReport;
    expect(after.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
    const { "risk/phase-missing": _gone, ...rest } = errorsByRule(before);
    expect(errorsByRule(after)).toEqual(rest);
    expect(after.summary.risks).toEqual({ ...before.summary.risks, incomplete: before.summary.risks.incomplete + 5 });
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), "リスク分析(下書き)"]);
  });

  it("gives the same bytes for the same input, and never changes the input", () => {
    const input = readFileSync(SAMPLE);
    const a = join(dir, "det-a.xlsx");
    const b = join(dir, "det-b.xlsx");
    expect(runPmark(["draft", SAMPLE, "--out", a, "--lang", "en"]).status).toBe(0);
    expect(runPmark(["draft", SAMPLE, "--out", b, "--lang", "en"]).status).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(SAMPLE).equals(input)).toBe(true);
  });

  it("keeps the archive's comment", () => {
    const input = readFileSync(SAMPLE);
    const eocd = input.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const comment = Buffer.from("作成: 総務部 / made by the office", "utf8");
    const withComment = Buffer.concat([input.subarray(0, eocd + 22), comment]);
    withComment.writeUInt16LE(comment.length, eocd + 20);
    const file = join(dir, "commented.xlsx");
    const out = join(dir, "commented-draft.xlsx");
    writeFileSync(file, withComment);
    expect(runPmark(["draft", file, "--out", out, "--lang", "en"]).status).toBe(0);
    const written = readFileSync(out);
    expect(written.subarray(written.length - comment.length).equals(comment)).toBe(true);
    expect(written.readUInt16LE(written.length - comment.length - 2)).toBe(comment.length);
  });
});

describe("the output package, part by part", () => {
  for (const kind of ["xlsx", "xlsm"] as const) {
    it(`.${kind}: every part byte for byte but the sheet list, content types and relationships, which only gain the draft sheet`, async () => {
      const xlsx = join(dir, "rich.xlsx");
      await richXlsx(xlsx);
      const input = kind === "xlsx" ? xlsx : join(dir, "rich.xlsm");
      if (kind === "xlsm") toXlsm(xlsx, input);
      const out = join(dir, `rich-draft.${kind}`);
      const r = await runInProcess(["draft", input, "--out", out, "--force"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const a = partsOf(input);
      const b = partsOf(out);
      const added = [...b.keys()].filter((n) => !a.has(n));
      expect(added).toEqual(["xl/worksheets/sheet3.xml"]);
      for (const [name, part] of a) {
        const copy = b.get(name);
        expect(copy, name).toBeDefined();
        if (EDITED.includes(name)) continue;
        expect(copy?.bytes.equals(part.bytes), name).toBe(true);
        expect(copy?.raw.equals(part.raw), `${name} (compressed)`).toBe(true);
      }
      for (const name of EDITED) {
        const was = (a.get(name) as Part).bytes.toString("utf8");
        const now = (b.get(name) as Part).bytes.toString("utf8");
        expect(now.length, name).toBeGreaterThan(was.length);
        expect(withoutInserted(now, 1), name).toBe(was);
      }
      if (kind === "xlsm") {
        expect((b.get("[Content_Types].xml") as Part).bytes.toString()).toContain("macroEnabled.main+xml");
        expect(b.get("xl/vbaProject.bin")?.bytes.equals((a.get("xl/vbaProject.bin") as Part).bytes)).toBe(true);
      }
      // The shared strings and styles the original sheets use are untouched, and read back the same.
      const inGrids = await gridsOf(input);
      const outGrids = await gridsOf(out);
      expect(outGrids.slice(0, inGrids.length)).toEqual(inGrids);
      const draft = outGrids[inGrids.length] as SheetGrid;
      expect(draft.name).toBe("リスク分析(下書き)");
      const rows = draft.values.filter((row) => row.includes(DRAFT));
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(rows.every((row) => row[1] === "応募書類")).toBe(true);
      const report = checkWorkbook(outGrids, { today: TODAY });
      expect(report.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
    });
  }

  it("text that looks like a formula stays text in the new sheet", async () => {
    const path = join(dir, "hostile.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台帳");
    ws.addRow(["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間"]);
    ws.addRow([1, '=HYPERLINK("http://evil.example","x")', "a", "b", "c", "d", "1年"]);
    await wb.xlsx.writeFile(path);
    const out = join(dir, "hostile-draft.xlsx");
    expect((await runInProcess(["draft", path, "--out", out])).status).toBe(0);
    const xml = (partsOf(out).get("xl/worksheets/sheet2.xml") as Part).bytes.toString("utf8");
    expect(xml).not.toMatch(/<f>HYPERLINK/);
    const names = (await gridsOf(out))[1]?.values.map((r) => r[1]) ?? [];
    expect(names).toContain('=HYPERLINK("http://evil.example","x")');
  });

  it("cell text survives the XML: markup, Excel's own _xHHHH_ escapes, control characters, emoji", () => {
    for (const text of ["名簿 <&> \"'", "_x0041_ stays as typed", "bell\u0007 tab\t line\nbreak", "\uFFFE", "😀 台帳"]) {
      expect(decodeXml(cellXmlText(text), true), JSON.stringify(text)).toBe(text);
    }
    expect(decodeXml(cellXmlText("lone \ud800"), true)).toBe("lone \ufffd");
  });
});

describe("refusals, each one line and exit 2", () => {
  it("never writes over its input, even with --force, nor through another path or a hard link", async () => {
    const input = join(dir, "self.xlsx");
    copyFileSync(SAMPLE, input);
    const bytes = readFileSync(input);
    for (const out of [input, join(dir, ".", "self.xlsx")]) {
      const r = await runInProcess(["draft", input, "--out", out, "--force"]);
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("入力を変更しません");
    }
    const link = join(dir, "self-link.xlsx");
    linkSync(input, link);
    expect((await runInProcess(["draft", input, "--out", link, "--force"])).status).toBe(2);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it("refuses an existing --out without --force, and replaces it with --force", async () => {
    const out = join(dir, "exists.xlsx");
    writeFileSync(out, "keep");
    const r = await runInProcess(["draft", SAMPLE, "--out", out, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("already exists; add --force")]);
    expect(readFileSync(out, "utf8")).toBe("keep");
    expect((await runInProcess(["draft", SAMPLE, "--out", out, "--force"])).status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it("refuses what it cannot copy faithfully: a CSV, a wrong extension for an .xlsm, an unreadable file", async () => {
    const csv = join(dir, "ledger.csv");
    writeFileSync(csv, "個人情報の名称,利用目的\n顧客名簿,商品案内\n");
    const notOoxml = await runInProcess(["draft", csv, "--out", join(dir, "csv-draft.xlsx")]);
    expect(notOoxml.status).toBe(2);
    expect(lines(notOoxml.stderr)).toEqual([expect.stringContaining(".xlsx・.xlsm のブックではありません")]);
    const xlsm = join(dir, "m.xlsm");
    const xlsx = join(dir, "m.xlsx");
    await richXlsx(xlsx);
    toXlsm(xlsx, xlsm);
    const wrong = await runInProcess(["draft", xlsm, "--out", join(dir, "m-draft.xlsx"), "--lang", "en"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--out must be .xlsm too");
    expect(existsSync(join(dir, "m-draft.xlsx"))).toBe(false);
    const missing = await runInProcess(["draft", join(dir, "nope.xlsx"), "--out", join(dir, "nope-draft.xlsx")]);
    expect(missing.status).toBe(2);
    expect(lines(missing.stderr)).toHaveLength(1);
  });

  it("usage errors: no --out, two inputs, a check-only option", () => {
    for (const argv of [["draft", SAMPLE], ["draft", SAMPLE, SAMPLE, "--out", "x.xlsx"], ["draft", SAMPLE, "--out", "x.xlsx", "--today", TODAY], ["draft", SAMPLE, "--out", "x.csv"]]) {
      const r = runPmark(argv);
      expect(r.status, argv.join(" ")).toBe(2);
      expect(lines(r.stderr)[0], argv.join(" ")).toMatch(/^pmark: /);
    }
  });

  it("nothing to draft: says so, writes nothing, exit 0", async () => {
    const annual = join(ROOT, "tests", "fixtures", "annual", "annual-records.xlsx");
    const out = join(dir, "annual-draft.xlsx");
    const r = await runInProcess(["draft", annual, "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("下書きする局面がありません");
    expect(existsSync(out)).toBe(false);
  });
});

describe("the profile's risk library", () => {
  const entry = {
    id: "transfer.any.courier",
    phase: "transfer",
    media: "any",
    type: "loss",
    risk: { ja: "社内便で書類が届かない", en: "Documents sent by internal mail never arrive" },
    measure: { ja: "社内便は受渡簿に記録し、受領の押印を得る", en: "Log internal mail in a handover book and obtain a receipt stamp" },
    safeguard: "organisational",
    clause: "構築・運用指針 J.3.1.3",
  };

  it("drafts from the profile's own entries", async () => {
    const profile = join(dir, "acme.json");
    writeFileSync(profile, JSON.stringify({ id: "acme", version: "1", extends: "jisq15001", riskLibrary: { builtin: false, entries: [entry, { ...entry, id: "entrust.any.courier", phase: "entrust" }] } }));
    const out = join(dir, "acme-draft.xlsx");
    const r = await runInProcess(["draft", SAMPLE, "--out", out, "--profile", profile]);
    expect(r.status).toBe(0);
    const draft = (await gridsOf(out)).find((g) => g.name === "リスク分析(下書き)");
    expect(draft?.values.filter((row) => row.includes(DRAFT)).map((row) => row[3])).toEqual(["社内便で書類が届かない"]);
  });

  it("refuses a profile whose library entry is left untranslated, naming the place (exit 2)", async () => {
    const profile = join(dir, "bad.json");
    writeFileSync(profile, JSON.stringify({ id: "bad", version: "1", riskLibrary: { entries: [{ ...entry, measure: { ja: entry.measure.ja, en: entry.measure.ja } }] } }));
    const r = await runInProcess(["draft", SAMPLE, "--out", join(dir, "bad-draft.xlsx"), "--profile", profile, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("$.riskLibrary.entries[0].measure.en: the English text still has Japanese in it")]);
  });
});

describe("every corpus workbook with phase gaps, as .xlsx", () => {
  it("drafted, then checked: no risk/phase-missing, no new error, the drafts unscored", async () => {
    let seen = 0;
    for (const f of CORPUS) {
      const profile = f.profile ? resolveBuiltinProfile(f.profile) : undefined;
      const options = { today: f.today, ...(profile ? { profile } : {}) };
      const input = join(dir, `${f.id}.xlsx`);
      await writeGrids(f.sheets, input);
      const before = checkWorkbook(await gridsOf(input), options);
      if (!before.findings.some((x) => x.rule === "risk/phase-missing")) continue;
      seen++;
      const out = join(dir, `${f.id}-draft.xlsx`);
      const r = await runInProcess(["draft", input, "--out", out, ...(f.profile ? ["--profile", f.profile] : [])]);
      expect(r.stderr, f.id).toBe("");
      expect(r.status, f.id).toBe(0);
      const drafted = Number(/に (\d+) 行の下書き/.exec(r.stdout)?.[1]);
      const after = checkWorkbook(await gridsOf(out), options);
      expect(after.findings.filter((x) => x.rule === "risk/phase-missing"), f.id).toEqual([]);
      const { "risk/phase-missing": _gone, ...rest } = errorsByRule(before);
      expect(errorsByRule(after), f.id).toEqual(rest);
      expect(after.summary.risks.incomplete - before.summary.risks.incomplete, f.id).toBe(drafted);
    }
    expect(seen).toBeGreaterThanOrEqual(10);
  });

  it("a ledger with no risk analysis gets the whole risk sheet in the template's layout", async () => {
    const f = CORPUS.find((x) => x.id === "names-only-link-clean");
    const ledgerOnly = (f?.sheets ?? []).filter((s) => checkWorkbook([s]).sheets[0]?.kind === "ledger");
    const input = join(dir, "ledger-only.xlsx");
    await writeGrids(ledgerOnly, input);
    const out = join(dir, "ledger-only-draft.xlsx");
    const r = await runInProcess(["draft", input, "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("シート「リスク分析表」");
    const after = checkWorkbook(await gridsOf(out), { today: f?.today ?? TODAY });
    expect(after.findings.filter((x) => x.rule === "risk/phase-missing" || x.rule === "sheet/missing")).toEqual([]);
    expect(after.summary.errors).toBe(0);
  });
});

describe.skipIf(!hasLibreOffice())("LibreOffice", () => {
  it("opens the output and recalculates it: the original sheets as they were, the draft sheet's formulas computed", async () => {
    const rich = join(dir, "lo-rich.xlsx");
    await richXlsx(rich);
    const outs = [join(dir, "lo-sample-draft.xlsx"), join(dir, "lo-rich-draft.xlsx")];
    expect((await runInProcess(["draft", SAMPLE, "--out", outs[0] as string])).status).toBe(0);
    expect((await runInProcess(["draft", rich, "--out", outs[1] as string])).status).toBe(0);
    const recalculated = recalcWithLibreOffice(outs);
    for (const [i, file] of recalculated.entries()) {
      const ours = await gridsOf(outs[i] as string);
      const theirs = await gridsOf(file);
      expect(theirs.map((g) => g.name)).toEqual(ours.map((g) => g.name));
      const draft = theirs[theirs.length - 1] as SheetGrid;
      const rows = draft.values.filter((row) => row.includes(DRAFT));
      expect(rows.length).toBeGreaterThan(0);
      // Score and level formulas on blank inputs give blank, as the cached results said.
      const header = draft.values[3] ?? [];
      const level = header.indexOf("リスクレベル");
      expect(level).toBeGreaterThan(0);
      expect(rows.every((row) => (row[level] ?? "") === "")).toBe(true);
      expect(draft.formulas?.some((row) => row?.some((f) => typeof f === "string" && f.startsWith("=")))).toBe(true);
      const report = checkWorkbook(theirs, { today: TODAY });
      expect(report.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
    }
  });
});
