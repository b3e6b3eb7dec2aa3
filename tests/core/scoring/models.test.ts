import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../packages/core/src/grid/grid";
import { DEFAULT_PROFILE } from "../../../packages/core/src/profile/default";
import { resolveProfile } from "../../../packages/core/src/profile/resolve";
import { profileSchema } from "../../../packages/core/src/profile/schema";
import { recogniseSheet } from "../../../packages/core/src/recognise/sheet";
import { modelForSheet } from "../../../packages/core/src/model/assess";
import {
  buildRiskModel,
  inferModel,
  levelLabel,
  modelFromProfile,
  riskModelSchema,
  toFileFormula,
  type RiskModel,
  type RiskModelDef,
} from "../../../packages/core/src/scoring/index";

const JISQ = resolveProfile();
const jisq = modelFromProfile(JISQ) as RiskModel;
const cols = (m: Record<string, string>) => (input: string) => m[input] ?? "?";
const EF = cols({ likelihood: "E2", impact: "F2" });

function levels(model: RiskModel, rows: [number, number][], a = "likelihood", b = "impact") {
  return rows.map(([x, y]) => {
    const r = model.evaluate({ [a]: x, [b]: y });
    return r.ok ? `${x}×${y}=${r.score} ${levelLabel(r.level)}` : "incomplete";
  });
}

describe("likelihood × impact, 1–3 (the jisq15001 default)", () => {
  it("is the default profile's model", () => {
    expect(jisq.kind).toBe("likelihoodImpact");
    expect(jisq.inputs).toEqual(["likelihood", "impact"]);
    expect(jisq.scale("likelihood")).toEqual({ min: 1, max: 3 });
    expect(jisq.scoreRange).toEqual({ min: 1, max: 9 });
    expect(jisq.thresholds).toEqual({ medium: 3, high: 6 });
    expect(jisq.actionLevel).toBe("high");
    expect(jisq.acceptableResidual).toBe("medium");
    expect(jisq.impactFloor).toEqual({ sensitive: 3, myNumber: 3, payment: 3 });
    expect(jisq.levels).toEqual(["high", "medium", "low"]);
  });

  it("levels every cell of the 3×3 grid (1–2 低, 3–4 中, 6–9 高), edges 2|3 and 4|6 included", () => {
    expect(
      levels(jisq, [
        [1, 1],
        [1, 2],
        [2, 1],
        [1, 3],
        [3, 1],
        [2, 2],
        [2, 3],
        [3, 2],
        [3, 3],
      ]),
    ).toEqual(["1×1=1 低", "1×2=2 低", "2×1=2 低", "1×3=3 中", "3×1=3 中", "2×2=4 中", "2×3=6 高", "3×2=6 高", "3×3=9 高"]);
    expect([2, 3, 4, 5, 6].map((s) => jisq.level(s))).toEqual(["low", "medium", "medium", "medium", "high"]);
  });

  it("is incomplete on blanks and invalid on text, decimals, booleans and values off the scale", () => {
    expect(jisq.evaluate({ likelihood: null, impact: 2 })).toEqual({ ok: false, missing: ["likelihood"], invalid: [] });
    expect(jisq.evaluate({ likelihood: "", impact: "" })).toEqual({ ok: false, missing: ["likelihood", "impact"], invalid: [] });
    for (const bad of ["高", "abc", " 2 ", "2", 2.5, 0, 4, 7, -1, true] as CellValue[]) {
      expect(jisq.evaluate({ likelihood: bad, impact: 2 }), String(bad)).toEqual({ ok: false, missing: [], invalid: ["likelihood"] });
    }
    expect(jisq.evaluate({ likelihood: null, impact: "x" })).toEqual({ ok: false, missing: ["likelihood"], invalid: ["impact"] });
  });

  it("scores every pair of a wide scale (10,000 distinct inputs) right", () => {
    expect(jisq.evaluate({ likelihood: 2, impact: 3 })).toEqual(jisq.evaluate({ likelihood: 3, impact: 2 }));
    const wide = buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 100 }, thresholds: { medium: 2000, high: 5000 } });
    for (let x = 1; x <= 100; x++) {
      for (let y = 1; y <= 100; y++) {
        const r = wide.evaluate({ likelihood: x, impact: y });
        const level = x * y >= 5000 ? "high" : x * y >= 2000 ? "medium" : "low";
        if (!r.ok || r.score !== x * y || r.level !== level) throw new Error(`${x}×${y}: ${JSON.stringify(r)}`);
      }
    }
  });

  it("emits the score and level formulas for inputs in E2/F2", () => {
    expect(jisq.scoreFormula(EF)).toBe('=IF(OR(E2="",F2=""),"",IF(AND(OR(E2=1,E2=2,E2=3),OR(F2=1,F2=2,F2=3)),E2*F2,"#入力エラー"))');
    expect(jisq.levelFormula("G2")).toBe('=IF(G2="","",IF(ISNUMBER(G2),IF(G2>=6,"高",IF(G2>=3,"中","低")),"#入力エラー"))');
    expect(jisq.levelFormula("G2", "en")).toBe('=IF(G2="","",IF(ISNUMBER(G2),IF(G2>=6,"High",IF(G2>=3,"Medium","Low")),"#INVALID"))');
    expect(jisq.directLevelFormula(EF)).toBe(
      '=IF(OR(E2="",F2=""),"",IF(AND(OR(E2=1,E2=2,E2=3),OR(F2=1,F2=2,F2=3)),IF(E2*F2>=6,"高",IF(E2*F2>=3,"中","低")),"#入力エラー"))',
    );
  });

  it("names the residual columns of its inputs", () => {
    expect(jisq.residualField("likelihood")).toBe("residualLikelihood");
    expect(jisq.residualField("impact")).toBe("residualImpact");
    expect(jisq.residualField("threat")).toBeNull();
  });
});

