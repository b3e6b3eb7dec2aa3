import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import { DEFAULT_PHASES } from "../../packages/core/src/glossary/phases";
import { DEFAULT_PROFILE } from "../../packages/core/src/profile/default";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import type { ProfileInput } from "../../packages/core/src/profile/schema";
import { buildTemplate } from "../../packages/core/src/templates/build";
import { readTemplateMeta } from "../../packages/core/src/templates/meta";
import { specGrids, TODAY } from "./helpers";

/** The grids of a template made from `made`, as `pmark check` reads them (the hidden sheet included). */
function workbookFrom(made: ProfileInput, lang: "ja" | "en" = "ja"): SheetGrid[] {
  return specGrids(buildTemplate(resolveProfile(made), lang));
}

function outdated(grids: SheetGrid[], current: ProfileInput = DEFAULT_PROFILE) {
  return checkWorkbook(grids, { today: TODAY, profile: current, rules: ["template/outdated"] }).findings;
}

const older = (changes: Partial<ProfileInput>): ProfileInput => ({ ...DEFAULT_PROFILE, version: "0.9.0", ...changes });
const FIVE_PHASES = DEFAULT_PHASES.filter((p) => p.id !== "entrust");

describe("template/outdated", () => {
  it("valid: a template of the current profile, in either language", () => {
    expect(outdated(workbookFrom(DEFAULT_PROFILE, "ja"))).toEqual([]);
    expect(outdated(workbookFrom(DEFAULT_PROFILE, "en"))).toEqual([]);
  });

  it("valid: no template metadata, another profile's template, or a newer version than the checker's", () => {
    const noMeta = workbookFrom(DEFAULT_PROFILE).filter((g) => g.name !== "_pmark");
    expect(outdated(noMeta)).toEqual([]);
    expect(outdated(workbookFrom({ ...DEFAULT_PROFILE, id: "acme", version: "0.1.0" }))).toEqual([]);
    expect(outdated(workbookFrom({ ...DEFAULT_PROFILE, version: "1.2.0", phases: FIVE_PHASES }))).toEqual([]);
  });

  it("invalid: an older version with fewer phases says what changed, on the ledger's first cell", () => {
    const [f, ...rest] = outdated(workbookFrom(older({ phases: FIVE_PHASES })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "template/outdated", severity: "info", sheet: "個人情報管理台帳", cell: "A1" });
    expect(f?.data).toEqual({ profile: "jisq15001", from: "0.9.0", to: "1.0.0", changes: "局面", changesEn: "phases" });
    expect(f?.message.ja).toContain("プロファイル「jisq15001」の版0.9.0のテンプレートから作られています(現在の版は1.0.0)。変更点は局面です。");
    expect(f?.message.en).toContain("Changed: phases.");
  });

  it("invalid: fields and risk model changes are named; a version bump alone says so", () => {
    const fields = older({ fields: { required: ["name", "purpose"], expected: [] } });
    expect(outdated(workbookFrom(fields)).map((f) => f.data?.changesEn)).toEqual(["ledger columns"]);
    const model = older({ riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 5 } } });
    expect(outdated(workbookFrom(model)).map((f) => f.data?.changes)).toEqual(["リスク評価の方法"]);
    expect(outdated(workbookFrom(older({}))).map((f) => f.data?.changesEn)).toEqual(["version only (same columns, phases and model)"]);
    // The same version with different content (a profile edited without a new version number).
    expect(outdated(workbookFrom({ ...DEFAULT_PROFILE, phases: FIVE_PHASES })).map((f) => f.data?.changesEn)).toEqual(["phases"]);
  });

  it("reads the metadata from whichever sheet starts with pmark-template, wherever it sits", () => {
    const grids = workbookFrom(older({ phases: FIVE_PHASES }));
    const meta = grids.find((g) => g.name === "_pmark") as SheetGrid;
    const renamed = [{ ...meta, name: "設定" }, ...grids.filter((g) => g !== meta)];
    expect(readTemplateMeta(renamed)).toMatchObject({ sheet: "設定", profileId: "jisq15001", profileVersion: "0.9.0", lang: "ja" });
    expect(outdated(renamed).map((f) => `${f.sheet}!${f.cell}`)).toEqual(["個人情報管理台帳!A1"]);
  });
});
