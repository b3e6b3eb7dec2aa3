#!/usr/bin/env node
/**
 * Regenerates the standard templates (`npm run templates`):
 *
 *   templates/profiles/<id>.json        every built-in profile (jisq15001, ppc-datamap,
 *                                       isms-asset, qualitative), as JSON (from core)
 *   templates/<profile>-ja.xlsx         one Japanese and one English template for every
 *   templates/<profile>-en.xlsx         profile file in templates/profiles/
 *
 * The workbooks are written by the CLI itself (`pmark template --profile FILE --lang L --out F`),
 * so what is committed is exactly what a consultant's `pmark template` gives. Output is
 * byte-identical from run to run. tests/templates/committed.test.ts fails when a committed
 * template no longer matches its profile (it compares the fingerprint in the hidden sheet).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const profilesDir = join(root, "templates", "profiles");
const cli = join(root, "packages", "cli", "dist", "pmark.cjs");

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || r.stdout);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

// 1. The built-in profiles from core's source (bundled on the fly: core is TypeScript).
const bundled = await build({
  entryPoints: [join(root, "packages", "core", "src", "profile", "builtin", "index.ts")],
  bundle: true,
  format: "esm",
  platform: "neutral",
  write: false,
  logLevel: "warning",
});
const { BUILTIN_PROFILE_IDS, resolveBuiltinProfile } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
for (const id of BUILTIN_PROFILE_IDS) {
  writeFileSync(join(profilesDir, `${id}.json`), `${JSON.stringify(resolveBuiltinProfile(id), null, 2)}\n`);
}

// 2. The CLI, then one template per profile file and language.
run([join(root, "scripts", "build.mjs"), "cli"]);
for (const file of readdirSync(profilesDir).filter((f) => f.endsWith(".json")).sort()) {
  const name = basename(file, ".json");
  for (const lang of ["ja", "en"]) {
    const out = join(root, "templates", `${name}-${lang}.xlsx`);
    run([cli, "template", "--profile", join(profilesDir, file), "--lang", lang, "--out", out]);
    console.log(`wrote ${relative(root, out)}`);
  }
}