describe("likelihood × impact on 1–4 and 1–5", () => {
  const four = buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 4 } });
  const five = buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 5 } });

  it("1–4: 1–3 低, 4–8 中, 9–16 高", () => {
    expect(four.thresholds).toEqual({ medium: 4, high: 9 });
    expect(
      levels(four, [
        [1, 3],
        [2, 2],
        [2, 4],
        [3, 3],
        [4, 4],
      ]),
    ).toEqual(["1×3=3 低", "2×2=4 中", "2×4=8 中", "3×3=9 高", "4×4=16 高"]);
  });

  it("1–5: 1–4 低, 5–12 中, 15–25 高, and 6 is off the scale", () => {
    expect(five.thresholds).toEqual({ medium: 5, high: 15 });
    expect(five.scoreRange).toEqual({ min: 1, max: 25 });
    expect(
      levels(five, [
        [1, 4],
        [2, 2],
        [1, 5],
        [3, 4],
        [4, 3],
        [3, 5],
        [4, 4],
        [5, 5],
        [6, 1],
      ]),
    ).toEqual(["1×4=4 低", "2×2=4 低", "1×5=5 中", "3×4=12 中", "4×3=12 中", "3×5=15 高", "4×4=16 高", "5×5=25 高", "incomplete"]);
    expect(five.scoreFormula(EF)).toBe('=IF(OR(E2="",F2=""),"",IF(AND(OR(E2=1,E2=2,E2=3,E2=4,E2=5),OR(F2=1,F2=2,F2=3,F2=4,F2=5)),E2*F2,"#入力エラー"))');
  });

  it("explicit thresholds win; wide scales test with ISNUMBER and INT", () => {
    const ten = buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 10 }, thresholds: { medium: 20, high: 50 } });
    expect(levels(ten, [[4, 5], [5, 10], [2, 9]])).toEqual(["4×5=20 中", "5×10=50 高", "2×9=18 低"]);
    expect(ten.scoreFormula(EF)).toBe(
      '=IF(OR(E2="",F2=""),"",IF(AND(IF(ISNUMBER(E2),AND(E2>=1,E2<=10,INT(E2)=E2)),IF(ISNUMBER(F2),AND(F2>=1,F2<=10,INT(F2)=F2))),E2*F2,"#入力エラー"))',
    );
  });

  it("different scales per input (likelihood 1–3 × impact 1–5)", () => {
    const m = buildRiskModel({ kind: "likelihoodImpact", scale: { min: 1, max: 3 }, scales: { impact: { min: 1, max: 5 } } });
    expect(m.scoreRange).toEqual({ min: 1, max: 15 });
    expect(m.thresholds).toEqual({ medium: 5, high: 10 });
    expect(m.evaluate({ likelihood: 3, impact: 5 })).toEqual({ ok: true, score: 15, level: "high" });
    expect(m.evaluate({ likelihood: 5, impact: 3 })).toEqual({ ok: false, missing: [], invalid: ["likelihood"] });
  });
});

