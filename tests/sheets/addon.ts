/**
 * Loads the BUILT add-on (dist/sheets/Code.js, rebuilt once per test file) into a node:vm
 * context whose globals are the fakes, the way Apps Script runs a project: one global scope,
 * the file executed top to bottom, then top-level functions called by name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { buildSheets } from "../../packages/sheets-addon/build.mjs";
import type { Fakes } from "./fake-gas";

export const DIST = join(__dirname, "..", "..", "dist", "sheets");

let built: Promise<string> | null = null;

/** Builds dist/sheets once for this test file and returns Code.js. */
export function builtCode(): Promise<string> {
  built ??= buildSheets().then(() => readFileSync(join(DIST, "Code.js"), "utf8"));
  return built;
}

/** The add-on's globals: every top-level function of Code.js. */
export type Addon = Record<string, (...args: unknown[]) => unknown>;

export function loadAddon(code: string, fakes: Fakes): Addon {
  const context = vm.createContext({ ...fakes.services, __clock: fakes.ss.clock });
  // Apps Script's clock, under the test's control (reads advance it in the time-limit tests).
  vm.runInContext("Date.now = function () { return __clock.now; };", context);
  vm.runInContext(code, context, { filename: "Code.js" });
  return context as unknown as Addon;
}

function assertNoDate(value: unknown, path = "$"): void {
  if (Object.prototype.toString.call(value) === "[object Date]") throw new Error(`google.script.run cannot carry a Date (${path})`);
  if (typeof value === "function") throw new Error(`google.script.run cannot carry a function (${path})`);
  if (Array.isArray(value)) value.forEach((v, i) => assertNoDate(v, `${path}[${i}]`));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) assertNoDate(v, `${path}.${k}`);
}

/** What the sidebar receives: google.script.run's plain-data copy (no Date, no function). */
export function overTheWire<T>(value: T): T {
  assertNoDate(value);
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
