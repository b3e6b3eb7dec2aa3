/**
 * The user documentation in the repository: README.md and docs/ must render (balanced code
 * fences), link only to files that exist, never send users to the team's own spec, and state
 * the JSON shape and the limits the code really has.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../packages/cli/src/cli";
import { READ_LIMITS, SHEETJS_SHARE } from "../../packages/cli/src/load/budget";
import { PROFILE_MAX_BYTES } from "../../packages/cli/src/profile";
import { CHECK_HEAP_MB } from "../../packages/cli/src/runner";
import { ROOT } from "./helpers";

const DOCS = ["README.md", "docs/json-output.md", "docs/rules.md"];
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Key paths of a JSON value: objects by key, arrays by their elements ("[]"). */
function keyPaths(value: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, `${prefix}[]`, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}.${k}`);
      keyPaths(v, `${prefix}.${k}`, out);
    }
  }
  return out;
}

describe("user documentation", () => {
  for (const doc of DOCS) {
    it(`${doc}: code fences are balanced, links resolve, no reference to PRODUCT.md`, () => {
      const text = read(doc);
      const fences = text.split("\n").filter((l) => /^\s*```/.test(l));
      expect(fences.length % 2, "an unclosed code fence turns the rest of the page into code").toBe(0);
      // Every other fence closes a block: a closing fence carries no language.
      fences.forEach((l, i) => {
        if (i % 2 === 1) expect(l.trim(), `fence ${i + 1}`).toBe("```");
      });
      expect(text).not.toMatch(/PRODUCT\.md|ARCHITECTURE\.md|\.\.\/shared/);
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        expect(existsSync(join(ROOT, dirname(doc), target)), `${doc} links to ${target}`).toBe(true);
      }
    });
  }

  it("README tells how to get JSON from npm start without npm's banner", () => {
    expect(read("README.md")).toContain("npm start --silent -- --format json");
  });

  it("docs/json-output.md shows every key pmark check --format json prints", async () => {
    const text = read("docs/json-output.md");
    const block = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(block).toBeDefined();
    const documented = keyPaths(JSON.parse(block as string));
    let stdout = "";
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
    const sample = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
    await runCli(["check", sample, join(ROOT, "no-such-file.xlsx"), "--format", "json", "--today", "2025-06-30"], io);
    const printed = keyPaths(JSON.parse(stdout));
    for (const key of printed) expect(documented, key).toContain(key);
    // And nothing documented that pmark does not print, but the two optional finding keys.
    for (const key of documented) if (!/\.(hint|accepted)$/.test(key)) expect(printed, key).toContain(key);
  });

  it("docs/json-output.md names every key pmark explain --format json prints", async () => {
    const text = read("docs/json-output.md");
    const from = text.indexOf("## `pmark explain --format json`");
    const section = text.slice(from, text.indexOf("\n## ", from + 1));
    let stdout = "";
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
    const sample = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
    expect(await runCli(["explain", sample, join(ROOT, "no-such-file.xlsx"), "--format", "json"], io)).toBe(2);
    const keys = new Set([...keyPaths(JSON.parse(stdout))].map((k) => k.slice(k.lastIndexOf(".") + 1)));
    // Localised texts are described once as { "ja": …, "en": … }.
    for (const key of keys) if (key !== "ja" && key !== "en") expect(section.includes(`"${key}"`) || section.includes(`\`${key}\``) || section.includes(`\`${key}[]\``), key).toBe(true);
  });

  it("docs/json-output.md shows every key pmark diff --format json prints", async () => {
    const text = read("docs/json-output.md");
    const section = text.slice(text.indexOf("## `pmark diff OLD NEW`"));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const documented = keyPaths(JSON.parse(block as string));
    let stdout = "";
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
    const samples = join(ROOT, "templates", "samples");
    await runCli(["diff", join(samples, "個人情報管理台帳_サンプル_前年度.xlsx"), join(samples, "個人情報管理台帳_サンプル.xlsx"), "--format", "json", "--today", "2025-06-30"], io);
    const printed = keyPaths(JSON.parse(stdout));
    for (const key of printed) expect(documented, key).toContain(key);
    // Nothing documented that pmark does not print, but keys present only when they apply (the sample drops no column).
    for (const key of documented) if (!/\.(hint|accepted|reworded)$|^\.ledgerFields\.removed\[\]/.test(key)) expect(printed, key).toContain(key);
  });

  it("docs/report holds the sample's HTML report and comparison, as A4 PDFs and PNGs the README shows", () => {
    const readme = read("README.md");
    for (const name of ["sample-check", "sample-diff"]) {
      const pdf = readFileSync(join(ROOT, "docs", "report", `${name}.pdf`)).toString("latin1");
      const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
      expect(boxes.length, name).toBeGreaterThan(1);
      expect(new Set(boxes), name).toEqual(new Set(["595x842"]));
      const png = readFileSync(join(ROOT, "docs", "report", `${name}.png`));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(readme).toContain(`docs/report/${name}.pdf`);
    }
    expect(readme).toContain("![The sample's check report](docs/report/sample-check.png)");
  });

  it("the limits stated are the limits the code has", () => {
    const n = (v: number) => v.toLocaleString("en-US");
    const mb = (v: number) => `${v / (1024 * 1024)} MB`;
    for (const doc of ["README.md", "docs/json-output.md"]) {
      const text = read(doc);
      for (const v of [mb(READ_LIMITS.fileBytes), mb(READ_LIMITS.inflatedBytes), mb(READ_LIMITS.partBytes), n(READ_LIMITS.cells), n(READ_LIMITS.sheetCells), n(READ_LIMITS.textChars), n(READ_LIMITS.entries), `${CHECK_HEAP_MB / 1024} GB`]) {
        expect(text, `${doc}: ${v}`).toContain(v);
      }
      expect(text).toContain("half of each");
    }
    expect(read("README.md")).toContain(`over\n${PROFILE_MAX_BYTES / (1024 * 1024)} MB`);
    expect(SHEETJS_SHARE).toBe(0.5);
    expect(READ_LIMITS.declaredBytes).toBe(1024 * 1024 * 1024);
  });
});
