/** Types of check-excel-dist.mjs for the manifest tests. */
export function manifestUrls(xml: string): { element: string; id: string | null; url: string }[];
export function checkExcelDist(dist: string): string[];
