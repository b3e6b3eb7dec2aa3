/**
 * Functions newer than Excel 2010 are stored in .xlsx files under a prefix (`_xlfn.IFS`); Excel
 * shows #NAME? when a file holds the bare name. Office.js `range.formulas` and Apps Script
 * `setFormula` take the bare names: only file writers need this. The models' own formulas use
 * none of these functions, so for them this returns the formula unchanged.
 */
const XLFN = new Set([
  "ACOT",
  "ACOTH",
  "AGGREGATE",
  "ARABIC",
  "BASE",
  "BITAND",
  "BITOR",
  "BITXOR",
  "CEILING.MATH",
  "CONCAT",
  "COT",
  "COTH",
  "CSC",
  "DAYS",
  "DECIMAL",
  "FLOOR.MATH",
  "FORMULATEXT",
  "IFNA",
  "IFS",
  "ISFORMULA",
  "ISOWEEKNUM",
  "LAMBDA",
  "LET",
  "MAXIFS",
  "MINIFS",
  "NUMBERVALUE",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "RANDARRAY",
  "RANK.EQ",
  "SEC",
  "SEQUENCE",
  "SHEET",
  "SHEETS",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTAFTER",
  "TEXTBEFORE",
  "TEXTJOIN",
  "TEXTSPLIT",
  "UNICHAR",
  "UNICODE",
  "VAR.P",
  "VAR.S",
  "XLOOKUP",
  "XMATCH",
  "XOR",
]);

/** Dynamic-array functions that Excel stores as `_xlfn._xlws.NAME`. */
const XLWS = new Set(["FILTER", "SORT"]);

/** Also `_xlfn.`: UNIQUE and SORTBY are stored without `_xlws.`. */
const XLFN_ARRAY = new Set(["UNIQUE", "SORTBY"]);

/**
 * Adds the `_xlfn.` prefixes a formula needs in an .xlsx file. Leaves string literals, sheet
 * names in quotes and already-prefixed names alone; keeps a leading "=" if there is one.
 */
export function toFileFormula(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      // A quoted string ("..." with "" escapes) or sheet name ('...' with '' escapes).
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === ch) {
          if (formula.charAt(j + 1) === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (m) {
      const name = m[0];
      const next = formula.charAt(i + name.length);
      const prev = out.slice(-1);
      const upper = name.toUpperCase();
      const call = next === "(" && !/[A-Za-z0-9_.]/.test(prev);
      if (call && XLWS.has(upper)) out += `_xlfn._xlws.${name}`;
      else if (call && (XLFN.has(upper) || XLFN_ARRAY.has(upper))) out += `_xlfn.${name}`;
      else out += name;
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
