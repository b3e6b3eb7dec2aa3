// Code-health figures of packages/core for closing notes: module-level caches, `as` casts,
// names exported by the public index, and the longest functions. Run: node scripts/core-metrics.mjs
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");
const src = join(root, "packages", "core", "src");
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith(".ts")) files.push(p);
  }
})(src);

const CACHE_CTOR = /^(Map|WeakMap|Set|WeakSet|GenerationMemo|TextMemo)$/;
const MEMO_CALL = /^(memoByText|memo\w*)$/;
let casts = 0;
const cacheFiles = new Map();
const functions = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const rel = relative(src, file);
  const line = (pos) => sf.getLineAndCharacterOfPosition(pos).line;
  // Module-level `const x = new Map()` (or a memo) that is written to at run time: a cache.
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (!init) continue;
      const isCtor = ts.isNewExpression(init) && CACHE_CTOR.test(init.expression.getText(sf)) && (init.arguments?.length ?? 0) === 0;
      const isMemo = ts.isCallExpression(init) && MEMO_CALL.test(init.expression.getText(sf));
      const isBounded = ts.isNewExpression(init) && /^(GenerationMemo|TextMemo)$/.test(init.expression.getText(sf));
      if (isCtor || isMemo || isBounded) {
        const list = cacheFiles.get(rel) ?? [];
        list.push(d.name.getText(sf));
        cacheFiles.set(rel, list);
      }
    }
  }
  const visit = (node) => {
    if (ts.isAsExpression(node) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(sf) === "const")) casts++;
    if (ts.isTypeAssertionExpression?.(node)) casts++;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isGetAccessor(node)) {
      if (node.body) {
        let name = node.name?.getText(sf);
        if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText(sf);
        if (!name && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText(sf);
        const lines = line(node.end) - line(node.getStart(sf)) + 1;
        functions.push({ name: name ?? "(anonymous)", file: rel, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// Names the public index exports, resolved through `export *`.
const program = ts.createProgram([join(src, "index.ts")], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, allowImportingTsExtensions: true });
const checker = program.getTypeChecker();
const index = program.getSourceFile(join(src, "index.ts"));
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(index)).map((s) => s.getName()).sort();

functions.sort((a, b) => b.lines - a.lines);
const out = {
  cacheFiles: [...cacheFiles].map(([file, names]) => ({ file, names })),
  cacheFileCount: cacheFiles.size,
  asCasts: casts,
  exportedNames: exported.length,
  longestFunctions: functions.slice(0, 5),
};
if (process.argv.includes("--names")) out.exported = exported;
console.log(JSON.stringify(out, null, 2));
