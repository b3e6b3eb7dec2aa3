// Builds the bundles with esbuild. Each host gets one self-contained file.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
