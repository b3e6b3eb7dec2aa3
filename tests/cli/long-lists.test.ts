/**
 * Lists as long as the input: the text report of 150,000 findings, a folder of 130,000 files,
 * a write plan over a 150,000-row risk sheet. Spreading such a list into a call's arguments
 * (Math.max(...x), push(...x)) threw RangeError past about 120,000 elements; the lint rule in
 * eslint.config.js keeps it out, these keep the behaviour.
 */
import { linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formulasPlan } from "../../packages/core/src/plan/index";
import type { CellValue, Finding, WorkbookReport } from "../../packages/core/src/index";
import { formatText, writeText } from "../../packages/cli/src/format/text";
import { expandInputs } from "../../packages/cli/src/inputs";
import { tempDir } from "./helpers";

function manyFindings(n: number): WorkbookReport {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    findings.push({
      rule: "ledger/duplicate-id",
      severity: "error",
      messageId: "duplicateId",
      sheet: "台帳",
      cell: `A${i + 2}`,
      row: i + 2,
      col: 1,
      message: { ja: "管理番号が重複しています", en: "duplicate id" },
    });
  }
  return {
    sheets: [{ name: "台帳", kind: "ledger", headerRow: 1, rows: n }],
    findings,
    summary: { errors: n, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
  };
}

describe("lists as long as the input", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("the text report of 150,000 findings, written in blocks, every finding on its line", () => {
    const report = manyFindings(150_000);
    const chunks: string[] = [];
    writeText([{ file: "dup.csv", ok: true, report }], "en", (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.slice(0, 100).map((c) => c.length))).toBeLessThan(200_000);
    const text = chunks.join("");
    expect(text.split("\n").filter((l) => l.includes("ledger/duplicate-id"))).toHaveLength(150_000);
    expect(text).toContain("  A150001  error    ledger/duplicate-id  duplicate id");
    const ja = formatText([{ file: "dup.csv", ok: true, report }], "ja");
    expect(ja.split("\n").filter((l) => l.endsWith("管理番号が重複しています"))).toHaveLength(150_000);
  });

  it("a folder of 130,000 files", async () => {
    const dir = tempDir("pmark-many-");
    dirs.push(dir);
    const sub = join(dir, "a");
    mkdirSync(sub);
    // Hard links: one system call a name, so the folder fills in seconds (ext4 allows 65,000 links a file).
    const sources = tempDir("pmark-many-src-");
    dirs.push(sources);
    for (let i = 0; i < 130_000; i++) {
      const source = join(sources, `${Math.floor(i / 60_000)}.csv`);
      if (i % 60_000 === 0) writeFileSync(source, "");
      linkSync(source, join(sub, `f${String(i).padStart(6, "0")}.csv`));
    }
    const inputs = await expandInputs([dir]);
    expect(inputs).toHaveLength(130_000);
    expect(inputs[0]?.file).toBe(join(sub, "f000000.csv"));
    expect(inputs.at(-1)?.file).toBe(join(sub, "f129999.csv"));
  }, 120_000);

  it("a folder nested 500 deep is walked, in order", async () => {
    const dir = tempDir("pmark-deep-");
    dirs.push(dir);
    let path = dir;
    for (let i = 0; i < 500; i++) {
      writeFileSync(join(path, "a.csv"), "");
      path = join(path, "d");
      mkdirSync(path);
    }
    writeFileSync(join(path, "z.csv"), "");
    const inputs = await expandInputs([dir]);
    expect(inputs).toHaveLength(501);
    expect(inputs.at(-1)?.file).toBe(join(path, "z.csv"));
  });

  it("a formulas plan over a risk sheet of 150,000 rows", () => {
    const ledger: CellValue[][] = [["管理番号", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期限"], [1, "顧客名簿", "発送", "本社", "施錠", "営業部", "5年"]];
    const risk: CellValue[][] = [["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "対策"]];
    for (let i = 0; i < 150_000; i++) risk.push([1, "顧客名簿", "保管・バックアップ", "紛失", 1 + (i % 3), 2, "施錠"]);
    const grids = [
      { name: "個人情報管理台帳", values: ledger },
      { name: "リスク分析表", values: risk },
    ];
    // The plan needs the sheets' kinds from a report, not its findings.
    const report: WorkbookReport = {
      sheets: [
        { name: "個人情報管理台帳", kind: "ledger", headerRow: 1, rows: 1 },
        { name: "リスク分析表", kind: "risk", headerRow: 1, rows: 150_000 },
      ],
      findings: [],
      summary: { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
    };
    const plan = formulasPlan(grids, report, { lang: "ja" });
    const level = plan.ops.find((op) => op.op === "formulas" && op.row === 2);
    expect(level?.op === "formulas" && level.formulas.length).toBe(150_000);
  }, 120_000);
});
