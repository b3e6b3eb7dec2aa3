import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { explainWorkbook } from "../../packages/core/src/check";
import { resolveBuiltinProfile } from "../../packages/core/src/profile/builtin/index";
import { CORPUS } from "../fixtures/corpus/index";
import { buildCli, lines, runPmark, tempDir, writeGridsXlsx } from "./helpers";

/**
 * `pmark explain` on every workbook of the corpus, written to .xlsx files and read back the way a
 * user's files are: each sheet's kind, header rows, column roles, data rows, skipped rows and
 * scoring rule equal what core says of the same grids (and what the corpus expects, which its
 * own test holds core to).
 */

interface ExplainedFile {
  file: string;
  sheets?: { name: string; kind: string; headerRows: number[]; columns: { col: string; field: string }[]; rows: { items: number; skipped: { from: number; to: number; role: string }[] }; scoring?: { source: string; bands?: unknown } }[];
  error?: unknown;
}

const dir = tempDir("pmark-explain-");
const byProfile = new Map<string, typeof CORPUS[number][]>();

beforeAll(async () => {
  buildCli();
  for (const fx of CORPUS) {
    const profile = fx.profile ?? "jisq15001";
    const folder = join(dir, profile);
    mkdirSync(folder, { recursive: true });
    await writeGridsXlsx(join(folder, `${fx.id}.xlsx`), fx.sheets);
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), fx]);
  }
}, 120_000);

const summary = (s: NonNullable<ExplainedFile["sheets"]>[number]) => ({
  name: s.name,
  kind: s.kind,
  headerRows: s.headerRows,
  columns: s.columns.map((c) => `${c.col}:${c.field}`),
  items: s.rows.items,
  skipped: s.rows.skipped.map((k) => `${k.from}-${k.to}:${k.role}`),
  scoring: s.scoring ? { source: s.scoring.source, bands: s.scoring.bands } : null,
});

describe("pmark explain on every corpus workbook", () => {
  it("--format json says of each file what core says of its grids", () => {
    let files = 0;
    for (const [profile, fixtures] of byProfile) {
      const r = runPmark(["explain", join(dir, profile), "--format", "json", "--profile", profile]);
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { files: ExplainedFile[] };
      expect(doc.files).toHaveLength(fixtures.length);
      for (const got of doc.files) {
        const fx = fixtures.find((f) => got.file.endsWith(`${f.id}.xlsx`));
        expect(fx, got.file).toBeDefined();
        if (!fx) continue;
        const want = explainWorkbook(fx.sheets, { profile: resolveBuiltinProfile(profile as never) }).sheets;
        expect((got.sheets ?? []).map(summary), fx.id).toEqual(want.map(summary));
        files++;
      }
    }
    expect(files).toBe(CORPUS.length);
  });

  it("the text says, in Japanese and in English, each column's role and evidence, the rows skipped and the scoring rule", () => {
    const fx = CORPUS.find((f) => f.id === "prenumbered-formula-blanks-planted");
    if (!fx) throw new Error("fixture missing");
    const file = join(dir, "jisq15001", `${fx.id}.xlsx`);
    const ja = runPmark(["explain", file]);
    expect(ja.status).toBe(0);
    expect(ja.stdout).toContain("個人情報台帳 [個人情報管理台帳]");
    expect(ja.stdout).toMatch(/読まなかった行: \d+–\d+ 空欄の行\(番号や既定値のみ\)/);
    expect(ja.stdout).toMatch(/リスク評価基準: 発生可能性 × 影響度、4以上が中、7以上が高\([A-Z]+\d+の数式\)\(プロファイルの基準と異なる\)/);
    const en = runPmark(["explain", file, "--lang", "en"]);
    expect(en.stdout).toMatch(/rows not read as data: \d+–\d+ empty slots/);
    expect(en.stdout).toMatch(/header 「[^」]+」/);
    expect(en.stdout).not.toMatch(/\u001b/);
  });

  it("a column read from its values says so: 「リスクの予想発生箇所」 holding phase names is the phase column", () => {
    const fx = CORPUS.find((f) => f.layout === "risk-occurrence-point" && f.variant === "clean");
    if (!fx) throw new Error("fixture missing");
    const r = runPmark(["explain", join(dir, "jisq15001", `${fx.id}.xlsx`), "--lang", "en"]);
    const phaseLine = lines(r.stdout).find((l) => l.includes("Lifecycle phase (values"));
    expect(phaseLine).toMatch(/\d+ of \d+ values are phase names; header 「リスクの予想発生箇所」/);
  });

  it("refuses options that do not apply, and an unreadable file gets one line and exit 2", () => {
    const file = join(dir, "jisq15001", `${CORPUS[0]?.id}.xlsx`);
    expect(runPmark(["explain", file, "--today", "2025-01-01"]).status).toBe(2);
    expect(runPmark(["explain", file, "--format", "sarif", "--lang", "en"]).stderr).toContain("--format must be text or json for explain");
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "not a workbook");
    const r = runPmark(["explain", broken, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});
