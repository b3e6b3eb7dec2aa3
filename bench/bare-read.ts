/**
 * The floor for `pmark check`: read one .xlsx with @e965/xlsx exactly as the CLI does
 * (`readWorkbook`: same options, console muted), and nothing else. bench/run.mjs bundles it
 * the way pmark.cjs is bundled (SheetJS inside) and times the whole process.
 *
 *   node bench/.cache/dist/bare-read.cjs FILE
 */
import { readFileSync } from "node:fs";
import { readWorkbook } from "../packages/cli/src/load/sheetjs";

const file = process.argv[2];
if (!file) throw new Error("usage: bare-read FILE");
const t0 = performance.now();
const wb = readWorkbook(readFileSync(file));
const ms = performance.now() - t0;
process.stdout.write(`@@RESULT ${JSON.stringify({ ms, sheets: wb.SheetNames.length })}\n`);
