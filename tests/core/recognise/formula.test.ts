import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../packages/core/src/grid/grid";
import { FormulaEvaluator, parseFormula, referencedCells, scoreShape, UNKNOWN_SHEET, unguarded } from "../../../packages/core/src/recognise/formula";

/** Evaluates a formula on a small sheet given as rows (0-based). */
function run(formula: string, rows: CellValue[][], shift = 0) {
  const node = parseFormula(formula);
  if (!node) throw new Error(`did not parse: ${formula}`);
  return new FormulaEvaluator((r, c, sheet) => (sheet === undefined ? rows[r]?.[c] : sheet === "基準" ? [[null, "中"]][r]?.[c] : UNKNOWN_SHEET), shift).evaluate(node);
}

describe("formula reader", () => {
  const row: CellValue[][] = [[null], [null, 3, 2, 6, "高"]];

  it("evaluates arithmetic with spreadsheet precedence", () => {
    expect(run("=B2*C2", row)).toBe(6);
    expect(run("=1+2*3^2", row)).toBe(19);
    expect(run("=-B2+10%", row)).toBeCloseTo(-2.9);
    expect(run("=(B2+C2)*2", row)).toBe(10);
    expect(run('="a"&B2', row)).toBe("a3");
  });

  it("evaluates the scoring rules sheets use", () => {
    const levels = '=IF(D2>=6,"高",IF(D2>=3,"中","低"))';
    expect(run(levels, row)).toBe("高");
    expect(run(levels, [[], [null, 1, 1, 2]])).toBe("低");
    expect(run('=IFS(D2>=15,"高",D2>=8,"中",TRUE,"低")', [[], [null, 0, 0, 9]])).toBe("中");
    expect(run('=LOOKUP(D2,{0,8,15},{"低","中","高"})', [[], [null, 0, 0, 15]])).toBe("高");
    expect(run('=VLOOKUP(D2,{0,"低";3,"中";6,"高"},2,TRUE)', [[], [null, 0, 0, 4]])).toBe("中");
    expect(run("=MAX(B2:C2)", row)).toBe(3);
    expect(run("=PRODUCT(B2:D2)", row)).toBe(36);
    expect(run('=IF(OR(B2="",C2=""),"",B2*C2)', [[], [null, 3, null]])).toBe("");
    expect(run("=_xlfn.IFS(B2>2,1,TRUE,0)", row)).toBe(1);
  });

  it("answers #N/A for functions it does not know, including names of object members", () => {
    for (const name of ["CONSTRUCTOR", "__PROTO__", "TOSTRING", "HASOWNPROPERTY", "XLOOKUP"]) {
      expect(run(`=${name}(B2)`, row)).toEqual({ error: "#N/A" });
    }
    expect(run("=ROUND(B2/C2,0)", row)).toBe(2);
    expect(run("=ROUNDDOWN(B2/C2,0)", row)).toBe(1);
    expect(run('=CHOOSE(C2,"低","中","高")', row)).toBe("中");
    expect(run("=AND(B2>1,C2>1)", row)).toBe(true);
    expect(run("=COUNTA(B2:E2)", row)).toBe(4);
  });

  it("moves relative references to another row, not absolute ones", () => {
    const rows: CellValue[][] = [[], [null, 1, 2], [null, 3, 4], [null, 10]];
    expect(run("=B2*C2", rows, 1)).toBe(12);
    expect(run("=B2*$B$4", rows, 1)).toBe(30);
  });

  it("never guesses: another sheet's cells, unknown functions and bad input are errors or unparsed", () => {
    expect(run("='評価基準'!B2*2", row)).toEqual({ error: "#REF!" });
    expect(run("=基準!B1", row)).toBe("中");
    expect(run("=FOO(B2)", row)).toEqual({ error: "#N/A" });
    expect(run('=B2*"x"', row)).toEqual({ error: "#VALUE!" });
    expect(parseFormula("=B2*")).toBeNull();
    expect(parseFormula('="unterminated')).toBeNull();
    expect(parseFormula(`=${"(".repeat(200)}1${")".repeat(200)}`)).toBeNull();
    expect(parseFormula(`=${"1+".repeat(5000)}1`)).toBeNull();
  });

  it("strips the guards around a rule and tells the score's operation and cells", () => {
    const guarded = parseFormula('=IF(OR(E5="",F5=""),"",E5*F5)');
    expect(guarded && scoreShape(guarded, 4)).toEqual({ op: "mul", cols: [4, 5] });
    const max = parseFormula("=IFERROR(MAX(J5:L5),\"\")");
    expect(max && scoreShape(max, 4)).toEqual({ op: "max", cols: [9, 10, 11] });
    const sum = parseFormula("=E5+F5+G5");
    expect(sum && scoreShape(sum, 4)).toEqual({ op: "add", cols: [4, 5, 6] });
    // Another row's cells, or a constant, are no scoring rule of this row.
    const other = parseFormula("=E4*F5");
    expect(other && scoreShape(other, 4)).toBeNull();
    const constant = parseFormula("=E5*3");
    expect(constant && scoreShape(constant, 4)).toBeNull();
    const level = parseFormula('=IF(G5="","",IF(G5>=15,"高","低"))');
    expect(level && referencedCells(unguarded(level)).map((r) => r.col)).toEqual([6]);
  });
});
