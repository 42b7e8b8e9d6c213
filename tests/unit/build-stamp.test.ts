import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDecision, listSourceFiles, sourceStamp, writeStamp } from "../../scripts/build-stamp.mjs";

/*
 * `npm start` rebuilds only when what the build reads changed (scripts/build-stamp.mjs). A small
 * tree stands in for the checkout: the decision reads the files, never git.
 */

let root: string;
const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-stamp-"));
  write("app/[lang]/page.tsx", "export default function Page() { return null; }\n");
  write("lib/dossiers/rules.ts", "export const x = 1;\n");
  write("locales/vi/common.json", '{"a":"Xin chào"}\n');
  write("db/migrations/0000_init.sql", "create table t (id int);\n");
  write("proxy.ts", "export function proxy() {}\n");
  write("package.json", '{"name":"p"}\n');
  write("package-lock.json", '{"lockfileVersion":3,"packages":{"node_modules/a":{"dev":true}}}\n');
  write("tsconfig.json", '{"compilerOptions":{"strict":true},"include":["**/*.ts"]}\n');
  // A build made from this tree.
  write(".next/BUILD_ID", "abc\n");
  writeStamp(root, ".next");
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("build decision", () => {
  it("builds when there is no build, or a build made by hand without a stamp", () => {
    expect(buildDecision(root, ".next-other")).toEqual({ build: true, reason: "no-build" });
    fs.rmSync(path.join(root, ".next", "portal-source-stamp"));
    expect(buildDecision(root, ".next")).toEqual({ build: true, reason: "changed" });
  });

  it("does not rebuild the same tree, nor one only touched (same content, new time)", () => {
    expect(buildDecision(root, ".next")).toEqual({ build: false });
    const file = path.join(root, "lib/dossiers/rules.ts");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(buildDecision(root, ".next")).toEqual({ build: false });
  });

  it("rebuilds when a source file changes, appears or goes", () => {
    write("lib/dossiers/rules.ts", "export const x = 2;\n");
    expect(buildDecision(root, ".next")).toEqual({ build: true, reason: "changed" });
    writeStamp(root, ".next");
    write("components/ui/New.tsx", "export {};\n");
    expect(buildDecision(root, ".next").build).toBe(true);
    writeStamp(root, ".next");
    fs.rmSync(path.join(root, "components/ui/New.tsx"));
    expect(buildDecision(root, ".next").build).toBe(true);
    writeStamp(root, ".next");
    write("locales/vi/common.json", '{"a":"Xin chào!"}\n');
    expect(buildDecision(root, ".next").build).toBe(true);
  });

  it("rebuilds when the lock file changes (another version of a dependency)", () => {
    write("package-lock.json", '{"lockfileVersion":3,"packages":{"node_modules/a":{"devOptional":true}}}\n');
    expect(buildDecision(root, ".next")).toEqual({ build: true, reason: "changed" });
  });

  it("does not rebuild for untracked junk, tests or a tsconfig.json only laid out anew", () => {
    write(".data/pglite/base/1", "data");
    write(".data/pglite.lock", "{}");
    write(".next/cache/x", "cache");
    write(".next-e2e/BUILD_ID", "other");
    write("node_modules/next/package.json", "{}");
    write("test-results/trace.zip", "zip");
    write("tests/unit/new.test.ts", "test");
    write("README.md", "# changed");
    write(
      "tsconfig.json",
      '{\n  "compilerOptions": {\n    "strict": true\n  },\n  "include": [\n    "**/*.ts"\n  ]\n}\n',
    );
    expect(buildDecision(root, ".next")).toEqual({ build: false });
  });

  it("rebuilds when a NEXT_PUBLIC_ setting (inlined by the build) changes", () => {
    const stamp = sourceStamp(root, {});
    expect(sourceStamp(root, { NEXT_PUBLIC_X: "1", OTHER: "y" })).not.toBe(stamp);
    expect(sourceStamp(root, { OTHER: "y" })).toBe(stamp);
  });
});

describe("on this checkout", () => {
  it("covers the app's source and hashes it in well under a second", () => {
    const repo = path.resolve(import.meta.dirname, "../..");
    const started = performance.now();
    const files = listSourceFiles(repo);
    sourceStamp(repo);
    const elapsed = performance.now() - started;
    expect(files).toContain("package-lock.json");
    expect(files).toContain("proxy.ts");
    expect(files.some((file) => file.startsWith("app/"))).toBe(true);
    expect(files.some((file) => /^(\.|node_modules|tests)/.test(file))).toBe(false);
    expect(elapsed).toBeLessThan(500);
  });
});
