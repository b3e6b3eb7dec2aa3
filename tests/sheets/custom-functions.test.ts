import { beforeAll, describe, expect, it } from "vitest";
import { builtCode, loadAddon, type Addon } from "./addon";
import { FakeSpreadsheet, makeFakes } from "./fake-gas";

let addon: Addon;
let fakes: ReturnType<typeof makeFakes>;
beforeAll(async () => {
  fakes = makeFakes(new FakeSpreadsheet(), "ja");
  addon = loadAddon(await builtCode(), fakes);
});

/** The model's error marker (scoring/levels.ts), Japanese by default. */
const M = "#入力エラー";

const score = (l: unknown, i: unknown) => addon.PMARK_RISK_SCORE?.(l, i);
const level = (l: unknown, i: unknown, lang?: unknown) => (lang === undefined ? addon.PMARK_RISK_LEVEL?.(l, i) : addon.PMARK_RISK_LEVEL?.(l, i, lang));

describe("=PMARK_RISK_SCORE(likelihood, impact)", () => {
  it("scores single values by the default model: likelihood × impact on 1–3", () => {
    expect(score(1, 1)).toBe(1);
    expect(score(2, 3)).toBe(6);
    expect(score(3, 3)).toBe(9);
  });

  it("blank in, blank out; text or an off-scale rating gives the error marker", () => {
    expect(score("", 2)).toBe("");
    expect(score(2, "")).toBe("");
    expect(score("", "")).toBe("");
    expect(score("高", 2)).toBe(M);
    expect(score(4, 2)).toBe(M);
    expect(score(0, 2)).toBe(M);
    expect(score(1.5, 2)).toBe(M);
    expect(score(true, 2)).toBe(M);
    expect(score(new Date(2025, 0, 1), 2)).toBe(M);
    // As the written formula: a blank input wins over a bad one (the row is still being typed).
    expect(score("高", "")).toBe("");
    expect(addon.PMARK_RISK_SCORE?.("高", 2, "en")).toBe("#INVALID");
  });

  it("judges exactly as the formula the add-on writes: digits stored as text are not ratings", () => {
    expect(score("2", 3)).toBe(M);
    expect(score("３", 3)).toBe(M);
  });

  it("maps two ranges of the same size cell by cell (one formula for a whole column)", () => {
    expect(score([[1], [2], [""], ["x"], [3]], [[3], [2], [1], [1], [3]])).toEqual([[3], [4], [""], [M], [9]]);
    expect(score([[1, 2], [3, ""]], [[1, 1], [2, 2]])).toEqual([[1, 2], [6, ""]]);
  });

  it("applies a single value against a range", () => {
    expect(score(2, [[1], [2], [3]])).toEqual([[2], [4], [6]]);
    expect(score([[3]], [[1], [3]])).toEqual([[3], [9]]);
  });

  it("refuses ranges of different sizes with a clear error", () => {
    expect(() => score([[1], [2]], [[1], [2], [3]])).toThrow(/same size/);
  });

  it("touches no service (custom functions run without authorisation)", () => {
    fakes.ss.calls.reset();
    score([[1], [2]], [[3], [3]]);
    level(2, 2);
    expect(fakes.ss.calls.total).toBe(0);
    expect(fakes.props.calls).toBe(0);
  });
});

describe("=PMARK_RISK_LEVEL(likelihood, impact, [lang])", () => {
  it("gives 低 for 1–2, 中 for 3–4 and 高 for 6–9", () => {
    expect(level(1, 1)).toBe("低");
    expect(level(1, 2)).toBe("低");
    expect(level(1, 3)).toBe("中");
    expect(level(2, 2)).toBe("中");
    expect(level(2, 3)).toBe("高");
    expect(level(3, 3)).toBe("高");
  });

  it("in English on request", () => {
    expect(level(3, 3, "en")).toBe("High");
    expect(level(2, 2, "en")).toBe("Medium");
    expect(level(1, 1, "en")).toBe("Low");
  });

  it("ranges in, ranges out; blanks blank; text marked", () => {
    expect(level([[1], [""], ["多い"], [3]], [[1], [2], [2], [2]])).toEqual([["低"], [""], [M], ["高"]]);
  });
});
