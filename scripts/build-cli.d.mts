/** Types of build-cli.mjs for the tests that build the CLI bundles into a folder of their own. */
import type { Metafile } from "esbuild";

export const CLI_BUNDLE: "pmark.cjs";
export const TEMPLATE_BUNDLE: "pmark-template.cjs";
export function buildCli(
  root: string,
  outdir?: string,
): Promise<{ cli: string; template: string; metafiles: { cli: Metafile; template: Metafile } }>;
