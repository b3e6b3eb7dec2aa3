import { describe, expect, it } from "vitest";
import { csvCell, csvRowAt, csvToGrid, decodeText, parseCsv, sniffDelimiter } from "../../packages/cli/src/load/csv";
import { CSV_TEXT, toShiftJis, utf16be, utf16le } from "./helpers";

describe("parseCsv", () => {
  it("splits fields and CRLF, LF or CR line ends", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("keeps quoted delimiters, doubled quotes and line breaks", () => {
    expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nx,"",y\r\n')).toEqual([
      ["a,1", 'say "hi"', "two\r\nlines"],
      ["x", "", "y"],
    ]);
  });

  it("keeps empty fields and ignores one trailing line break", () => {
    expect(parseCsv("a,,c,\n,\n")).toEqual([
      ["a", "", "c", ""],
      ["", ""],
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("only")).toEqual([["only"]]);
  });

  it("tolerates an unterminated quote and text after a closing quote", () => {
    expect(parseCsv('"open,x\nnext')).toEqual([["open,x\nnext"]]);
    expect(parseCsv('"a"b,c')).toEqual([["ab", "c"]]);
  });

  it("uses tabs when the first line has tabs and no commas", () => {
    expect(sniffDelimiter("a\tb\tc\n1,2\t3")).toBe("\t");
    expect(sniffDelimiter('"x\ty",b')).toBe(",");
    expect(sniffDelimiter("a,b\tc")).toBe(",");
  });
});

describe("csvCell", () => {
  it("turns only plain numbers into numbers", () => {
    expect(csvCell("120")).toBe(120);
    expect(csvCell("-3.5")).toBe(-3.5);
    expect(csvCell("0")).toBe(0);
    expect(csvCell(" 42 ")).toBe(42);
    for (const s of ["007", "1,000", "１２", "1e3", "12件", "2024/04/01", "0x10", "1.", ".5", "1234567890123456789"]) {
      expect(csvCell(s), s).toBe(s);
    }
    expect(csvCell("")).toBeNull();
  });
});

describe("decodeText", () => {
  it("detects each encoding", () => {
    const clean = { replaced: 0, firstReplaced: -1 };
    expect(decodeText(Buffer.from(CSV_TEXT, "utf8"))).toEqual({ text: CSV_TEXT, encoding: "utf-8", ...clean });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_TEXT)]))).toEqual({
      text: CSV_TEXT,
      encoding: "utf-8-bom",
      ...clean,
    });
    expect(decodeText(toShiftJis(CSV_TEXT))).toEqual({ text: CSV_TEXT, encoding: "shift_jis", ...clean });
    expect(decodeText(utf16le(CSV_TEXT))).toEqual({ text: CSV_TEXT, encoding: "utf-16le", ...clean });
    expect(decodeText(utf16be(CSV_TEXT))).toEqual({ text: CSV_TEXT, encoding: "utf-16be", ...clean });
  });

  it("Shift_JIS words from the hand mapping", () => {
    expect(decodeText(Buffer.from([0x97, 0x98, 0x97, 0x70, 0x96, 0xda, 0x93, 0x49])).text).toBe("利用目的");
  });
});

describe("csvToGrid", () => {
  it("trims trailing blank cells and rows", () => {
    expect(csvToGrid("a", "x,1,,\n,,\n\n")).toEqual({ name: "a", values: [["x", 1]] });
    expect(csvToGrid("a", ",y\n")).toEqual({ name: "a", values: [[null, "y"]] });
  });
});

describe("csvRowAt", () => {
  it("counts rows as the parser splits them: a quote after a tab in a comma file opens no quoted field", () => {
    const text = 'id,name\n1\t"a\n2,b\ufffd\n';
    const rows = parseCsv(text, sniffDelimiter(text));
    const at = text.indexOf("\ufffd");
    expect(rows[csvRowAt(text, at) - 1]).toEqual(["2", "b\ufffd"]);
    expect(csvRowAt(text, at)).toBe(3);
  });

  it("counts a quoted line break as part of its row", () => {
    const text = 'id,note\n1,"two\r\nlines"\n2,x\ufffd';
    expect(csvRowAt(text, text.indexOf("\ufffd"))).toBe(3);
    expect(csvRowAt(text, 0)).toBe(1);
  });
});
