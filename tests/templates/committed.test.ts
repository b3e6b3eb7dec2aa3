/**
 * The committed templates (templates/*.xlsx) must match their profiles (templates/profiles/),
 * and templates/profiles/jisq15001.json must be the built-in default profile. Compared by
 * content fingerprint (the spec hash the hidden sheet records), not by zip bytes.
 * To fix a failure: `npm run templates`, then commit the regenerated files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { DEFAULT_PROFILE } from "../../packages/core/src/profile/default";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import { profileSchema } from "../../packages/core/src/profile/schema";
import { buildTemplate } from "../../packages/core/src/templates/build";
import { readTemplateMeta } from "../../packages/core/src/templates/meta";

const templates = join(__dirname, "..", "..", "templates");
const profiles = readdirSync(join(templates, "profiles")).filter((f) => f.endsWith(".json")).sort();
const STALE = "stale: run `npm run templates` and commit the result";

describe("committed templates", () => {
  it("templates/profiles/jisq15001.json is the built-in default profile", () => {
    const json: unknown = JSON.parse(readFileSync(join(templates, "profiles", "jisq15001.json"), "utf8"));
    expect(json, STALE).toEqual(JSON.parse(JSON.stringify(DEFAULT_PROFILE)));
  });

  for (const file of profiles) {
    for (const lang of ["ja", "en"] as const) {
      const name = `${basename(file, ".json")}-${lang}.xlsx`;
      it(`${name} matches ${file}`, async () => {
        const parsed = profileSchema.safeParse(JSON.parse(readFileSync(join(templates, "profiles", file), "utf8")));
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
        const path = join(templates, name);
        expect(existsSync(path), `${name} is missing: ${STALE}`).toBe(true);
        const loaded = await loadWorkbook(path);
        if (!loaded.ok) throw new Error(`${name}: ${loaded.reason.code}`);
        const meta = readTemplateMeta(loaded.grids);
        const spec = buildTemplate(resolveProfile(parsed.data), lang);
        expect(meta?.lang).toBe(lang);
        expect(meta?.fingerprint, `${name} is ${STALE}`).toBe(spec.fingerprint);
      });
    }
  }
});