describe("lookup matrix", () => {
  // A company matrix that is not a product: impact 3 is always at least 中, likelihood 1 never 高.
  const def: RiskModelDef = {
    kind: "matrix",
    scale: { min: 1, max: 3 },
    matrix: [
      ["low", "low", "medium"],
      ["low", "medium", "high"],
      ["medium", "high", "high"],
    ],
  };
  const m = buildRiskModel(def);

  it("gives the level of each likelihood/impact pair; the score is the level's rank", () => {
    expect(m.scoreIsRank).toBe(true);
    const out: string[] = [];
    for (let l = 1; l <= 3; l++) for (let i = 1; i <= 3; i++) {
      const r = m.evaluate({ likelihood: l, impact: i });
      out.push(r.ok ? `${l}${i}:${r.score}${levelLabel(r.level)}` : "x");
    }
    expect(out).toEqual(["11:1低", "12:1低", "13:2中", "21:1低", "22:2中", "23:3高", "31:2中", "32:3高", "33:3高"]);
  });

  it("looks the pair up with CHOOSE", () => {
    expect(m.scoreFormula(EF)).toBe('=IF(OR(E2="",F2=""),"",IF(AND(OR(E2=1,E2=2,E2=3),OR(F2=1,F2=2,F2=3)),CHOOSE((E2-1)*3+F2,1,1,2,1,2,3,2,3,3),"#入力エラー"))');
    expect(m.levelFormula("G2")).toBe('=IF(G2="","",IF(ISNUMBER(G2),IF(G2>=3,"高",IF(G2>=2,"中","低")),"#入力エラー"))');
  });

  it("rejects a matrix of the wrong size", () => {
    expect(riskModelSchema.safeParse({ ...def, matrix: [["low"]] }).success).toBe(false);
    expect(riskModelSchema.safeParse(def).success).toBe(true);
  });

  it("works on a 0-based 4×2 matrix", () => {
    const m2 = buildRiskModel({
      kind: "matrix",
      scale: { min: 0, max: 3 },
      scales: { impact: { min: 1, max: 2 } },
      matrix: [
        ["low", "low"],
        ["low", "medium"],
        ["medium", "high"],
        ["high", "high"],
      ],
    });
    expect(m2.evaluate({ likelihood: 0, impact: 2 })).toEqual({ ok: true, score: 1, level: "low" });
    expect(m2.evaluate({ likelihood: 2, impact: 2 })).toEqual({ ok: true, score: 3, level: "high" });
    expect(m2.scoreFormula(EF)).toContain("CHOOSE(E2*2+F2,1,1,1,2,2,3,3,3)");
  });
});

