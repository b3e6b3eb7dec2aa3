import { a1, fileFormula, parseRange, storedValue, type CellValue, type WriteOp } from "@pmark/core";

/**
 * A new worksheet part from the ops a placed write plan has for one added sheet: its values
 * (text inline, so the package's shared strings stay as they are), formulas with the results
 * the plan gives for them, dropdowns, column widths and frozen panes. Fonts, fills and colour
 * rules need the package's style part, which the draft leaves byte for byte as it was: those
 * ops are left out, and the sheet shows in the workbook's default style.
 */

type Cell = { value: CellValue } | { formula: string; result: string | number | null };

/** XML 1.0 cannot hold C0 controls (bar tab, LF, CR) or U+FFFE/FFFF: Excel writes them as _xHHHH_, and a literal "_xHHHH_" gets its "_" escaped. */
export function cellXmlText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + (text[i + 1] as string);
        i++;
      } else out += "\ufffd";
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) out += "\ufffd";
    else if (c === 0x26) out += "&amp;";
    else if (c === 0x3c) out += "&lt;";
    else if (c === 0x3e) out += "&gt;";
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) out += `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
    else if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i))) out += "_x005F_";
    else out += text[i];
  }
  return out;
}

const attr = (s: string): string => cellXmlText(s).replace(/"/g, "&quot;");

function inlineString(ref: string, text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${cellXmlText(text)}</t></is></c>`;
}

function cellXml(ref: string, cell: Cell): string {
  if ("formula" in cell) {
    const f = cellXmlText(fileFormula(cell.formula).replace(/^=/, ""));
    if (typeof cell.result === "number" && Number.isFinite(cell.result)) return `<c r="${ref}"><f>${f}</f><v>${cell.result}</v></c>`;
    return `<c r="${ref}" t="str"><f>${f}</f><v>${cellXmlText(String(cell.result ?? ""))}</v></c>`;
  }
  const v = storedValue(cell.value);
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : "";
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string" && v !== "") return inlineString(ref, v);
  return "";
}

/** A list dropdown as a worksheet holds it; null when its choices cannot be a quoted list (a comma in one, over 255 characters). */
function validationXml(op: Extract<WriteOp, { op: "validation" }>, lang: "ja" | "en"): string | null {
  if (op.list.some((v) => v.includes(",") || v.includes('"'))) return null;
  const list = op.list.join(",");
  if (list.length > 255 || !parseRange(op.range)) return null;
  const prompt = op.prompt ? ` showInputMessage="1" prompt="${attr(op.prompt[lang].slice(0, 255))}"` : "";
  const style = op.strict === false ? ' errorStyle="warning"' : "";
  return `<dataValidation type="list"${style} allowBlank="${op.allowBlank ? 1 : 0}" showErrorMessage="1"${prompt} sqref="${op.range.replace(/\$/g, "")}"><formula1>"${cellXmlText(list)}"</formula1></dataValidation>`;
}

function paneXml(rows: number, cols: number): string {
  if (rows <= 0 && cols <= 0) return "";
  const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<pane${split} topLeftCell="${a1(rows + 1, cols + 1)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

/** The worksheet XML for `sheet`'s ops, in the package's SpreadsheetML namespace. */
export function worksheetXml(ops: readonly WriteOp[], sheet: string, lang: "ja" | "en", mainNamespace: string): string {
  const cells = new Map<number, Map<number, Cell>>();
  const put = (row: number, col: number, cell: Cell) => {
    let r = cells.get(row);
    if (!r) cells.set(row, (r = new Map()));
    r.set(col, cell);
  };
  const validations: string[] = [];
  let widths: { col: number; widths: number[] } | null = null;
  let freeze = { rows: 0, cols: 0 };
  for (const op of ops) {
    if (op.sheet !== sheet) continue;
    if (op.op === "values") {
      op.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && put(op.row + r, op.col + c, { value: v })));
    } else if (op.op === "formulas") {
      op.formulas.forEach((row, r) => row.forEach((f, c) => f !== null && f !== undefined && put(op.row + r, op.col + c, { formula: f, result: op.results?.[r]?.[c] ?? "" })));
    } else if (op.op === "validation") {
      const v = validationXml(op, lang);
      if (v) validations.push(v);
    } else if (op.op === "columnWidths") widths = { col: op.col, widths: op.widths };
    else if (op.op === "freeze") freeze = { rows: op.rows, cols: op.cols };
  }
  const rowNumbers = [...cells.keys()].sort((a, b) => a - b);
  let maxCol = 1;
  let sheetData = "";
  for (const r of rowNumbers) {
    const row = cells.get(r) as Map<number, Cell>;
    const cols = [...row.keys()].sort((a, b) => a - b);
    let xml = "";
    for (const c of cols) {
      xml += cellXml(a1(r, c), row.get(c) as Cell);
      if (c > maxCol) maxCol = c;
    }
    sheetData += `<row r="${r}">${xml}</row>`;
  }
  const lastRow = rowNumbers.length > 0 ? (rowNumbers[rowNumbers.length - 1] as number) : 1;
  const w = widths as { col: number; widths: number[] } | null;
  const cols = w && w.widths.length > 0 ? `<cols>${w.widths.map((width, i) => `<col min="${w.col + i}" max="${w.col + i}" width="${width}" customWidth="1"/>`).join("")}</cols>` : "";
  const dv = validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${attr(mainNamespace)}">` +
    `<dimension ref="A1:${a1(lastRow, maxCol)}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${paneXml(freeze.rows, freeze.cols)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${sheetData}</sheetData>` +
    dv +
    `</worksheet>`
  );
}
