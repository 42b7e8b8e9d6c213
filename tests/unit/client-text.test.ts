import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "@/lib/i18n/instance";
import { translator } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";

describe("the strings a client component is given (getMessages)", () => {
  it("holds the keys and groups asked for, in one language only", () => {
    const en = getMessages("en", ["auth:signIn", "common:errorTitlePrefix"]);
    expect(en["auth:signIn.title"]).toBe(createI18n("en").t("auth:signIn.title"));
    expect(en["common:errorTitlePrefix"]).toBe("Error");
    expect(en["auth:signUp.title"]).toBeUndefined();
    expect(Object.values(en)).not.toContain(createI18n("vi").t("auth:signIn.title"));
  });

  it("keeps a key's plural forms", () => {
    const en = getMessages("en", ["auth:signIn.tooManyAttempts"]);
    expect(Object.keys(en).sort()).toEqual([
      "auth:signIn.tooManyAttempts_one",
      "auth:signIn.tooManyAttempts_other",
    ]);
  });
});

describe("the browser's translator gives what i18next gives on the server", () => {
  const cases: [string, Record<string, unknown>?][] = [
    ["signIn.title"],
    ["auth:signIn.tooManyAttempts", { count: 1 }],
    ["auth:signIn.tooManyAttempts", { count: 5 }],
    ["forms:errors.minLength", { minLength: 3 }],
    ["forms:errors.required"],
  ];
  it.each(["vi", "en"] as const)("in %s", (lang) => {
    const t = translator(lang, getMessages(lang, ["auth:signIn", "forms:errors"]), "auth");
    const server = createI18n(lang).getFixedT(lang, "auth");
    for (const [key, options] of cases) expect(t(key, options)).toBe(server(key, options));
  });

  it("gives the key for a string it was not given", () => {
    expect(translator("en", {}, "forms")("errors.required")).toBe("errors.required");
  });
});

describe("client components", () => {
  const root = path.resolve(__dirname, "../..");
  const files = (dir: string): string[] =>
    fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : /\.tsx?$/.test(entry.name)
            ? [path.join(dir, entry.name)]
            : [],
      );
  const clientFiles = [...files("app"), ...files("components")].filter((file) =>
    /^["']use client["']/.test(fs.readFileSync(path.join(root, file), "utf8")),
  );

  it.each(clientFiles)("%s brings no i18next and no locale files to the browser", (file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    expect(source).not.toMatch(
      /from "(i18next|react-i18next|@\/lib\/i18n\/(server|instance|resources)|@\/locales\/[^"]*)"/,
    );
  });
});
