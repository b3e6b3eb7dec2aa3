/** Types of pane-server.mjs for the browser tests. */
export const OFFICE_STUB: string;
export function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }>;
