/** Types of build.mjs for the tests that build before they load the bundle. */
export function buildServer(): Promise<{ code: string; names: string[] }>;
export function buildSidebar(): Promise<string>;
export function escapeInline(text: string, tag: string): string;
export function buildSheets(outDir?: string): Promise<{ outDir: string; globals: string[] }>;
