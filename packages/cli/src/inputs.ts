import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { errorText, type LoadFailure } from "./load/failure";
import { SPREADSHEET_EXTENSIONS } from "./load/workbook";

/** One thing to check: a file path, or an input that already failed (an empty folder). */
export type Input = { file: string; failure?: LoadFailure };

function wanted(name: string): boolean {
  if (name.startsWith("~$") || name.startsWith(".")) return false;
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Files under a folder, depth first and sorted, as a recursive walk would list them, with an
 * explicit stack instead of recursion (a folder may be nested as deep as the file system
 * allows); symlinked folders are not followed.
 */
async function walk(root: string, out: Input[]): Promise<void> {
  const stack: { dir: string; entries: Dirent[] | null; next: number }[] = [{ dir: root, entries: null, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.entries === null) {
      try {
        top.entries = await readdir(top.dir, { withFileTypes: true });
      } catch (e) {
        out.push({ file: top.dir, failure: { code: "unreadable", detail: (e as { code?: string }).code ?? errorText(e) } });
        stack.pop();
        continue;
      }
      top.entries.sort((a, b) => byCodePoint(a.name, b.name));
    }
    const entry = top.entries[top.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    if (entry.name.startsWith(".")) continue;
    const path = join(top.dir, entry.name);
    if (entry.isDirectory()) stack.push({ dir: path, entries: null, next: 0 });
    else if (entry.isFile() && wanted(entry.name)) out.push({ file: path });
    else if (entry.isSymbolicLink() && wanted(entry.name)) {
      try {
        if ((await stat(path)).isFile()) out.push({ file: path });
      } catch {
        // a dangling link: nothing to check
      }
    }
  }
}

/**
 * Expands the command-line inputs in argument order: a file stays as given (even with another
 * extension, or missing: the loader reports it); a folder becomes its spreadsheet files.
 */
export async function expandInputs(args: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    const isDir = await stat(arg).then(
      (st) => st.isDirectory(),
      () => false,
    );
    if (!isDir) {
      out.push({ file: arg });
      continue;
    }
    const found: Input[] = [];
    await walk(arg, found);
    if (found.length === 0) out.push({ file: arg, failure: { code: "no-spreadsheets" } });
    else for (const input of found) out.push(input);
  }
  return out;
}
