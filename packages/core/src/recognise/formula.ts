import { columnNumber, type CellValue } from "../grid/grid";

/**
 * A small reader of the spreadsheet formulas that risk sheets use for their own scoring rule
 * (=E5*F5, =PRODUCT(E5:G5), =MAX(J5:L5), =IF(G5>=15,"高",IF(G5>=8,"中","低")), IFS, LOOKUP with
 * constants, guards such as IF(OR(E5="",F5=""),"",…)): parsed to a tree that can be evaluated
 * for any inputs, so the sheet's rule is applied exactly as the sheet applies it. Anything it
 * does not know (another sheet's cells, an unknown function) evaluates to an error, never a guess.
 */

export interface CellRef {
  /** 0-based row and column. */
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
  /** Set when the reference names a sheet (「'評価基準'!B2」): not read here. */
  sheet?: string;
}

export type FormulaNode =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; ref: CellRef }
  | { t: "range"; from: CellRef; to: CellRef }
  | { t: "array"; rows: FormulaNode[][] }
  | { t: "call"; name: string; args: FormulaNode[] }
  | { t: "neg"; arg: FormulaNode }
  | { t: "bin"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { t: "missing" };

type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FormulaError = { error: string };
export type FormulaValue = number | string | boolean | null | FormulaError | FormulaValue[];

const MAX_FORMULA_LENGTH = 2000;

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "ref"; text: string; sheet?: string }
  | { k: "name"; v: string }
  | { k: "op"; v: string }
  | { k: "("; }
  | { k: ")" }
  | { k: "," }
  | { k: ";" }
  | { k: "{" }
  | { k: "}" }
  | { k: ":" };