describe("asset value × threat × vulnerability", () => {
  const refs = cols({ assetValue: "H2", confidentiality: "E2", integrity: "F2", availability: "G2", threat: "I2", vulnerability: "J2" });
  const column = buildRiskModel({ kind: "assetThreatVulnerability", scale: { min: 1, max: 3 } });
  const cia = buildRiskModel({ kind: "assetThreatVulnerability", scale: { min: 1, max: 3 }, asset: "maxCia" });

  it("1–3 each (1–27): 1–6 低, 8–12 中, 18–27 高", () => {
    expect(column.thresholds).toEqual({ medium: 8, high: 18 });
    expect(column.scoreRange).toEqual({ min: 1, max: 27 });
    const run = (a: number, t: number, v: number) => {
      const r = column.evaluate({ assetValue: a, threat: t, vulnerability: v });
      return r.ok ? `${r.score} ${levelLabel(r.level)}` : "x";
    };
    expect([run(3, 2, 1), run(2, 2, 2), run(3, 2, 2), run(3, 3, 1), run(3, 3, 2), run(3, 3, 3), run(1, 1, 1)]).toEqual(["6 低", "8 中", "12 中", "9 中", "18 高", "27 高", "1 低"]);
  });

  it("takes the asset value as the maximum of 機密性・完全性・可用性 when asked", () => {
    expect(cia.inputs).toEqual(["confidentiality", "integrity", "availability", "threat", "vulnerability"]);
    expect(cia.evaluate({ confidentiality: 3, integrity: 2, availability: 1, threat: 2, vulnerability: 2 })).toEqual({ ok: true, score: 12, level: "medium" });
    expect(cia.evaluate({ confidentiality: 1, integrity: 1, availability: 2, threat: 3, vulnerability: 3 })).toEqual({ ok: true, score: 18, level: "high" });
    expect(cia.evaluate({ confidentiality: 3, integrity: null, availability: 1, threat: 2, vulnerability: 2 })).toEqual({ ok: false, missing: ["integrity"], invalid: [] });
    expect(cia.scoreFormula(refs)).toBe(
      '=IF(OR(E2="",F2="",G2="",I2="",J2=""),"",IF(AND(OR(E2=1,E2=2,E2=3),OR(F2=1,F2=2,F2=3),OR(G2=1,G2=2,G2=3),OR(I2=1,I2=2,I2=3),OR(J2=1,J2=2,J2=3)),MAX(E2,F2,G2)*I2*J2,"#入力エラー"))',
    );
    expect(cia.impactFloor).toEqual({ sensitive: null, myNumber: null, payment: null });
  });

  it("reads a 1–4 confidentiality scale (ISMS user guide) with configurable thresholds", () => {
    const m = buildRiskModel({
      kind: "assetThreatVulnerability",
      scale: { min: 1, max: 3 },
      scales: { confidentiality: { min: 1, max: 4 } },
      asset: "maxCia",
      thresholds: { medium: 9, high: 24 },
    });
    expect(m.scoreRange).toEqual({ min: 1, max: 36 });
    expect(m.evaluate({ confidentiality: 4, integrity: 1, availability: 1, threat: 3, vulnerability: 2 })).toEqual({ ok: true, score: 24, level: "high" });
    expect(m.evaluate({ confidentiality: 1, integrity: 4, availability: 1, threat: 3, vulnerability: 2 })).toEqual({ ok: false, missing: [], invalid: ["integrity"] });
  });
});

describe("qualitative", () => {
  const q = buildRiskModel({ kind: "qualitative" });
  it("reads 高/大, 中, 低/小 exactly; no arithmetic", () => {
    expect(q.inputs).toEqual(["level"]);
    expect(["高", "大", "中", "低", "小"].map((w) => q.evaluate({ level: w }))).toEqual([
      { ok: true, score: 3, level: "high" },
      { ok: true, score: 3, level: "high" },
      { ok: true, score: 2, level: "medium" },
      { ok: true, score: 1, level: "low" },
      { ok: true, score: 1, level: "low" },
    ]);
    expect(q.evaluate({ level: 3 })).toEqual({ ok: false, missing: [], invalid: ["level"] });
    expect(q.evaluate({ level: "高い" })).toEqual({ ok: false, missing: [], invalid: ["level"] });
    expect(q.scoreFormula(cols({ level: "E2" }))).toBe(
      '=IF(E2="","",IF(OR(E2="高",E2="大",E2="中",E2="低",E2="小"),IF(OR(E2="高",E2="大"),3,IF(E2="中",2,1)),"#入力エラー"))',
    );
  });
});

