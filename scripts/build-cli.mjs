// The `pmark` command (packages/cli/dist, or $PMARK_CLI_OUTDIR): two CommonJS bundles.
//
//   pmark.cjs           the command and the check worker threads (core and SheetJS bundled in)
//   pmark-template.cjs  the template writer (packages/cli/src/template-xlsx.ts, ExcelJS bundled in)
//
// ExcelJS is most of the code by size, and only `pmark template` uses it: kept in its own file,
// it is not parsed and compiled by every `pmark check` process and every worker thread. The
// `import("./template-xlsx")` in template.ts becomes a require of pmark-template.cjs from the
// directory pmark.cjs really lives in (symlinks resolved, as for the npm `bin` link), so the two
// files must be shipped side by side. Vitest runs the TypeScript sources, where that import
// stays an ordinary dynamic import of the module.
import { build } from "esbuild";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";

export const CLI_BUNDLE = "pmark.cjs";
export const TEMPLATE_BUNDLE = "pmark-template.cjs";

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
};

/** Resolves template.ts's `./template-xlsx` to a run-time require of pmark-template.cjs. */
const templateOutside = {
  name: "pmark-template-outside",
  setup(b) {
    b.onResolve({ filter: /^\.\/template-xlsx$/ }, (args) => {
      if (!/[\\/]packages[\\/]cli[\\/]src[\\/]template\.ts$/.test(args.importer)) return undefined;
      return { path: TEMPLATE_BUNDLE, namespace: "pmark-template-outside" };
    });
    b.onLoad({ filter: /.*/, namespace: "pmark-template-outside" }, () => ({
      // __filename is the bundle's own file; realpath in case node was told to keep a symlink's path.
      contents:
        'const { realpathSync } = require("node:fs");\n' +
        'const { dirname, join } = require("node:path");\n' +
        `module.exports = require(join(dirname(realpathSync(__filename)), ${JSON.stringify(TEMPLATE_BUNDLE)}));\n`,
      loader: "js",
    }));
  },
};

/**
 * Builds both bundles into outdir and returns their paths and esbuild metafiles
 * (for `analyzeMetafile`, or to see what each bundle holds).
 */
export async function buildCli(root, outdir = process.env.PMARK_CLI_OUTDIR || join(root, "packages/cli/dist")) {
  mkdirSync(outdir, { recursive: true });
  const cli = join(outdir, CLI_BUNDLE);
  const template = join(outdir, TEMPLATE_BUNDLE);
  const [main, writer] = await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, "packages/cli/src/main.ts")],
      outfile: cli,
      banner: { js: "#!/usr/bin/env node" },
      plugins: [templateOutside],
      metafile: true,
    }),
    build({
      ...common,
      entryPoints: [join(root, "packages/cli/src/template-xlsx.ts")],
      outfile: template,
      metafile: true,
    }),
  ]);
  // Executable, so the `bin` link (node_modules/.bin/pmark) runs it after a fresh build too:
  // npm sets the mode only at install time, when dist may not exist yet.
  chmodSync(cli, 0o755);
  return { cli, template, metafiles: { cli: main.metafile, template: writer.metafile } };
}
