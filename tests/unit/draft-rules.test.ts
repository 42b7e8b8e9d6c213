import { describe, expect, it } from "vitest";
import { missingDocuments } from "@/lib/dossiers/rules";
import { answerMaxLength, fieldSchema } from "@/lib/forms/schema";
import type { FormField } from "@/lib/forms/types";

describe("missingDocuments (the one rule for save and submit)", () => {
  const documents = [
    { key: "birth_notice", required: true },
    { key: "marriage", required: false },
    { key: "id_card", required: true },
  ];

  it.each([
    { attached: [], missing: ["doc_birth_notice", "doc_id_card"] },
    { attached: ["marriage"], missing: ["doc_birth_notice", "doc_id_card"] },
    { attached: ["id_card", "id_card"], missing: ["doc_birth_notice"] },
    { attached: ["birth_notice", "id_card"], missing: [] },
    { attached: ["unknown"], missing: ["doc_birth_notice", "doc_id_card"] },
  ])("with files for $attached, misses $missing, in the list's order", ({ attached, missing }) => {
    const issues = missingDocuments(documents, attached);
    expect(Object.keys(issues)).toEqual(missing);
    for (const field of missing) expect(issues[field]).toEqual(["errors.documentRequired"]);
  });
});

describe("answerMaxLength (what a draft may keep)", () => {
  const field = (overrides: Partial<FormField>): FormField => ({
    name: "x",
    type: "text",
    label: { vi: "x", en: "x" },
    required: false,
    ...overrides,
  });

  it.each([
    { field: field({ type: "text", maxLength: 100 }), limit: 100 },
    { field: field({ type: "text" }), limit: 500 },
    { field: field({ type: "textarea" }), limit: 5000 },
    { field: field({ type: "tel" }), limit: 200 },
    { field: field({ type: "date" }), limit: 200 },
  ])("$field.type (maxLength $field.maxLength): $limit", ({ field, limit }) => {
    expect(answerMaxLength(field)).toBe(limit);
  });

  it("is the limit the schema checks for text: one more character is refused, that many are not", () => {
    for (const f of [field({ type: "text", maxLength: 20 }), field({ type: "textarea" })]) {
      const limit = answerMaxLength(f);
      expect(fieldSchema(f).safeParse("a".repeat(limit)).success).toBe(true);
      expect(fieldSchema(f).safeParse("a".repeat(limit + 1)).success).toBe(false);
    }
  });
});
