import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The boundaries of ARCHITECTURE.md (invariant 10), held by lint rather than by memory.
const noDatabaseInPages = {
  group: ["@/db", "@/db/*", "@/db/**"],
  message: "app/ and components/ reach the database only through a service in lib/<module>.",
};
const noUiInDomain = {
  group: ["@/app/**", "@/components", "@/components/**"],
  message: "lib/ is the domain: it must not depend on pages or components.",
};

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data*/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabaseInPages] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUiInDomain] }] },
  },
];

export default config;
