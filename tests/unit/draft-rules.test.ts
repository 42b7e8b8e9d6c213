import { describe, expect, it } from "vitest";
import { missingDocuments } from "@/lib/dossiers/rules";
import { answerMaxLength, fieldSchema } from "@/lib/forms/schema";
import type { FormField } from "@/lib/forms/types";
import { hardBodyLimitBytes, maxPostBytes } from "@/lib/files/limits";
import { refuseOversizedPost } from "@/lib/files/tooLarge";
import viDossiers from "@/locales/vi/dossiers.json";
import enDossiers from "@/locales/en/dossiers.json";

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

describe("refuseOversizedPost (a body Next could not read whole)", () => {
  const request = (method: string, length: number, pathname: string) => ({
    method,
    headers: new Headers({ "content-length": String(length) }),
    nextUrl: { pathname },
  });

  it("answers a post over the hard limit with a 413 page in the page's language", async () => {
    const vi = refuseOversizedPost(request("POST", hardBodyLimitBytes + 1, "/vi/dossiers/drafts/x"))!;
    expect(vi.status).toBe(413);
    const html = await vi.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain(viDossiers.tooLarge.title);
    expect(html).toContain('href="/vi/dossiers/drafts/x"');
    const en = refuseOversizedPost(request("POST", hardBodyLimitBytes + 1, "/en/dossiers/drafts/x"))!;
    expect(await en.text()).toContain(enDossiers.tooLarge.title);
  });

  it("sits above the portal's own limit per save, which the action enforces with the answers kept", () => {
    expect(hardBodyLimitBytes).toBeGreaterThan(maxPostBytes + 5 * 1024 * 1024);
  });

  it("lets everything else through", () => {
    expect(refuseOversizedPost(request("POST", hardBodyLimitBytes, "/vi/dossiers/drafts/x"))).toBeNull();
    expect(refuseOversizedPost(request("GET", hardBodyLimitBytes + 1, "/vi"))).toBeNull();
  });
});
