import pkg from "../package.json";

/** The CLI's version, from packages/cli/package.json (bundled in by esbuild). */
export const VERSION: string = pkg.version;
