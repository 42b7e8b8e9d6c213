import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { languages, namespaces } from "@/lib/i18n/settings";

/*
 * Reads the files as they are on disk (not through lib/i18n/resources.ts), so a file that exists
 * but is not registered, or a key written twice, is seen too.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const localeDir = (lang: string) => path.join(root, "locales", lang);
const readText = (lang: string, namespace: string) =>
  fs.readFileSync(path.join(localeDir(lang), `${namespace}.json`), "utf8");

/** Nested keys joined with dots, as i18next addresses them. */
function flatten(value: unknown, prefix = ""): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { [prefix]: value };
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    Object.assign(out, flatten(inner, prefix ? `${prefix}.${key}` : key));
  return out;
}

const flat = (lang: string, namespace: string) => flatten(JSON.parse(readText(lang, namespace)));

/** JSON.parse keeps the last of two equal keys without a word; a merge of two edits does that easily. */
function duplicateKeys(text: string): string[] {
  const stack: { keys: Set<string> | null; path: string; expectKey: boolean }[] = [];
  const duplicates: string[] = [];
  let lastKey = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) duplicates.push(top.path ? `${top.path}.${key}` : key);
        top.keys.add(key);
        top.expectKey = false;
        lastKey = key;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      const parent = stack.at(-1);
      const here = parent
        ? parent.keys
          ? parent.path
            ? `${parent.path}.${lastKey}`
            : lastKey
          : parent.path
        : "";
      stack.push({ keys: c === "{" ? new Set() : null, path: here, expectKey: c === "{" });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
    }
  }
  return duplicates;
}

/** {{name}} and {{name, format}} placeholders, by name. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

describe("locale files", () => {
  it("exist for every registered namespace in every language, and no others", () => {
    for (const lang of languages) {
      const files = fs
        .readdirSync(localeDir(lang))
        .filter((name) => name.endsWith(".json"))
        .map((name) => name.slice(0, -".json".length))
        .sort();
      expect(files, lang).toEqual([...namespaces].sort());
    }
  });

  it.each(languages.flatMap((lang) => namespaces.map((namespace) => [lang, namespace] as const)))(
    "%s/%s.json writes no key twice",
    (lang, namespace) => {
      expect(duplicateKeys(readText(lang, namespace))).toEqual([]);
    },
  );

  describe.each(namespaces)("%s", (namespace) => {
    const vi = flat("vi", namespace);
    const en = flat("en", namespace);

    it("has exactly the same keys in vi and en", () => {
      const viOnly = Object.keys(vi).filter((key) => !(key in en));
      const enOnly = Object.keys(en).filter((key) => !(key in vi));
      expect({ viOnly, enOnly }).toEqual({ viOnly: [], enOnly: [] });
    });

    it("has only non-empty strings", () => {
      const bad = languages.flatMap((lang) =>
        Object.entries(lang === "vi" ? vi : en)
          .filter(([, value]) => typeof value !== "string" || value.trim() === "")
          .map(([key, value]) => `${lang}:${key}=${JSON.stringify(value)}`),
      );
      expect(bad).toEqual([]);
    });

    it("uses the same {{placeholders}} in both languages", () => {
      const mismatched = Object.keys(vi)
        .filter((key) => typeof vi[key] === "string" && typeof en[key] === "string")
        .map((key) => ({ key, vi: placeholders(vi[key] as string), en: placeholders(en[key] as string) }))
        .filter((entry) => entry.vi.join() !== entry.en.join());
      expect(mismatched).toEqual([]);
    });

    // English needs both forms, or one of them shows the bare key.
    it("gives every plural both its _one and _other forms", () => {
      const problems: string[] = [];
      for (const key of Object.keys(en)) {
        const match = /^(.*)_(one|other)$/.exec(key);
        if (!match) continue;
        const [, base, form] = match;
        const sibling = `${base}_${form === "one" ? "other" : "one"}`;
        if (!(sibling in en)) problems.push(`${key} without ${sibling}`);
      }
      expect(problems).toEqual([]);
    });
  });
});

/** Each schema's messages are keys in one namespace (its header comment says which). */
const schemaNamespaces: Record<string, string> = {
  "lib/identity/schema.ts": "forms",
  "lib/dossiers/schema.ts": "forms",
  "lib/decisions/schema.ts": "forms",
  "lib/forms/schema.ts": "forms",
  "lib/reports/schema.ts": "reports",
};

describe("schema messages", () => {
  it.each(Object.entries(schemaNamespaces))("every message key in %s exists in %s", (file, namespace) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const keys = [...new Set([...source.matchAll(/"(errors\.[A-Za-z]+)"/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(0);
    for (const lang of languages) {
      const strings = flat(lang, namespace);
      expect(
        keys.filter((key) => typeof strings[key] !== "string"),
        `${lang}/${namespace}`,
      ).toEqual([]);
    }
  });
});
