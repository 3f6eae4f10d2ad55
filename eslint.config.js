import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/coverage/**",
      "**/test-artifacts/**",
      "apps/server/drizzle/**",
      "data/**",
      "apps/mobile/.expo/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
      "no-control-regex": "off",
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // Metro, Babel and Jest load these CommonJS files from the Expo app with require().
    files: ["apps/mobile/*.config.js", "apps/mobile/test/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: [
      "**/scripts/**",
      "**/cli/**",
      "bench/**",
      "ops/**",
      "**/*.test.ts",
      "**/test/**",
      "**/e2e/**",
    ],
    // Tests read JSON bodies whose shape the assertions check, so `any` is allowed there.
    rules: { "no-console": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
