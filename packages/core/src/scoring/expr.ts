import type { CellValue } from "../grid/grid";
import { LEVEL_IDS, LEVEL_WORDS, levelRank } from "./levels";

/**
 * The risk model as a small expression tree: one object that both evaluates in TypeScript and
 * prints the equivalent spreadsheet formula (as HyperFormula's AST is interpreted and unparsed
 * from one definition). Only functions that every host computes alike and that need no
 * `_xlfn.` prefix are printed: IF, AND, OR, ISNUMBER, INT, MAX, CHOOSE.
 */
export type Expr =
  | { op: "input"; input: string }
  | { op: "const"; value: number }
  | { op: "add"; args: readonly Expr[] }
  | { op: "sub"; left: Expr; right: Expr }
  | { op: "mul"; args: readonly Expr[] }
  | { op: "max"; args: readonly Expr[] }
  /** CHOOSE(index, v1, v2, ...): the matrix model's lookup, 1-based. */
  | { op: "choose"; index: Expr; values: readonly number[] }
  /** A qualitative input's level word as its rank: 高/大 3, 中 2, 低/小 1. */
  | { op: "rank"; input: string };

/** What an input must hold for the model to use it. */
export type InputSpec =
  | { input: string; kind: "integer"; min: number; max: number }
  | { input: string; kind: "word" };

/** The values an input is checked and computed with: numbers and text exactly as in the cell. */
export type Env = Readonly<Record<string, CellValue>>;

const WORD_RANK = new Map<string, number>(LEVEL_IDS.flatMap((level) => LEVEL_WORDS[level].map((w) => [w, levelRank(level)] as const)));

/** Blank as a formula's `A1=""` sees it: an empty cell or an empty text, nothing else. */
export function isEmptyInput(v: CellValue): boolean {
  return v === null || v === undefined || v === "";
}

/** Whether a non-blank value is usable, exactly as the printed validity test decides. */
export function validInput(spec: InputSpec, v: CellValue): boolean {
  if (spec.kind === "word") return typeof v === "string" && WORD_RANK.has(v);
  return typeof v === "number" && Number.isInteger(v) && v >= spec.min && v <= spec.max;
}

export function evaluateExpr(expr: Expr, env: Env): number {
  switch (expr.op) {
    case "input": {
      const v = env[expr.input];
      return typeof v === "number" ? v : Number.NaN;
    }
    case "const":
      return expr.value;
    case "add": {
      let sum = 0;
      for (const a of expr.args) sum += evaluateExpr(a, env);
      return sum;
    }
    case "sub":
      return evaluateExpr(expr.left, env) - evaluateExpr(expr.right, env);
    case "mul": {
      let product = 1;
      for (const a of expr.args) product *= evaluateExpr(a, env);
      return product;
    }
    case "max":
      return expr.args.reduce((max, a) => Math.max(max, evaluateExpr(a, env)), -Infinity);
    case "choose": {
      const i = Math.trunc(evaluateExpr(expr.index, env));
      const v = expr.values[i - 1];
      return v === undefined ? Number.NaN : v;
    }
    case "rank": {
      const v = env[expr.input];
      return typeof v === "string" ? (WORD_RANK.get(v) ?? Number.NaN) : Number.NaN;
    }
  }
}

/** The smallest and largest value an expression can take when every input is in its range. */
export function exprRange(expr: Expr, ranges: (input: string) => { min: number; max: number }): { min: number; max: number } {
  switch (expr.op) {
    case "input":
      return ranges(expr.input);
    case "const":
      return { min: expr.value, max: expr.value };
    case "add": {
      const rs = expr.args.map((a) => exprRange(a, ranges));
      return { min: rs.reduce((s, r) => s + r.min, 0), max: rs.reduce((s, r) => s + r.max, 0) };
    }
    case "sub": {
      const l = exprRange(expr.left, ranges);
      const r = exprRange(expr.right, ranges);
      return { min: l.min - r.max, max: l.max - r.min };
    }
    case "mul": {
      // Inputs are ratings (never negative), so the bounds multiply.
      const rs = expr.args.map((a) => exprRange(a, ranges));
      return { min: rs.reduce((p, r) => p * r.min, 1), max: rs.reduce((p, r) => p * r.max, 1) };
    }
    case "max": {
      const rs = expr.args.map((a) => exprRange(a, ranges));
      return { min: rs.reduce((m, r) => Math.max(m, r.min), -Infinity), max: rs.reduce((m, r) => Math.max(m, r.max), -Infinity) };
    }
    case "choose":
      return { min: expr.values.reduce((m, v) => Math.min(m, v), Infinity), max: expr.values.reduce((m, v) => Math.max(m, v), -Infinity) };
    case "rank":
      return { min: 1, max: 3 };
  }
}

