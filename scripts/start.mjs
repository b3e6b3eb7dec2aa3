// `npm start`: build the CLI and check the bundled sample workbook. The sample has planted
// defects, so pmark exits 1 (errors found); that is the expected outcome here, not a failure.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const built = spawnSync(node, [join(root, "scripts/build.mjs"), "cli"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);
const sample = join("templates", "samples", "個人情報管理台帳_サンプル.xlsx");
const args = process.argv.slice(2);
const res = spawnSync(node, [join(root, "packages/cli/dist/pmark.cjs"), "check", sample, "--today", "2025-06-30", ...args], { cwd: root, stdio: "inherit" });
process.exit(res.status === 1 ? 0 : (res.status ?? 2));
