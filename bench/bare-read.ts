/**
 * The floors for `pmark check`: read one .xlsx into memory and nothing else, in a process of its
 * own. bench/run.mjs bundles it the way pmark.cjs is bundled (SheetJS inside) and times the whole
 * process.
 *
 *   node bench/.cache/dist/bare-read.cjs FILE                  @e965/xlsx exactly as the CLI's
 *                                                              fallback reads (`readWorkbook`:
 *                                                              same options, console muted)
 *   node bench/.cache/dist/bare-read.cjs FILE --reader=direct  the CLI's own .xlsx reader
 *                                                              (inspectZip + readOoxmlDirect)
 */
import { readFileSync } from "node:fs";
import { readOoxmlDirect } from "../packages/cli/src/load/ooxml";
import { readWorkbook } from "../packages/cli/src/load/sheetjs";
import { inspectZip } from "../packages/cli/src/load/zip";

const file = process.argv[2];
if (!file) throw new Error("usage: bare-read FILE [--reader=direct]");
const direct = process.argv.includes("--reader=direct");
const t0 = performance.now();
const buf = readFileSync(file);
let sheets: number;
if (direct) {
  const zip = inspectZip(buf);
  if (!zip.ok) throw new Error(`not a ZIP: ${zip.reason.code}`);
  const read = readOoxmlDirect(buf, zip.entries);
  if (!read.ok) throw new Error(`direct reader declined: ${read.why}`);
  sheets = read.grids.length;
} else sheets = readWorkbook(buf).SheetNames.length;
const ms = performance.now() - t0;
process.stdout.write(`@@RESULT ${JSON.stringify({ ms, sheets })}\n`);
