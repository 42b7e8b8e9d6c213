import { singlePage } from "@/lib/forms/definition";
import { describe, expect, it } from "vitest";
import { buildFormSchema, todayInVietnam, validateAnswers } from "@/lib/forms/schema";
import type { FormDefinition, FormField } from "@/lib/forms/types";
import { safeCallbackUrl } from "@/lib/forms/callbackUrl";

const label = { vi: "Nhãn", en: "Label" };
const field = (overrides: Partial<FormField> & Pick<FormField, "name" | "type">): FormField => ({
  label,
  required: true,
  ...overrides,
});
const today = "2026-03-15";

function check(f: FormField, value: unknown) {
  return validateAnswers(singlePage([f]), value === undefined ? {} : { [f.name]: value }, { today });
}
const issuesOf = (f: FormField, value: unknown) => {
  const result = check(f, value);
  return result.ok ? [] : (result.issues[f.name] ?? []);
};
const valueOf = (f: FormField, value: unknown) => {
  const result = check(f, value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value[f.name];
};

describe("text and textarea", () => {
  const name = field({ name: "childName", type: "text", minLength: 2, maxLength: 5 });
  it("trims and keeps the value", () => expect(valueOf(name, "  Lan  ")).toBe("Lan"));
  it.each([undefined, "", "   ", null])("a required field left blank (%j) is required", (value) =>
    expect(issuesOf(name, value)).toEqual(["errors.required"]),
  );
  it("checks minLength and maxLength", () => {
    expect(issuesOf(name, "A")).toEqual(["errors.minLength"]);
    expect(issuesOf(name, "Nguyễn")).toEqual(["errors.maxLength"]);
  });
  it("has a default limit when none is given", () => {
    const note = field({ name: "note", type: "textarea" });
    expect(issuesOf(note, "x".repeat(5000))).toEqual([]);
    expect(issuesOf(note, "x".repeat(5001))).toEqual(["errors.tooLong"]);
  });
  it("an optional field left blank is undefined", () => {
    const note = field({ name: "note", type: "textarea", required: false });
    expect(valueOf(note, "   ")).toBeUndefined();
    expect(valueOf(note, undefined)).toBeUndefined();
  });
});

describe("email", () => {
  const email = field({ name: "email", type: "email" });
  it("accepts an address", () => expect(valueOf(email, " lan@example.vn ")).toBe("lan@example.vn"));
  it("refuses a non-address", () => expect(issuesOf(email, "lan@")).toEqual(["errors.email"]));
});

describe("tel", () => {
  const tel = field({ name: "phone", type: "tel" });
  it.each(["0912345678", "+84912345678", "0912 345 678", "0221.3123.456"])("accepts %s", (value) =>
    expect(issuesOf(tel, value)).toEqual([]),
  );
  it("stores the number without separators", () => expect(valueOf(tel, "0912 345-678")).toBe("0912345678"));
  it.each(["12345", "0012345678", "09123456789012", "phone"])("refuses %s", (value) =>
    expect(issuesOf(tel, value)).toEqual(["errors.phone"]),
  );
});

describe("number", () => {
  const count = field({ name: "copies", type: "number", min: 1, max: 10 });
  it("coerces the typed text", () => expect(valueOf(count, "3")).toBe(3));
  it("refuses what is not a number", () => expect(issuesOf(count, "three")).toEqual(["errors.number"]));
  it("checks min and max", () => {
    expect(issuesOf(count, "0")).toEqual(["errors.min"]);
    expect(issuesOf(count, "11")).toEqual(["errors.max"]);
  });
  it("a blank required number is required, not zero", () =>
    expect(issuesOf(count, "")).toEqual(["errors.required"]));
});

describe("date", () => {
  const birth = field({ name: "birthDate", type: "date", notInFuture: true });
  it("accepts today and the past", () => {
    expect(valueOf(birth, today)).toBe(today);
    expect(valueOf(birth, "2024-02-29")).toBe("2024-02-29");
  });
  it.each(["15/03/2026", "2025-02-29", "2026-13-01"])("refuses %s", (value) =>
    expect(issuesOf(birth, value)).toEqual(["errors.date"]),
  );
  // The three boxes are stored as typed, year-month-day: one-digit days and months are fine.
  it("reads the boxes as typed", () => expect(valueOf(birth, "2026-3-1")).toBe("2026-03-01"));
  it("refuses a future date when notInFuture", () =>
    expect(issuesOf(birth, "2026-03-16")).toEqual(["errors.dateInFuture"]));
  it("allows a future date otherwise", () =>
    expect(issuesOf({ ...birth, notInFuture: false }, "2030-01-01")).toEqual([]));
  it("today is Vietnam's day", () =>
    expect(todayInVietnam(new Date("2026-03-15T18:00:00Z"))).toBe("2026-03-16"));
});

describe("select", () => {
  const sex = field({
    name: "sex",
    type: "select",
    options: [
      { value: "female", label: { vi: "Nữ", en: "Female" } },
      { value: "male", label: { vi: "Nam", en: "Male" } },
    ],
  });
  it("accepts an option", () => expect(valueOf(sex, "male")).toBe("male"));
  it("refuses anything else", () => expect(issuesOf(sex, "other")).toEqual(["errors.option"]));
  it("blank is required", () => expect(issuesOf(sex, "")).toEqual(["errors.required"]));
});

describe("idNumber", () => {
  const id = field({ name: "idNumber", type: "idNumber" });
  it("accepts 12 digits, typed with spaces", () =>
    expect(valueOf(id, "001 234 567 890")).toBe("001234567890"));
  it.each(["12345678901", "1234567890123", "00123456789a"])("refuses %s", (value) =>
    expect(issuesOf(id, value)).toEqual(["errors.idNumber"]),
  );
});

describe("the whole form", () => {
  const definition: FormDefinition = singlePage([
    field({ name: "fullName", type: "text" }),
    field({ name: "note", type: "textarea", required: false }),
    field({ name: "idNumber", type: "idNumber" }),
  ]);
  it("returns every field's issues at once", () => {
    const result = validateAnswers(definition, { fullName: "", idNumber: "1" }, { today });
    expect(result).toEqual({
      ok: false,
      issues: { fullName: ["errors.required"], idNumber: ["errors.idNumber"] },
    });
  });
  it("drops keys that are not in the definition", () => {
    const result = buildFormSchema(definition).parse({
      fullName: "Lan",
      idNumber: "001234567890",
      admin: true,
    });
    expect(result).toEqual({ fullName: "Lan", idNumber: "001234567890" });
  });
});

describe("callbackUrl", () => {
  it.each([
    ["/vi/dossiers/new?procedure=1.001193", "/vi/dossiers/new?procedure=1.001193"],
    ["/en/dossiers", "/en/dossiers"],
    ["https://evil.example/vi/", null],
    ["//evil.example/vi/", null],
    ["/vi//evil.example", null],
    ["/vi/\\evil.example", null],
    ["/fr/dossiers", null],
    ["/vi", null],
    [undefined, null],
  ])("%s -> %s", (value, expected) => expect(safeCallbackUrl(value)).toBe(expected));
});