/** Inputs an expression reads, in first-use order. */
export function exprInputs(expr: Expr): string[] {
  const out: string[] = [];
  const walk = (e: Expr): void => {
    switch (e.op) {
      case "input":
      case "rank":
        if (!out.includes(e.input)) out.push(e.input);
        return;
      case "const":
        return;
      case "add":
      case "mul":
      case "max":
        e.args.forEach(walk);
        return;
      case "sub":
        walk(e.left);
        walk(e.right);
        return;
      case "choose":
        walk(e.index);
        return;
    }
  };
  walk(expr);
  return out;
}

export type CellRefOf = (input: string) => string;

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const PRECEDENCE: Record<Expr["op"], number> = { input: 9, const: 9, max: 9, choose: 9, rank: 9, mul: 2, add: 1, sub: 1 };

/** Prints an expression as formula text (no leading "="), with canonical English function names. */
export function exprFormula(expr: Expr, ref: CellRefOf): string {
  const wrap = (child: Expr, min: number) => (PRECEDENCE[child.op] < min ? `(${exprFormula(child, ref)})` : exprFormula(child, ref));
  switch (expr.op) {
    case "input":
      return ref(expr.input);
    case "const":
      return num(expr.value);
    case "add":
      return expr.args.map((a) => wrap(a, 1)).join("+");
    case "sub":
      return `${wrap(expr.left, 1)}-${wrap(expr.right, 2)}`;
    case "mul":
      return expr.args.map((a) => wrap(a, 2)).join("*");
    case "max":
      return `MAX(${expr.args.map((a) => exprFormula(a, ref)).join(",")})`;
    case "choose":
      return `CHOOSE(${exprFormula(expr.index, ref)},${expr.values.map(num).join(",")})`;
    case "rank": {
      const r = ref(expr.input);
      const test = (words: readonly string[]) => (words.length === 1 ? `${r}=${str(words[0] ?? "")}` : `OR(${words.map((w) => `${r}=${str(w)}`).join(",")})`);
      return `IF(${test(LEVEL_WORDS.high)},3,IF(${test(LEVEL_WORDS.medium)},2,1))`;
    }
  }
}

/** Scales of up to this many values are tested by listing them: OR(A1=1,A1=2,A1=3). */
const LISTED_SCALE = 5;

/** The printed validity test of one input (assumes the input is not blank). */
export function validityFormula(spec: InputSpec, ref: CellRefOf): string {
  const r = ref(spec.input);
  if (spec.kind === "word") {
    const words = LEVEL_IDS.flatMap((l) => LEVEL_WORDS[l]);
    return `OR(${words.map((w) => `${r}=${str(w)}`).join(",")})`;
  }
  if (spec.max - spec.min + 1 <= LISTED_SCALE) {
    const values: string[] = [];
    for (let v = spec.min; v <= spec.max; v++) values.push(`${r}=${num(v)}`);
    return values.length === 1 ? (values[0] ?? "") : `OR(${values.join(",")})`;
  }
  // Text never equals a number, but INT(text) is an error: test ISNUMBER first (IF is lazy).
  return `IF(ISNUMBER(${r}),AND(${r}>=${num(spec.min)},${r}<=${num(spec.max)},INT(${r})=${r}))`;
}

function all(tests: readonly string[], fn: "AND" | "OR"): string {
  return tests.length === 1 ? (tests[0] ?? "") : `${fn}(${tests.join(",")})`;
}

/**
 * `IF(any input blank, "", IF(every input valid, body, marker))`: blank rows stay blank, and
 * text, decimals or values off the scale show the marker instead of a number or a level.
 */
export function guardedFormula(specs: readonly InputSpec[], ref: CellRefOf, body: string, marker: string): string {
  const blank = all(
    specs.map((s) => `${ref(s.input)}=""`),
    "OR",
  );
  const valid = all(
    specs.map((s) => validityFormula(s, ref)),
    "AND",
  );
  return `IF(${blank},"",IF(${valid},${body},${str(marker)}))`;
}

/** `IF(x>=high,"高",IF(x>=medium,"中","低"))`. */
export function thresholdFormula(x: string, thresholds: { medium: number; high: number }, labels: { high: string; medium: string; low: string }): string {
  return `IF(${x}>=${num(thresholds.high)},${str(labels.high)},IF(${x}>=${num(thresholds.medium)},${str(labels.medium)},${str(labels.low)}))`;
}

export { str as formulaString };
