// Builds the bundles with esbuild. Each host gets one self-contained file.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildExcel } from "./build-excel.mjs";
import { buildSheets } from "../packages/sheets-addon/build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const targets = {
  cli: async () => {
    mkdirSync(join(root, "packages/cli/dist"), { recursive: true });
    await build({
      entryPoints: [join(root, "packages/cli/src/main.ts")],
      outfile: join(root, "packages/cli/dist/pmark.cjs"),
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      banner: { js: "#!/usr/bin/env node" },
      legalComments: "none",
      logLevel: "warning",
    });
  },
  excel: () => buildExcel(root),
  // Google Sheets add-on: dist/sheets (Code.js, Sidebar.html, appsscript.json) for `clasp push`.
  sheets: () => buildSheets(join(root, "dist", "sheets")),
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(targets)) {
  const run = targets[name];
  if (!run) {
    console.error(`unknown build target: ${name}`);
    process.exit(2);
  }
  await run();
}
