// Type-aware lint for every workspace. Rules that encode our standards:
// no default exports, type-only imports, and I/O modules (fs, undici, inquirer) only at the edges.
import js from "@eslint/js";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

const ioModules = [
  "node:fs",
  "node:fs/promises",
  "fs",
  "fs/promises",
  "undici",
  "@inquirer/prompts",
  "@napi-rs/keyring",
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/fixtures/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "never" }],
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
      ],
    },
  },
  {
    // The pure core: strings in, strings out. I/O, Node's modules and the clock live in src/node/
    // (tsconfig.pure.json checks the same from the types side).
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/node/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...new Set([...ioModules, ...builtinModules])].map((name) => ({
            name,
            message: "The pure core imports no Node module: I/O and Node APIs belong in core/src/node.",
          })),
          patterns: [
            {
              group: ["node:*"],
              message: "The pure core imports no Node module: it belongs in core/src/node.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["process", "Buffer", "setTimeout", "setInterval", "setImmediate", "clearTimeout"].map((name) => ({
          name,
          message:
            "Not in the pure core: take a port (Clock, HttpPort) from the caller; Node's lives in core/src/node.",
        })),
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
        {
          selector: ":not(TSLiteralType) > Literal[value='USAGE']",
          message: "Core names domain failures (INVALID_URL, INVALID_EDIT…); USAGE is the apps' code.",
        },
      ],
    },
  },
  {
    // Only bin.ts touches `process`: everything else takes env, cwd, terminals, stdin and signals from
    // the context bin builds (apps/*/src/bin.ts; tests build their own).
    files: ["apps/*/src/**/*.ts"],
    ignores: ["**/bin.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "only bin.ts touches process; take it from the context" },
      ],
      "no-restricted-imports": [
        "error",
        ...["node:process", "process"].map((name) => ({
          name,
          message: "only bin.ts touches process; take it from the context",
        })),
      ],
    },
  },
  {
    // Rule 5 (ARCHITECTURE.md): hub-setup's commands reach files, the OS and other processes only
    // through src/adapters/ (typed by ports.ts), so tests can hand them fakes. Repeats the rule above
    // for `process`: a later block's no-restricted-imports replaces, not adds to, an earlier one.
    files: ["apps/hub-setup/src/commands/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["node:process", "process"].map((name) => ({
              name,
              message: "only bin.ts touches process; take it from the context",
            })),
            ...["fs", "fs/promises", "child_process"].flatMap((m) =>
              [`node:${m}`, m].map((name) => ({
                name,
                message: "commands reach I/O only through src/adapters/ (ARCHITECTURE.md rule 5)",
              })),
            ),
            ...["node:os", "os"].map((name) => ({
              name,
              importNames: ["homedir", "tmpdir", "userInfo", "hostname"],
              message: "commands reach the OS only through src/adapters/ (home.ts, files.ts)",
            })),
          ],
        },
      ],
    },
  },
  {
    // CommonJS: the checker's launcher (apps/hub-token-check/bin/), which loads with require().
    files: ["**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: "commonjs",
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
);
