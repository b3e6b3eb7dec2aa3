// Builds the bundles with esbuild. Each host gets self-contained files: the add-ins one script per
// page, the CLI pmark.cjs plus pmark-template.cjs beside it (loaded only by `pmark template`).
import { analyzeMetafile } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./build-cli.mjs";
import { buildExcel } from "./build-excel.mjs";
import { buildSheets } from "../packages/sheets-addon/build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const targets = {
  // packages/cli/dist: pmark.cjs and pmark-template.cjs (the template writer, ExcelJS; see build-cli.mjs).
  cli: async () => {
    const { metafiles } = await buildCli(root);
    // PMARK_BUILD_ANALYZE=1: what each bundle is made of, largest inputs first.
    if (process.env.PMARK_BUILD_ANALYZE) {
      for (const [name, metafile] of Object.entries(metafiles)) console.log(`${name}:${await analyzeMetafile(metafile)}`);
    }
  },
  // --base-url https://host/path/: the origin the folder will be served from (default: npm run dev:excel's).
  excel: () => buildExcel(root, undefined, baseUrl ? { baseUrl } : {}),
  // Google Sheets add-on: dist/sheets (Code.js, Sidebar.html, appsscript.json) for `clasp push`.
  sheets: () => buildSheets(join(root, "dist", "sheets")),
};

const args = process.argv.slice(2);
let baseUrl = null;
const wanted = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--base-url") baseUrl = args[++i] ?? "";
  else if (a.startsWith("--base-url=")) baseUrl = a.slice("--base-url=".length);
  else wanted.push(a);
}
if (baseUrl !== null && baseUrl === "") {
  console.error("--base-url needs a URL, e.g. --base-url https://addins.example.co.jp/pmark/");
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(targets)) {
  const run = targets[name];
  if (!run) {
    console.error(`unknown build target: ${name}`);
    process.exit(2);
  }
  try {
    await run();
  } catch (e) {
    // A bad option or an incomplete build: one line that says what, never a stack trace.
    console.error(`build ${name}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
