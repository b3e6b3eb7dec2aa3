import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "node_modules/**", "coverage/**", "templates/**", "bench/.cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", setTimeout: "readonly", clearTimeout: "readonly", __filename: "readonly", __dirname: "readonly", require: "readonly", module: "writable" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
      "no-irregular-whitespace": "off",
    },
  },
  {
    // A spread into a call's arguments puts every element on the stack: over a list as long as
    // the input (findings, rows, files) it throws RangeError past about 120,000 elements.
    // Loop instead, or cap the list first; a short fixed list may say so with a disable comment.
    files: ["packages/*/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: "Math.max/min(...list) overflows the stack on long lists: loop, or reduce.",
        },
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
          message: "push(...list) overflows the stack on long lists: loop over the list.",
        },
        {
          selector: "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(harCode|odePoint)$/] > SpreadElement",
          message: "String.fromCharCode(...codes) overflows the stack on long lists: build the text in chunks.",
        },
      ],
    },
  },
  {
    // Core runs in browsers and Apps Script: no Node modules.
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "os", "child_process", "worker_threads"], message: "core must stay host-neutral" }] }],
    },
  },
);
