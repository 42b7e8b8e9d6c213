import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agencySeeds } from "@/db/seed/agencies";
import { lookupSchema } from "@/lib/dossiers/schema";

const localesDir = path.join(process.cwd(), "locales");
const codePattern = /\d{3}\.\d{2}\.\d{2}\.[HG]\d{2}-\d{6}-\d{4}/g;

describe("example dossier codes in the text", () => {
  const examples = fs.readdirSync(localesDir).flatMap((lang) =>
    fs.readdirSync(path.join(localesDir, lang)).flatMap((file) => {
      const text = fs.readFileSync(path.join(localesDir, lang, file), "utf8");
      return [...text.matchAll(codePattern)].map((match) => ({ where: `${lang}/${file}`, code: match[0] }));
    }),
  );

  it("there are some (the lookup's hint and format message)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it("each names an agency of the demo province, so it looks like a code the reader could have", () => {
    const agencyCodes = new Set(agencySeeds.map((a) => a.code));
    for (const { where, code } of examples) {
      expect([where, agencyCodes.has(code.split("-")[0]!)]).toEqual([where, true]);
      expect(lookupSchema.safeParse({ code }).success).toBe(true);
    }
  });
});
