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

/*
 * Each module reads and writes its own tables (db/schema/<module>.ts); another module's data comes
 * through that module's functions. Agencies are reference data every module may join for names.
 * Read models may join across modules and say so in their first comment: the reports, and the
 * dossier views (queries.ts, reads.ts, interagency.ts), which join procedure and officer names.
 */
const tablesOf = {
  audit: ["audit"],
  calendar: ["calendar"],
  catalog: ["catalog"],
  decisions: ["decisions"],
  dossiers: ["dossiers", "attachments"],
  // The actor carries the person's organisation memberships (read at sign-in and on each request).
  identity: ["identity", "organisations"],
  // The officials' workspace: meetings (bodies, opinion forms, meetings, minutes) and the tasks
  // that follow their conclusions share one schema file; tasks record events through lib/meetings.
  meetings: ["workspace"],
  notify: ["notify"],
  organisations: ["organisations"],
  payments: ["payments"],
  places: ["places"],
  reports: ["reports"],
  tasks: ["workspace"],
};
const sharedTables = ["agencies"];
const readModels = [
  "lib/reports/**",
  "lib/dossiers/queries.ts",
  "lib/dossiers/reads.ts",
  "lib/dossiers/interagency.ts",
];
const allTables = [...new Set(Object.values(tablesOf).flat())];
const moduleBoundaries = Object.entries(tablesOf).map(([module, own]) => ({
  files: [`lib/${module}/**/*.{ts,tsx}`],
  ignores: readModels,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: ["@/db/schema", "@/db/schema/index"].map((name) => ({
          name,
          message: "Import a module's own tables from @/db/schema/<module>, so the boundary shows.",
        })),
        patterns: [
          noUiInDomain,
          {
            group: allTables
              .filter((t) => !own.includes(t) && !sharedTables.includes(t))
              .map((t) => `@/db/schema/${t}`),
            message: `lib/${module} reads another module's tables only through that module's functions (ARCHITECTURE invariant 10).`,
          },
        ],
      },
    ],
  },
}));

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
  ...moduleBoundaries,
];

export default config;
