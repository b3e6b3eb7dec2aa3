#!/usr/bin/env node
/**
 * `npm run push:sheets`: builds the Google Sheets add-on into dist/sheets and uploads it with
 * clasp (a dev dependency) to the Apps Script project named in .clasp.json, which each
 * developer or consultant creates for their own script (it is git-ignored; .clasp.json.example
 * shows the shape). `npm run push:sheets -- --status` lists what would be pushed, offline.
 *
 *   npm run push:sheets [-- --status] [-- --project DIR]
 *
 * --project DIR: the folder holding .clasp.json (default: the repository); dist/sheets is built
 * under it, since clasp only pushes from inside its project folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSheets } from "../packages/sheets-addon/build.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--project");
const project = at >= 0 ? resolve(args[at + 1] ?? ".") : root;
const statusOnly = args.includes("--status");

function fail(message) {
  console.error(`push:sheets: ${message}`);
  process.exit(2);
}

const claspFile = join(project, ".clasp.json");
if (!existsSync(claspFile)) {
  fail(
    `no .clasp.json in ${project}. Copy .clasp.json.example to .clasp.json and paste your Script ID ` +
      `(Apps Script editor → Project Settings → IDs), or run "npx clasp create-script --type sheets --rootDir dist/sheets" (README, "Push with clasp").`,
  );
}
let config;
try {
  config = JSON.parse(readFileSync(claspFile, "utf8"));
} catch (e) {
  fail(`.clasp.json is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
}
if (typeof config.scriptId !== "string" || config.scriptId === "" || config.scriptId.includes("PASTE")) fail(".clasp.json has no scriptId: paste your script's ID into it.");
if (config.rootDir !== "dist/sheets") fail(`.clasp.json's rootDir must be "dist/sheets" (it is ${JSON.stringify(config.rootDir)}).`);

await buildSheets(join(project, "dist", "sheets"));
const clasp = join(root, "node_modules", ".bin", process.platform === "win32" ? "clasp.cmd" : "clasp");
const command = statusOnly ? ["show-file-status", "--json"] : ["push", "--force"];
const run = spawnSync(clasp, command, { cwd: project, stdio: "inherit" });
if (run.error) fail(`could not run clasp (${run.error.message}); is npm ci done?`);
process.exit(run.status ?? 1);