const REF = /^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const NUMBER = /^[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|^\.[0-9]+/;

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  let sheet: string | undefined;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= text.length) return null;
        if (text.charAt(j) === '"') {
          if (text.charAt(j + 1) === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += text.charAt(j++);
      }
      out.push({ k: "str", v: s });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!A1
      const end = text.indexOf("'!", i + 1);
      if (end < 0) return null;
      sheet = text.slice(i + 1, end).replace(/''/g, "'");
      i = end + 2;
      continue;
    }
    const sheetName = /^([^\s!'"(),;:{}+\-*/^&=<>]+)!/.exec(rest);
    if (sheetName) {
      sheet = sheetName[1];
      i += sheetName[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/[A-Za-z0-9_(]/.test(rest.charAt(ref[0].length))) {
      out.push(sheet === undefined ? { k: "ref", text: ref[0] } : { k: "ref", text: ref[0], sheet });
      sheet = undefined;
      i += ref[0].length;
      continue;
    }
    if (sheet !== undefined) return null;
    const num = NUMBER.exec(rest);
    if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      out.push({ k: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(ch)) out.push({ k: "op", v: ch });
    else if (ch === "(") out.push({ k: "(" });
    else if (ch === ")") out.push({ k: ")" });
    else if (ch === ",") out.push({ k: "," });
    else if (ch === ";") out.push({ k: ";" });
    else if (ch === "{") out.push({ k: "{" });
    else if (ch === "}") out.push({ k: "}" });
    else if (ch === ":") out.push({ k: ":" });
    else return null;
    i++;
  }
  return out;
}

function parseRef(text: string, sheet?: string): CellRef | null {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/.exec(text);
  if (!m) return null;
  const col = columnNumber(m[2] ?? "");
  if (col === 0) return null;
  const ref: CellRef = { row: Number(m[4]) - 1, col: col - 1, colAbs: m[1] === "$", rowAbs: m[3] === "$" };
  if (sheet !== undefined) ref.sheet = sheet;
  return ref;
}

// ---------------------------------------------------------------------------------------------
// Parser (precedence climbing; Excel's order: comparison < & < + - < * / < ^ < unary minus)

function isBinaryOp(v: string): v is BinaryOp {
  return v in PRECEDENCE;
}

const PRECEDENCE: Readonly<Record<string, number>> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

/** Nesting deeper than this is no scoring rule; the parser stops well before the stack would. */
const MAX_DEPTH = 48;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode | null {
    const node = this.expr(0);
    return node && this.i === this.tokens.length ? node : null;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private expr(min: number): FormulaNode | null {
    if (++this.depth > MAX_DEPTH) return null;
    const node = this.binaryFrom(min);
    this.depth--;
    return node;
  }

  private binaryFrom(min: number): FormulaNode | null {
    let left = this.unary();
    if (!left) return null;
    for (;;) {
      const t = this.peek();
      if (!t || t.k !== "op") break;
      if (t.v === "%") {
        this.i++;
        left = { t: "bin", op: "/", left, right: { t: "num", v: 100 } };
        continue;
      }
      const op = t.v;
      const p = PRECEDENCE[op];
      if (p === undefined || p < min || !isBinaryOp(op)) break;
      this.i++;
      const right = this.expr(op === "^" ? p : p + 1);
      if (!right) return null;
      left = { t: "bin", op, left, right };
    }
    return left;
  }

  private unary(): FormulaNode | null {
    const t = this.peek();
    if (t && t.k === "op" && (t.v === "-" || t.v === "+")) {
      this.i++;
      const arg = this.unary();
      if (!arg) return null;
      return t.v === "-" ? { t: "neg", arg } : arg;
    }
    return this.primary();
  }

  private primary(): FormulaNode | null {
    const t = this.tokens[this.i++];
    if (!t) return null;
    switch (t.k) {
      case "num":
        return { t: "num", v: t.v };
      case "str":
        return { t: "str", v: t.v };
      case "ref": {
        const from = parseRef(t.text, t.sheet);
        if (!from) return null;
        const next = this.peek();
        if (next?.k === ":") {
          this.i++;
          const end = this.tokens[this.i++];
          if (!end || end.k !== "ref") return null;
          const to = parseRef(end.text, from.sheet);
          return to ? { t: "range", from, to } : null;
        }
        return { t: "ref", ref: from };
      }
      case "name": {
        const name = t.v.replace(/^_XLFN\.(?:_XLWS\.)?/, "");
        if (this.peek()?.k !== "(") {
          if (name === "TRUE" || name === "FALSE") return { t: "bool", v: name === "TRUE" };
          return null;
        }
        this.i++;
        const args: FormulaNode[] = [];
        if (this.peek()?.k === ")") {
          this.i++;
          return { t: "call", name, args };
        }
        for (;;) {
          const k = this.peek()?.k;
          if (k === "," || k === ")") args.push({ t: "missing" });
          else {
            const arg = this.expr(0);
            if (!arg) return null;
            args.push(arg);
          }
          const sep = this.tokens[this.i++];
          if (sep?.k === ")") break;
          if (sep?.k !== ",") return null;
        }
        return { t: "call", name, args };
      }
      case "(": {
        const inner = this.expr(0);
        if (!inner || this.tokens[this.i++]?.k !== ")") return null;
        return inner;
      }
      case "{": {
        const rows: FormulaNode[][] = [[]];
        for (;;) {
          const item = this.unary();
          if (!item) return null;
          rows.at(-1)?.push(item);
          const sep = this.tokens[this.i++];
          if (sep?.k === "}") break;
          if (sep?.k === ";") rows.push([]);
          else if (sep?.k !== ",") return null;
        }
        return { t: "array", rows };
      }
      default:
        return null;
    }
  }
}

/** Parses "=…" (or the text without "="); null when the formula is not in the subset read here. */
export function parseFormula(text: string): FormulaNode | null {
  if (text.length > MAX_FORMULA_LENGTH) return null;
  const body = text.startsWith("=") ? text.slice(1) : text;
  const tokens = tokenize(body);
  return tokens ? new Parser(tokens).parse() : null;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Reads a cell (0-based) of the formula's own sheet, or of the sheet a reference names. */
export type CellReader = (row: number, col: number, sheet?: string) => CellValue | FormulaError;

/** What a reader returns for a sheet it does not know: an error, never a blank. */
export const UNKNOWN_SHEET: FormulaError = { error: "#REF!" };

const ERR_VALUE: FormulaError = { error: "#VALUE!" };
const ERR_NA: FormulaError = { error: "#N/A" };
const ERR_REF: FormulaError = { error: "#REF!" };
const ERR_DIV: FormulaError = { error: "#DIV/0!" };

export function isError(v: FormulaValue): v is FormulaError {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The cells of a range as rows of values (bounded: scoring formulas read a handful of cells). */
function rangeValues(from: CellRef, to: CellRef, read: CellReader): FormulaValue[][] | FormulaError {
  const r0 = Math.min(from.row, to.row);
  const r1 = Math.max(from.row, to.row);
  const c0 = Math.min(from.col, to.col);
  const c1 = Math.max(from.col, to.col);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > 10_000) return ERR_REF;
  const out: FormulaValue[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: FormulaValue[] = [];
    for (let c = c0; c <= c1; c++) row.push(cellValue(read(r, c, from.sheet)));
    out.push(row);
  }
  return out;
}

function cellValue(v: CellValue | FormulaError): FormulaValue {
  return v === undefined || v === "" ? null : v;
}

function toNumber(v: FormulaValue): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = Number(v.trim());
    return v.trim() !== "" && Number.isFinite(n) ? n : ERR_VALUE;
  }
  return ERR_VALUE;
}

function toText(v: FormulaValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function truthy(v: FormulaValue): boolean | FormulaError {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
  }
  return ERR_VALUE;
}

function compare(op: BinaryOp, a: FormulaValue, b: FormulaValue): boolean | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // A blank compares as "" with text and as 0 with numbers, as in a spreadsheet.
  const left = a === null ? (typeof b === "string" ? "" : 0) : a;
  const right = b === null ? (typeof a === "string" ? "" : 0) : b;
  let c: number;
  if (typeof left === "number" && typeof right === "number") c = left - right;
  else if (typeof left === "string" && typeof right === "string") c = left.toLowerCase() < right.toLowerCase() ? -1 : left.toLowerCase() > right.toLowerCase() ? 1 : 0;
  else {
    // Numbers sort before text, text before booleans.
    const rank = (v: FormulaValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
    c = rank(left) - rank(right);
  }
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** The scalars of arguments that may be ranges or array constants (rows of values). */
function flatten(values: readonly FormulaValue[]): FormulaValue[] {
  const out: FormulaValue[] = [];
  for (const v of values) {
    if (!Array.isArray(v)) {
      out.push(v);
      continue;
    }
    for (const x of v) {
      if (Array.isArray(x)) for (const y of x) out.push(Array.isArray(y) ? ERR_VALUE : y);
      else out.push(x);
    }
  }
  return out;
}

function numbersOf(args: readonly FormulaValue[]): number[] | FormulaError {
  const out: number[] = [];
  for (const v of flatten(args)) {
    if (isError(v)) return v;
    if (typeof v === "number") out.push(v);
  }
  return out;
}

function lookup(key: FormulaValue, keys: readonly FormulaValue[], results: readonly FormulaValue[]): FormulaValue {
  // Approximate match on ascending keys: the last key not above the value.
  let found = -1;
  for (let k = 0; k < keys.length; k++) {
    const c = compare("<=", keys[k] ?? null, key);
    if (c === true) found = k;
    else break;
  }
  return found < 0 ? ERR_NA : (results[found] ?? ERR_NA);
}

export class FormulaEvaluator {
  /** `shift` moves relative references by that many rows (the formula of another row). */
  constructor(
    private readonly read: CellReader,
    private readonly shift = 0,
  ) {}

  private at(ref: CellRef): CellRef {
    return ref.rowAbs || this.shift === 0 ? ref : { ...ref, row: ref.row + this.shift };
  }

  evaluate(node: FormulaNode): FormulaValue {
    switch (node.t) {
      case "num":
        return node.v;
      case "str":
        return node.v;
      case "bool":
        return node.v;
      case "missing":
        return null;
      case "ref": {
        const ref = this.at(node.ref);
        return cellValue(this.read(ref.row, ref.col, ref.sheet));
      }
      case "range": {
        const v = rangeValues(this.at(node.from), this.at(node.to), this.read);
        return v;
      }
      case "array":
        return node.rows.map((row) => row.map((x) => this.evaluate(x)));
      case "neg": {
        const n = toNumber(this.scalar(node.arg));
        return isError(n) ? n : -n;
      }
      case "bin":
        return this.binary(node.op, node.left, node.right);
      case "call":
        return this.call(node.name, node.args);
    }
  }

  private scalar(node: FormulaNode): FormulaValue {
    const v = this.evaluate(node);
    return Array.isArray(v) ? ERR_VALUE : v;
  }

  private binary(op: BinaryOp, l: FormulaNode, r: FormulaNode): FormulaValue {
    const a = this.scalar(l);
    const b = this.scalar(r);
    if (op === "&") return isError(a) ? a : isError(b) ? b : toText(a) + toText(b);
    if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") return compare(op, a, b);
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? ERR_DIV : x / y;
      default:
        return x ** y;
    }
  }

  private call(name: string, args: readonly FormulaNode[]): FormulaValue {
    const fn = FUNCTIONS.get(name);
    if (!fn) return ERR_NA;
    return fn(
      {
        count: args.length,
        value: (k) => {
          const a = args[k];
          return a ? this.evaluate(a) : null;
        },
        scalar: (k) => {
          const a = args[k];
          return a ? this.scalar(a) : null;
        },
      },
      name,
    );
  }
}

/** A call's arguments, evaluated only when a function asks (IF evaluates one branch). */
interface Args {
  count: number;
  /** The argument as written: a range or array stays an array. */
  value(k: number): FormulaValue;
  /** The argument as one value: an array is #VALUE!. */
  scalar(k: number): FormulaValue;
}

type SheetFunction = (args: Args, name: string) => FormulaValue;

const allValues = (args: Args): FormulaValue[] => Array.from({ length: args.count }, (_, k) => args.value(k));

function logical(args: Args, name: string): FormulaValue {
  let out = name === "AND";
  for (let k = 0; k < args.count; k++) {
    const c = truthy(args.scalar(k));
    if (isError(c)) return c;
    out = name === "AND" ? out && c : out || c;
  }
  return out;
}

function aggregate(args: Args, name: string): FormulaValue {
  const ns = numbersOf(allValues(args));
  if (isError(ns)) return ns;
  if (name === "COUNT") return ns.length;
  if (name === "SUM") return ns.reduce((s, n) => s + n, 0);
  if (name === "PRODUCT") return ns.length === 0 ? 0 : ns.reduce((p, n) => p * n, 1);
  if (ns.length === 0) return name === "AVERAGE" ? ERR_DIV : 0;
  if (name === "AVERAGE") return ns.reduce((s, n) => s + n, 0) / ns.length;
  return ns.reduce((best, n) => (name === "MAX" ? Math.max(best, n) : Math.min(best, n)));
}

function rounding(args: Args, name: string): FormulaValue {
  const x = toNumber(args.scalar(0));
  if (isError(x)) return x;
  if (name === "INT") return Math.floor(x);
  const d = args.count > 1 ? toNumber(args.scalar(1)) : 0;
  if (isError(d)) return d;
  const f = 10 ** Math.trunc(d);
  const v = x * f;
  const r = name === "ROUND" ? Math.sign(v) * Math.round(Math.abs(v)) : name === "ROUNDUP" ? Math.sign(v) * Math.ceil(Math.abs(v)) : Math.trunc(v);
  return r / f;
}

function vlookup(args: Args): FormulaValue {
  const table = args.value(1);
  const col = toNumber(args.scalar(2));
  if (isError(col) || !Array.isArray(table)) return ERR_NA;
  const exact = args.count > 3 && truthy(args.scalar(3)) === false;
  // Array constants and ranges both come as rows.
  const rows: FormulaValue[][] = [];
  for (const row of table) if (Array.isArray(row)) rows.push(row);
  if (rows.length !== table.length) return ERR_NA;
  const key = args.scalar(0);
  if (exact) return rows.find((row) => compare("=", row[0] ?? null, key) === true)?.[col - 1] ?? ERR_NA;
  return lookup(key, rows.map((row) => row[0] ?? null), rows.map((row) => row[col - 1] ?? ERR_NA));
}

/** The functions scoring sheets use; any other evaluates to #N/A and the rule is not read from it. */
const FUNCTION_TABLE = {
  IF: (args) => {
    const c = truthy(args.scalar(0));
    if (isError(c)) return c;
    return c ? (args.count > 1 ? args.scalar(1) : true) : args.count > 2 ? args.scalar(2) : false;
  },
  IFS: (args) => {
    for (let k = 0; k + 1 < args.count; k += 2) {
      const c = truthy(args.scalar(k));
      if (isError(c)) return c;
      if (c) return args.scalar(k + 1);
    }
    return ERR_NA;
  },
  IFERROR: (args) => {
    const v = args.scalar(0);
    return isError(v) ? args.scalar(1) : v;
  },
  AND: logical,
  OR: logical,
  NOT: (args) => {
    const c = truthy(args.scalar(0));
    return isError(c) ? c : !c;
  },
  MAX: aggregate,
  MIN: aggregate,
  SUM: aggregate,
  PRODUCT: aggregate,
  AVERAGE: aggregate,
  COUNT: aggregate,
  COUNTA: (args) => flatten(allValues(args)).filter((v) => v !== null).length,
  ROUND: rounding,
  ROUNDUP: rounding,
  ROUNDDOWN: rounding,
  INT: rounding,
  ISNUMBER: (args) => typeof args.scalar(0) === "number",
  ISBLANK: (args) => args.scalar(0) === null,
  ISTEXT: (args) => typeof args.scalar(0) === "string",
  CHOOSE: (args) => {
    const k = toNumber(args.scalar(0));
    if (isError(k)) return k;
    const i = Math.trunc(k);
    return i >= 1 && i < args.count ? args.scalar(i) : ERR_VALUE;
  },
  LOOKUP: (args) => {
    const keys = flatten([args.value(1)]);
    const results = args.count > 2 ? flatten([args.value(2)]) : keys;
    return lookup(args.scalar(0), keys, results);
  },
  VLOOKUP: vlookup,
} satisfies Record<string, SheetFunction>;
// A Map: a formula naming CONSTRUCTOR or __PROTO__ must not reach Object's own members.
const FUNCTIONS: ReadonlyMap<string, SheetFunction> = new Map(Object.entries(FUNCTION_TABLE));

/** The references a formula reads, ranges expanded (bounded), on its own sheet. */
export function referencedCells(node: FormulaNode, limit = 64): CellRef[] {
  const out: CellRef[] = [];
  const stack: FormulaNode[] = [node];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop();
    if (!n) break;
    switch (n.t) {
      case "ref":
        if (n.ref.sheet === undefined) out.push(n.ref);
        break;
      case "range":
        if (n.from.sheet !== undefined) break;
        for (let r = Math.min(n.from.row, n.to.row); r <= Math.max(n.from.row, n.to.row) && out.length < limit; r++) {
          for (let c = Math.min(n.from.col, n.to.col); c <= Math.max(n.from.col, n.to.col) && out.length < limit; c++) out.push({ row: r, col: c, rowAbs: n.from.rowAbs, colAbs: n.from.colAbs });
        }
        break;
      case "array":
        for (const row of n.rows) for (const x of row) stack.push(x);
        break;
      case "call":
        for (const a of n.args) stack.push(a);
        break;
      case "neg":
        stack.push(n.arg);
        break;
      case "bin":
        stack.push(n.left, n.right);
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * The formula without the guards sheets wrap around their rule: IF(<blank test>,"",X),
 * IF(<test>,X,""), IFERROR(X,""). What is left is the rule itself.
 */
export function unguarded(node: FormulaNode): FormulaNode {
  let n = node;
  for (let depth = 0; depth < 4; depth++) {
    if (n.t !== "call") return n;
    const [first, yes, no] = n.args;
    if (n.name === "IFERROR" && first) {
      n = first;
      continue;
    }
    if (n.name === "IF" && n.args.length === 3 && yes && no) {
      const empty = (x: FormulaNode) => (x.t === "str" && x.v === "") || x.t === "missing";
      if (empty(yes) && !empty(no)) {
        n = no;
        continue;
      }
      if (empty(no) && !empty(yes)) {
        n = yes;
        continue;
      }
    }
    return n;
  }
  return n;
}

/** A score formula's shape: the same operation over cells of its own row (=E5*F5, =MAX(J5:L5)). */
export function scoreShape(node: FormulaNode, row: number): { op: "mul" | "add" | "max"; cols: number[] } | null {
  const n = unguarded(node);
  const sameRow = (refs: CellRef[]) => refs.length >= 2 && refs.every((r) => r.row === row && r.sheet === undefined);
  const chain = (x: FormulaNode, op: "*" | "+", into: CellRef[]): boolean => {
    if (x.t === "ref") {
      into.push(x.ref);
      return true;
    }
    return x.t === "bin" && x.op === op && chain(x.left, op, into) && chain(x.right, op, into);
  };
  for (const [sym, op] of [["*", "mul"], ["+", "add"]] as const) {
    const refs: CellRef[] = [];
    if (n.t === "bin" && n.op === sym && chain(n, sym, refs) && sameRow(refs)) return { op, cols: refs.map((r) => r.col) };
  }
  if (n.t === "call" && (n.name === "PRODUCT" || n.name === "SUM" || n.name === "MAX") && n.args.every((a) => a.t === "ref" || a.t === "range")) {
    const refs = referencedCells(n);
    if (sameRow(refs)) return { op: n.name === "PRODUCT" ? "mul" : n.name === "SUM" ? "add" : "max", cols: refs.map((r) => r.col) };
  }
  return null;
}
