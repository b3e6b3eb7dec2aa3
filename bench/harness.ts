/**
 * The bench's child-process side. bench/run.mjs bundles this file with esbuild (to
 * bench/.cache/dist/harness.cjs) and runs one command per process, so that every figure is taken
 * in a fresh process and one measurement's garbage never weighs on the next:
 *
 *   write   --items N --seed S --out F     write one synthetic workbook (.xlsx, streaming)
 *   batch   --dir D --seed S --files K     write K client-sized workbooks (30–300 items)
 *   core    --items N --seed S --runs R    the first checkWorkbook in a fresh process, then the median of R repeats
 *   memory  --items N --seed S             peak RSS / heap of one checkWorkbook (run with --expose-gc --trace-gc)
 *   phases  --file F                       the CLI's own steps on F, timed one by one
 *   seq     --dir D                        the CLI's runner over a folder, one file at a time, in-process
 *
 * Each command prints one line `@@RESULT {json}` on stdout.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../packages/core/src/check";
import type { SheetGrid } from "../packages/core/src/grid/grid";
import { checkInputs } from "../packages/cli/src/runner";
import { expandInputs } from "../packages/cli/src/inputs";
import { formatText } from "../packages/cli/src/format/text";
import { formatJson } from "../packages/cli/src/format/json";
import { readOoxmlDirect } from "../packages/cli/src/load/ooxml";
import { readWorkbook, workbookToGrids } from "../packages/cli/src/load/sheetjs";
import { inspectZip, verifyZipEntries } from "../packages/cli/src/load/zip";
import { BENCH_TODAY, generateWorkbook, Rng, toGrids, writeXlsx } from "./generate";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v !== undefined) return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`missing --${name}`);
}

function result(value: unknown): void {
  process.stdout.write(`@@RESULT ${JSON.stringify(value)}\n`);
}

const now = () => performance.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** VmRSS / VmHWM from /proc (Linux), in bytes; null elsewhere. */
function procStatus(): { rss: number; hwm: number } | null {
  try {
    const text = readFileSync("/proc/self/status", "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** Resets the peak-RSS counter (VmHWM), Linux only. */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** The CLI loader's steps for an .xlsx (load/workbook.ts), each timed. */
async function loadTimed(file: string, t: Record<string, number>): Promise<SheetGrid[]> {
  let t0 = now();
  const buf = readFileSync(file);
  t.readFile = now() - t0;
  t0 = now();
  const zip = inspectZip(buf);
  if (!zip.ok) throw new Error(`bad zip: ${zip.reason.code}`);
  t.inspectZip = now() - t0;
  t0 = now();
  const direct = readOoxmlDirect(buf, zip.entries);
  t.directRead = now() - t0;
  t0 = now();
  await verifyZipEntries(buf, direct.ok ? zip.entries.filter((e) => !direct.inflated.has(e.name)) : zip.entries);
  t.verifyZip = now() - t0;
  if (direct.ok) return direct.grids;
  // Declined: the fallback, as the CLI takes it.
  t0 = now();
  const wb = readWorkbook(buf);
  t.sheetjsRead = now() - t0;
  t0 = now();
  const grids = workbookToGrids(wb);
  t.toGrids = now() - t0;
  return grids;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  switch (command) {
    case "write": {
      const t0 = now();
      const wb = generateWorkbook({ items: Number(arg("items")), seed: Number(arg("seed", "1")) });
      await writeXlsx(wb, arg("out"));
      result({ ms: now() - t0, planted: wb.planted });
      return;
    }
    case "batch": {
      const dir = arg("dir");
      const seed = Number(arg("seed", "1"));
      const files = Number(arg("files", "50"));
      mkdirSync(dir, { recursive: true });
      const rng = new Rng(seed);
      let items = 0;
      for (let i = 1; i <= files; i++) {
        const n = rng.int(30, 300);
        items += n;
        const wb = generateWorkbook({ items: n, seed: seed * 1000 + i, defectRate: 0.01 });
        await writeXlsx(wb, join(dir, `client-${String(i).padStart(2, "0")}.xlsx`));
      }
      result({ files, items });
      return;
    }
    case "core": {
      const items = Number(arg("items"));
      const runs = Number(arg("runs", "5"));
      const t0 = now();
      const grids = toGrids(generateWorkbook({ items, seed: Number(arg("seed", "1")) }));
      const genMs = now() - t0;
      const times: number[] = [];
      const cpu: number[] = [];
      let findings = 0;
      let rules: Record<string, number> = {};
      let sheets: { kind: string; rows: number }[] = [];
      let firstMs = 0;
      let firstCpuMs = 0;
      for (let i = 0; i <= runs; i++) {
        const t = now();
        const c = process.cpuUsage();
        const report = checkWorkbook(grids, { today: BENCH_TODAY });
        const ms = now() - t;
        const used = process.cpuUsage(c);
        if (i === 0) {
          // The first check in a fresh process is what a user waits for; the later ones are repeats.
          firstMs = ms;
          firstCpuMs = (used.user + used.system) / 1000;
          findings = report.findings.length;
          rules = {};
          for (const f of report.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
          sheets = report.sheets.map((s) => ({ kind: s.kind, rows: s.rows }));
          continue;
        }
        times.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
      result({ items, genMs, firstMs, firstCpuMs, times, cpuTimes: cpu, medianMs: median(times), cpuMs: median(cpu), findings, rules, sheets });
      return;
    }
    case "memory": {
      const items = Number(arg("items"));
      const grids = toGrids(generateWorkbook({ items, seed: Number(arg("seed", "1")) }));
      gc();
      const base = procStatus();
      const heapBase = process.memoryUsage().heapUsed;
      const reset = resetPeak();
      process.stdout.write("@@BEGIN\n");
      const report = checkWorkbook(grids, { today: BENCH_TODAY });
      process.stdout.write("@@END\n");
      const after = procStatus();
      const heapAfter = process.memoryUsage().heapUsed;
      const usage = process.resourceUsage();
      result({
        items,
        findings: report.findings.length,
        rssBase: base?.rss ?? null,
        rssPeak: reset && after ? after.hwm : usage.maxRSS * 1024,
        peakIsCheckOnly: reset && after !== null,
        heapBase,
        heapAfter,
      });
      return;
    }
    case "phases": {
      const file = arg("file");
      const t: Record<string, number> = {};
      // The loader's steps in a function of their own: as in the CLI, the bytes and the parts'
      // text are garbage once the grids exist.
      const grids = await loadTimed(file, t);
      let t0 = now();
      const report = checkWorkbook(grids, { today: BENCH_TODAY });
      t.check = now() - t0;
      const results = [{ file, ok: true as const, report }];
      t0 = now();
      const text = formatText(results, "ja", { colour: false });
      t.formatText = now() - t0;
      t0 = now();
      const json = formatJson(results);
      t.formatJson = now() - t0;
      result({ file, ms: t, findings: report.findings.length, textBytes: Buffer.byteLength(text), jsonBytes: Buffer.byteLength(json) });
      return;
    }
    case "seq": {
      const t0 = now();
      const inputs = await expandInputs([arg("dir")]);
      const results = await checkInputs(inputs, { today: BENCH_TODAY });
      const out = formatText(results, "ja", { colour: false });
      result({ ms: now() - t0, files: results.length, failed: results.filter((r) => !r.ok).length, bytes: out.length });
      return;
    }
    default:
      throw new Error(`unknown command: ${command ?? ""}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`harness: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