describe("toFileFormula", () => {
  it("leaves the models' formulas alone (no function needs a prefix)", () => {
    for (const f of [jisq.scoreFormula(EF), jisq.levelFormula("G2")]) expect(toFileFormula(f)).toBe(f);
  });
  it("prefixes newer functions, not strings, sheet names or prefixed names", () => {
    expect(toFileFormula('=IFS(A1>=6,"高",TRUE,"低")')).toBe('=_xlfn.IFS(A1>=6,"高",TRUE,"低")');
    expect(toFileFormula('=IFNA(XLOOKUP(A1,B:B,C:C),"IFS(")&TEXTJOIN(",",TRUE,D1:D3)')).toBe('=_xlfn.IFNA(_xlfn.XLOOKUP(A1,B:B,C:C),"IFS(")&_xlfn.TEXTJOIN(",",TRUE,D1:D3)');
    expect(toFileFormula("=_xlfn.SWITCH(A1,1,2)+MAXIFS('CONCAT(x)'!A:A,B:B,1)")).toBe("=_xlfn.SWITCH(A1,1,2)+_xlfn.MAXIFS('CONCAT(x)'!A:A,B:B,1)");
    expect(toFileFormula("=FILTER(A1:A9,B1:B9>1)+concat(A1)")).toBe("=_xlfn._xlws.FILTER(A1:A9,B1:B9>1)+_xlfn.concat(A1)");
    expect(toFileFormula("MAX(A1,IFS1)")).toBe("MAX(A1,IFS1)");
  });
});

describe("profiles", () => {
  it("the default profile validates, and a profile may set or null its model", () => {
    expect(profileSchema.safeParse(DEFAULT_PROFILE).success).toBe(true);
    const withNull = profileSchema.parse({ id: "x", version: "1", riskModel: null });
    expect(resolveProfile(withNull).riskModel).toBeNull();
    expect(modelFromProfile(resolveProfile(withNull))).toBeNull();
    expect(resolveProfile({ id: "y", version: "1" }).riskModel?.kind).toBe("likelihoodImpact");
    expect(profileSchema.safeParse({ id: "z", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 3, max: 1 } } }).success).toBe(false);
    expect(profileSchema.safeParse({ id: "z", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 }, thresholds: { medium: 7, high: 6 } } }).success).toBe(false);
    expect(profileSchema.safeParse({ id: "z", version: "1", riskModel: { kind: "bogus" } }).success).toBe(false);
  });
});

