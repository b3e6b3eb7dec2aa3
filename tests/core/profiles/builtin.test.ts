/**
 * The built-in profiles (profile/builtin/): valid profile documents, the same as the JSON
 * consultants copy from templates/profiles/, and `extends` merging a profile over one of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILE_IDS, expandProfile, isBuiltinProfileId, resolveBuiltinProfile } from "../../../packages/core/src/profile/builtin/index";
import { DEFAULT_PROFILE } from "../../../packages/core/src/profile/default";
import { resolveProfile } from "../../../packages/core/src/profile/resolve";
import { profileSchema, type ProfileInput } from "../../../packages/core/src/profile/schema";
import * as core from "../../../packages/core/src/index";

const PROFILES_DIR = join(__dirname, "..", "..", "..", "templates", "profiles");
const STALE = "stale: run `npm run templates` and commit the result";

function builtin(id: string): ProfileInput {
  const p = resolveBuiltinProfile(id);
  if (!p) throw new Error(`no built-in ${id}`);
  return p;
}

describe("built-in profiles", () => {
  it("are the four of PRODUCT.md §3, jisq15001 first, exported from core", () => {
    expect(BUILTIN_PROFILE_IDS).toEqual(["jisq15001", "ppc-datamap", "isms-asset", "qualitative"]);
    expect(core.BUILTIN_PROFILE_IDS).toBe(BUILTIN_PROFILE_IDS);
    expect(core.resolveBuiltinProfile("isms-asset")).toBe(resolveBuiltinProfile("isms-asset"));
    expect(resolveBuiltinProfile("jisq15001")).toBe(DEFAULT_PROFILE);
  });

  it("unknown or differently spelt ids give undefined", () => {
    for (const id of ["isms", "ISMS-asset", " qualitative", "", "constructor", "__proto__", "toString"]) {
      expect(resolveBuiltinProfile(id), id).toBeUndefined();
      expect(isBuiltinProfileId(id), id).toBe(false);
    }
  });

  for (const id of BUILTIN_PROFILE_IDS) {
    describe(id, () => {
      it("validates against profileSchema and carries its own id", () => {
        const parsed = profileSchema.safeParse(builtin(id));
        if (!parsed.success) throw new Error(parsed.error.message);
        expect(parsed.data.id).toBe(id);
        expect(parsed.data.extends).toBeUndefined();
      });

      it(`equals templates/profiles/${id}.json`, () => {
        const json: unknown = JSON.parse(readFileSync(join(PROFILES_DIR, `${id}.json`), "utf8"));
        expect(json, STALE).toEqual(JSON.parse(JSON.stringify(builtin(id))));
      });

      it("is a complete document: resolving it takes nothing from the default profile", () => {
        const p = builtin(id);
        expect(p.fields?.required).toBeDefined();
        expect(p.fields?.expected).toBeDefined();
        expect(p.phases?.length).toBe(6);
        expect(p.riskModel).toBeTruthy();
        expect(Object.keys(p.reviewIntervalMonths ?? {}).sort()).toEqual(["audit", "contractors", "laws", "ledger", "review", "risk", "training"]);
      });
    });
  }

  it("templates/profiles holds exactly the built-in profiles' JSON", () => {
    const files = readdirSync(PROFILES_DIR).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
    expect(files).toEqual([...BUILTIN_PROFILE_IDS].sort());
  });

  it("key settings", () => {
    const ppc = resolveProfile(builtin("ppc-datamap"));
    expect(ppc.expected).toContainEqual(["country"]);
    expect(ppc.expected).toContainEqual(["safeguard"]);
    expect(ppc.rules["ledger/overseas-provision-unspecified"]).toBe("error");
    expect(ppc.synonyms.ledger?.safeguard).toContain("外国にある第三者への提供の根拠");
    expect(ppc.riskModel).toEqual(DEFAULT_PROFILE.riskModel);

    const isms = resolveProfile(builtin("isms-asset"));
    expect(isms.riskModel).toMatchObject({ kind: "assetThreatVulnerability", scale: { min: 1, max: 3 }, asset: "auto", thresholds: { medium: 8, high: 18 } });
    expect(isms.riskModel?.fallback).toBeUndefined();

    const q = resolveProfile(builtin("qualitative"));
    expect(q.riskModel).toMatchObject({ kind: "qualitative", input: "impact", acceptableResidual: "medium" });

    const d = resolveProfile(builtin("jisq15001"));
    expect(d).toEqual(resolveProfile());
  });
});

describe("extends", () => {
  it("merges a partial profile over the built-in it names", () => {
    const child: ProfileInput = {
      id: "acme",
      version: "2.1",
      extends: "ppc-datamap",
      fields: { synonyms: { ledger: { country: ["データ所在国"], purpose: ["用途"] } }, expected: ["country"] },
      reviewIntervalMonths: { ledger: 6 },
      rules: { "risk/flat-scoring": "off" },
      suppressions: [{ rule: "ledger/review-overdue", reason: "年次見直しは別紙" }],
    };
    const merged = expandProfile(child);
    expect(merged.extends).toBeUndefined();
    expect(merged.id).toBe("acme");
    expect(merged.version).toBe("2.1");
    expect(merged.name).toEqual(builtin("ppc-datamap").name);
    // Synonyms add to the base's; lists of fields replace it.
    expect(merged.fields?.synonyms?.ledger?.country).toEqual([...(builtin("ppc-datamap").fields?.synonyms?.ledger?.country ?? []), "データ所在国"]);
    expect(merged.fields?.synonyms?.ledger?.purpose).toEqual(["用途"]);
    expect(merged.fields?.expected).toEqual(["country"]);
    expect(merged.fields?.required).toEqual(DEFAULT_PROFILE.fields.required);
    expect(merged.reviewIntervalMonths).toEqual({ ...DEFAULT_PROFILE.reviewIntervalMonths, ledger: 6 });
    expect(merged.rules).toEqual({ "ledger/overseas-provision-unspecified": "error", "risk/flat-scoring": "off" });
    expect(merged.suppressions).toEqual(child.suppressions);
    expect(merged.riskModel).toEqual(DEFAULT_PROFILE.riskModel);
    expect(profileSchema.safeParse(merged).success).toBe(true);
  });

  it("a model in the child replaces the base's whole; null leaves it to the sheets", () => {
    const own = expandProfile({ id: "x", version: "1", extends: "isms-asset", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 5 } } });
    expect(own.riskModel).toEqual({ kind: "likelihoodImpact", scale: { min: 1, max: 5 } });
    expect(resolveProfile({ id: "x", version: "1", extends: "isms-asset", riskModel: null }).riskModel).toBeNull();
    expect(resolveProfile({ id: "x", version: "1", extends: "isms-asset" }).riskModel?.kind).toBe("assetThreatVulnerability");
  });

  it("resolveProfile applies it: id and version are the child's, the rest the built-in's", () => {
    const r = resolveProfile({ id: "acme-isms", version: "1.0.0", extends: "isms-asset", rules: { "risk/vague-measure": "off" } });
    const base = resolveProfile(builtin("isms-asset"));
    expect(r.id).toBe("acme-isms");
    expect(r.riskModel).toEqual(base.riskModel);
    expect(r.phases).toBe(base.phases);
    expect(r.rules).toEqual({ "risk/vague-measure": "off" });
  });

  it("an id that names no built-in is ignored by core (the CLI refuses it)", () => {
    const r = resolveProfile({ id: "x", version: "1", extends: "no-such-profile", rules: { "risk/vague-measure": "off" } });
    expect(r.riskModel).toEqual(DEFAULT_PROFILE.riskModel);
    expect(r.rules).toEqual({ "risk/vague-measure": "off" });
  });

  it("a profile without extends is passed through untouched", () => {
    const p: ProfileInput = { id: "p", version: "1" };
    expect(expandProfile(p)).toBe(p);
  });
});
