/** Types of build-excel.mjs for the tests that build the add-in into a folder of their own. */
export const DEV_BASE_URL: "https://localhost:3000/";
export function normaliseBaseUrl(text: string): string;
export function buildExcel(root: string, outdir?: string, options?: { baseUrl?: string }): Promise<string>;