describe("models read from a sheet's columns", () => {
  const risk = (header: string[], rows: CellValue[][]) => recogniseSheet({ name: "リスク分析表", values: [header, ...rows] }, 0, { phases: JISQ.phases });
  const NULL_PROFILE = resolveProfile({ id: "infer", version: "1", riskModel: null });
  const describeModel = (m: RiskModel | null) =>
    m ? `${m.source} ${m.kind} ${m.inputs.join(",")} ${m.inputs.map((i) => `${m.scale(i).min}-${m.scale(i).max}`).join(",")} ${m.thresholds.medium}/${m.thresholds.high}` : "none";

  it("likelihood + impact on 1–3 keeps the default profile's model", () => {
    const s = risk(["局面", "リスク", "発生可能性", "影響度", "対策"], [["取得", "漏えい", 2, 3, "施錠"]]);
    expect(describeModel(modelForSheet(s, JISQ))).toBe("profile likelihoodImpact likelihood,impact 1-3,1-3 3/6");
    expect(describeModel(inferModel(s, NULL_PROFILE))).toBe("inferred likelihoodImpact likelihood,impact 1-3,1-3 3/6");
  });

  it("a 1–5 sheet is scored on 1–5 under the default profile, with the impact floor moved to 5", () => {
    const s = risk(["局面", "リスク", "発生可能性", "影響度", "対策"], [["取得", "漏えい", 5, 4, "施錠"]]);
    const m = modelForSheet(s, JISQ);
    expect(describeModel(m)).toBe("inferred likelihoodImpact likelihood,impact 1-5,1-5 5/15");
    expect(m?.impactFloor).toEqual({ sensitive: 5, myNumber: 5, payment: 5 });
  });

  it("a 1–4 sheet, and one stray 4 on a 1–3 sheet whose stored levels follow 1–3", () => {
    const four = risk(["局面", "リスク", "発生可能性", "影響度"], [["取得", "漏えい", 4, 2]]);
    expect(describeModel(modelForSheet(four, JISQ))).toBe("inferred likelihoodImpact likelihood,impact 1-4,1-4 4/9");
    const rows: CellValue[][] = [
      ["取得", "a", 1, 3, "中"],
      ["取得", "b", 3, 1, "中"],
      ["保管", "c", 2, 3, "高"],
      ["保管", "d", 3, 2, "高"],
      ["廃棄", "e", 2, 2, "中"],
      ["移送", "f", 4, 1, "中"],
    ];
    const stray = risk(["局面", "リスク", "発生可能性", "影響度", "リスクレベル"], rows);
    expect(describeModel(modelForSheet(stray, JISQ))).toBe("profile likelihoodImpact likelihood,impact 1-3,1-3 3/6");
  });

  it("ISMS asset sheets: asset value column, or the maximum of C・I・A", () => {
    const av = risk(["資産名", "資産価値", "脅威", "脆弱性", "リスク値", "対策"], [["顧客DB", 3, 2, 2, 12, "暗号化"]]);
    expect(describeModel(modelForSheet(av, JISQ))).toBe("inferred assetThreatVulnerability assetValue,threat,vulnerability 1-3,1-3,1-3 8/18");
    const cia = risk(["資産名", "機密性", "完全性", "可用性", "脅威", "脆弱性", "リスク値", "対策"], [["顧客DB", 3, 2, 2, 2, 2, 12, "暗号化"]]);
    expect(describeModel(modelForSheet(cia, JISQ))).toBe(
      "inferred assetThreatVulnerability confidentiality,integrity,availability,threat,vulnerability 1-3,1-3,1-3,1-3,1-3 8/18",
    );
  });

  it("重要度 next to 発生可能性, with no 脅威 or 脆弱性, is the impact", () => {
    const s = risk(["局面", "リスク", "重要度", "発生可能性", "対策"], [["取得", "漏えい", 3, 2, "施錠"]]);
    const m = modelForSheet(s, JISQ);
    expect(describeModel(m)).toBe("profile likelihoodImpact likelihood,assetValue 1-3,1-3 3/6");
    expect(m?.impactInput).toBe("assetValue");
  });

  it("level words only → qualitative", () => {
    const s = risk(["個人情報の取扱い", "リスク", "被害の大きさ", "対策", "残存リスク"], [["取得", "漏えい", "大", "施錠", "中"]]);
    const m = modelForSheet(s, JISQ);
    expect(describeModel(m)).toBe("inferred qualitative impact 1-3 2/3");
  });

  it("likelihood and impact written in words (高/中/低) are ratings on a 1–3 word scale", () => {
    const words = risk(["局面", "リスク", "発生可能性", "影響度", "リスクレベル"], [["取得", "漏えい", "高", "中", "高"]]);
    const m = modelForSheet(words, JISQ);
    expect(m?.kind).toBe("likelihoodImpact");
    expect(m?.inputs).toEqual(["likelihood", "impact"]);
    expect(m?.scale("likelihood")).toEqual({ min: 1, max: 3 });
  });

  it("a sheet without scoring columns has no model; an explicit profile model always applies", () => {
    const bare = risk(["局面", "リスク", "対策", "残存リスク"], [["取得", "漏えい", "施錠", "低"]]);
    expect(modelForSheet(bare, JISQ)).toBeNull();
    const explicit = resolveProfile({ id: "p", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 } } });
    const five = risk(["局面", "リスク", "発生可能性", "影響度"], [["取得", "漏えい", 5, 4]]);
    expect(describeModel(modelForSheet(five, explicit))).toBe("profile likelihoodImpact likelihood,impact 1-3,1-3 3/6");
  });
});
