import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every string of a locale file, with its key path. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  }
  return [];
}

describe("the English glossary", () => {
  const dir = path.join(process.cwd(), "locales/en");
  const all = fs
    .readdirSync(dir)
    .flatMap((file) =>
      strings(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))).map(
        ([key, text]) => [`${file}:${key}`, text] as const,
      ),
    );

  it("says 'dossier' (hồ sơ), never 'application', in every English file", () => {
    const mixed = all.filter(([, text]) => /\bapplications?\b/i.test(text)).map(([where]) => where);
    expect(mixed).toEqual([]);
  });

  it("still has its words: the check reads real text", () => {
    expect(all.filter(([, text]) => /\bdossiers?\b/i.test(text)).length).toBeGreaterThan(50);
  });
});
