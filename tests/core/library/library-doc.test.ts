import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PHASES } from "../../../packages/core/src/glossary/phases";
import { builtinLibrary, type ItemTrait, type LibraryEntry } from "../../../packages/core/src/library/index";
import { parseProfileFile } from "../../../packages/core/src/state/workbook-state";

const ROOT = join(__dirname, "..", "..", "..");
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const MEDIA: Record<LibraryEntry["media"], string> = { paper: "紙 paper", electronic: "電子 electronic", any: "紙・電子 both" };
const TRAITS: Record<ItemTrait, string> = {
  sensitive: "要配慮 sensitive",
  myNumber: "特定個人情報 My Number",
  payment: "決済情報 payment",
  contractor: "委託先 contractor",
  recipient: "提供先 recipient",
  abroad: "外国 abroad",
  cloud: "クラウド cloud",
  directWritten: "書面で直接取得 acquired in writing",
};
const TYPES: Record<LibraryEntry["type"], string> = {
  leak: "漏えい leak",
  loss: "滅失 loss",
  damage: "き損 damage",
  improperUse: "目的外利用 use beyond purpose",
  improperAcquisition: "不正取得 improper acquisition",
  unconsentedProvision: "同意のない提供 provision without consent",
  lawBreach: "法令違反 breach of law",
};
const SAFEGUARDS: Record<LibraryEntry["safeguard"], string> = { organisational: "組織的 organisational", human: "人的 human", physical: "物理的 physical", technical: "技術的 technical" };

/** docs/risk-library.md is generated from the library's data; regenerate with UPDATE_DOCS=1. */
function render(): string {
  const lines = [
    "# The risk library",
    "",
    "Generated from `packages/core/src/library/entries.ts` by",
    "`UPDATE_DOCS=1 npx vitest run tests/core/library/library-doc.test.ts`; a test fails when this file is stale.",
    "What drafting takes its rows from ([drafting.md](drafting.md)): for each lifecycle phase, the risks",
    "for paper, for electronic data or for both, and those that only an item with a trait gets (read from",
    "its ledger row). Improper handling always comes with its measure and cites J.3.1.4, which allows no",
    "residual risk of it. A profile can add entries, replace one by its id, or leave some out.",
    "",
  ];
  for (const phase of DEFAULT_PHASES) {
    lines.push(`## ${phase.label.ja} (${phase.label.en})`, "", "| id | medium | only for | type | risk / measure (ja) | risk / measure (en) | safeguard | clause |", "|---|---|---|---|---|---|---|---|");
    for (const e of builtinLibrary().filter((x) => x.phase === phase.id)) {
      const when = (e.when ?? []).map((t) => TRAITS[t]).join(", ") || "—";
      lines.push(`| \`${e.id}\` | ${MEDIA[e.media]} | ${when} | ${TYPES[e.type]} | ${cell(e.risk.ja)} → ${cell(e.measure.ja)} | ${cell(e.risk.en)} → ${cell(e.measure.en)} | ${SAFEGUARDS[e.safeguard]} | ${cell(e.clause)} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

describe("docs/risk-library.md", () => {
  it("matches the library", () => {
    const path = join(ROOT, "docs", "risk-library.md");
    const text = render();
    if (process.env.UPDATE_DOCS) writeFileSync(path, text);
    expect(existsSync(path), "run UPDATE_DOCS=1 npx vitest run tests/core/library/library-doc.test.ts").toBe(true);
    expect(readFileSync(path, "utf8"), "docs/risk-library.md is stale: run UPDATE_DOCS=1 npx vitest run tests/core/library/library-doc.test.ts").toBe(text);
  });

  for (const doc of ["docs/drafting.md", "docs/risk-library.md"]) {
    it(`${doc}: code fences are balanced, links resolve, no reference to the team's spec`, () => {
      const text = readFileSync(join(ROOT, doc), "utf8");
      expect(text.split("\n").filter((l) => /^\s*```/.test(l)).length % 2).toBe(0);
      expect(text).not.toMatch(/PRODUCT\.md|ARCHITECTURE\.md|\.\.\/shared/);
      for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (!/^[a-z]+:/.test(target)) expect(existsSync(join(ROOT, dirname(doc), target)), `${doc} links to ${target}`).toBe(true);
      }
    });
  }

  it("docs/drafting.md's example profile is a valid profile file", () => {
    const text = readFileSync(join(ROOT, "docs", "drafting.md"), "utf8");
    const block = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(parseProfileFile("acme.json", block ?? "")).toMatchObject({ ok: true });
  });
});
