import { describe, expect, it } from "vitest";
import { singlePage } from "@/lib/forms/definition";
import {
  answerMaxLength,
  fieldForIssue,
  fieldSchema,
  messageFor,
  messageParams,
  validateAnswers,
  type BuildOptions,
} from "@/lib/forms/schema";
import { ethnicities, nationalities } from "@/lib/forms/lists";
import { personalDataOf } from "@/lib/forms/personal";
import { fieldTypes, type FormField } from "@/lib/forms/types";

const label = { vi: "Nhãn", en: "Label" };
const field = (overrides: Partial<FormField> & Pick<FormField, "name" | "type">): FormField => ({
  label,
  required: true,
  ...overrides,
});
const today = "2026-03-15";
const places: BuildOptions["places"] = {
  provinceCodes: ["33", "01"],
  communesOf: (province) => (province === "33" ? ["12100", "12103"] : null),
};

function check(f: FormField, value: unknown) {
  return validateAnswers(singlePage([f]), value === undefined ? {} : { [f.name]: value }, { today, places });
}
/** Every issue of the field, by key ("" for the field itself, ".province", "[0].name"…). */
const issuesOf = (f: FormField, value: unknown) => {
  const result = check(f, value);
  if (result.ok) return {};
  return Object.fromEntries(
    Object.entries(result.issues).map(([key, list]) => [key.slice(f.name.length), list]),
  );
};
const valueOf = (f: FormField, value: unknown) => {
  const result = check(f, value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value[f.name];
};
const options = [
  { value: "a", label: { vi: "A", en: "A" } },
  { value: "b", label: { vi: "B", en: "B" } },
  { value: "c", label: { vi: "C", en: "C" } },
];

describe("every field type", () => {
  // One valid answer, one wrong one, per type: blank required is "required", blank optional is nothing.
  const samples: Record<
    string,
    { field: Partial<FormField>; valid: unknown; clean: unknown; invalid: unknown; issue: string }
  > = {
    text: { field: {}, valid: " Lan ", clean: "Lan", invalid: "x".repeat(501), issue: "errors.tooLong" },
    textarea: {
      field: {},
      valid: "Ghi chú",
      clean: "Ghi chú",
      invalid: "x".repeat(5001),
      issue: "errors.tooLong",
    },
    number: { field: { min: 1 }, valid: "2", clean: 2, invalid: "hai", issue: "errors.number" },
    money: { field: {}, valid: "1.500.000", clean: 1500000, invalid: "1,5 triệu", issue: "errors.money" },
    date: { field: {}, valid: "2020-1-2", clean: "2020-01-02", invalid: "2020-2-30", issue: "errors.date" },
    select: { field: { options }, valid: "a", clean: "a", invalid: "z", issue: "errors.option" },
    radio: { field: { options }, valid: "b", clean: "b", invalid: "z", issue: "errors.option" },
    checkboxes: {
      field: { options },
      valid: ["c", "a"],
      clean: ["a", "c"],
      invalid: ["a", "z"],
      issue: "errors.option",
    },
    yesNo: { field: {}, valid: "yes", clean: "yes", invalid: "maybe", issue: "errors.option" },
    email: {
      field: {},
      valid: "lan@example.vn",
      clean: "lan@example.vn",
      invalid: "lan@",
      issue: "errors.email",
    },
    tel: {
      field: {},
      valid: "+84 912 345 678",
      clean: "0912345678",
      invalid: "0312345678",
      issue: "errors.phone",
    },
    idNumber: {
      field: {},
      valid: "033 190 012 345",
      clean: "033190012345",
      invalid: "1234",
      issue: "errors.idNumber",
    },
    taxCode: {
      field: {},
      valid: "0100109106001",
      clean: "0100109106-001",
      invalid: "0100109107",
      issue: "errors.taxCodeCheck",
    },
    ethnicity: { field: {}, valid: "1", clean: "01", invalid: "55", issue: "errors.option" },
    nationality: { field: {}, valid: "vn", clean: "VN", invalid: "XX", issue: "errors.option" },
    address: {
      field: {},
      valid: { province: "33", commune: "12100", street: " 12 Nguyễn Văn Linh " },
      clean: { province: "33", commune: "12100", street: "12 Nguyễn Văn Linh" },
      invalid: "Hưng Yên",
      issue: "errors.invalid",
    },
  };

  it("has a sample for every type but group and document (tested below)", () =>
    expect(Object.keys(samples).sort()).toEqual(
      fieldTypes.filter((t) => t !== "group" && t !== "document").sort(),
    ));

  describe.each(Object.entries(samples))("%s", (type, sample) => {
    const required = field({ name: "answer", type: type as FormField["type"], ...sample.field });
    const optional = { ...required, required: false };
    it("keeps a valid answer, cleaned", () => expect(valueOf(required, sample.valid)).toEqual(sample.clean));
    it("refuses a wrong one", () =>
      expect(issuesOf(required, sample.invalid)).toEqual({ "": [sample.issue] }));
    it.each([undefined, null, "", "  "])("required and blank (%j): errors.required", (blank) =>
      expect(issuesOf(required, blank)).toEqual({ "": ["errors.required"] }),
    );
    it("optional and blank: no answer", () => expect(valueOf(optional, "")).toBeUndefined());
    it("has a length limit for drafts", () => expect(answerMaxLength(required)).toBeGreaterThan(0));
  });
});

describe("number and money", () => {
  it("reads a decimal comma and checks min and max", () => {
    const n = field({ name: "area", type: "number", min: 10, max: 100 });
    expect(valueOf(n, "12,5")).toBe(12.5);
    expect(issuesOf(n, "9")).toEqual({ "": ["errors.min"] });
    expect(issuesOf(n, "101")).toEqual({ "": ["errors.max"] });
  });
  it.each(["1.500.000", "1 500 000", "1500000", "1.500.000 đ", 1500000])(
    "money %j is 1500000 đồng",
    (value) => expect(valueOf(field({ name: "fee", type: "money" }), value)).toBe(1500000),
  );
  it("money refuses fractions and negatives, checks max", () => {
    const fee = field({ name: "fee", type: "money", max: 1000000 });
    expect(issuesOf(fee, "1500,5")).toEqual({ "": ["errors.money"] });
    expect(issuesOf(fee, "-5")).toEqual({ "": ["errors.money"] });
    expect(issuesOf(fee, "1.000.001")).toEqual({ "": ["errors.max"] });
  });
});

describe("date from three boxes (Y-M-D as typed)", () => {
  const born = field({ name: "born", type: "date", notInFuture: true });
  it.each([
    ["2026-3-", "errors.dateMissingDay"],
    ["2026--15", "errors.dateMissingMonth"],
    ["-3-15", "errors.dateMissingYear"],
    ["2026--", "errors.dateIncomplete"],
    ["--15", "errors.dateIncomplete"],
    ["26-3-15", "errors.dateYear"],
    ["0999-3-15", "errors.dateYear"],
    ["2026-02-30", "errors.date"],
    ["2026-x-1", "errors.date"],
    ["2026-3-16", "errors.dateInFuture"],
    ["15/03/2026", "errors.date"],
  ])("%s: %s", (value, issue) => expect(issuesOf(born, value)).toEqual({ "": [issue] }));
  it("three empty boxes are blank", () => expect(issuesOf(born, "--")).toEqual({ "": ["errors.required"] }));
  it("pads day and month, accepts 29 February of a leap year and today", () => {
    expect(valueOf(born, "2024-2-29")).toBe("2024-02-29");
    expect(valueOf(born, "2026-03-15")).toBe("2026-03-15");
  });
});

describe("choices", () => {
  it("checkboxes: one ticked box posted alone is a list; each once, in the options' order", () => {
    const boxes = field({ name: "boxes", type: "checkboxes", options });
    expect(valueOf(boxes, "b")).toEqual(["b"]);
    expect(valueOf(boxes, ["c", "b", "c"])).toEqual(["b", "c"]);
    expect(issuesOf(boxes, [])).toEqual({ "": ["errors.required"] });
    expect(issuesOf(boxes, ["", " "])).toEqual({ "": ["errors.required"] });
  });
  it("yesNo takes booleans too", () => {
    const yes = field({ name: "yes", type: "yesNo" });
    expect(valueOf(yes, true)).toBe("yes");
    expect(valueOf(yes, false)).toBe("no");
  });
  it("the lists: 54 ethnic groups 01…54, nationalities with Vietnam first", () => {
    expect(ethnicities).toHaveLength(54);
    expect(ethnicities[0]).toEqual({ code: "01", name: { vi: "Kinh", en: "Kinh" } });
    expect(ethnicities[53]!.code).toBe("54");
    expect(ethnicities[53]!.name.vi).toBe("Ơ Đu");
    expect(new Set(ethnicities.map((e) => e.name.vi)).size).toBe(54);
    expect(nationalities[0]).toEqual({ code: "VN", name: { vi: "Việt Nam", en: "Vietnam" } });
    expect(nationalities.length).toBeGreaterThan(240);
    expect(nationalities.find((n) => n.code === "KR")?.name.vi).toBe("Hàn Quốc");
  });
});

describe("tel", () => {
  it("mobileOnly refuses a landline with its own message", () => {
    const mobile = field({ name: "mobile", type: "tel", mobileOnly: true });
    expect(issuesOf(mobile, "024 3825 3456")).toEqual({ "": ["errors.mobile"] });
    expect(valueOf(mobile, "0912 345 678")).toBe("0912345678");
  });
});

describe("idNumber and taxCode", () => {
  it("names a wrong province code", () =>
    expect(issuesOf(field({ name: "id", type: "idNumber" }), "003090012345")).toEqual({
      "": ["errors.idNumberProvince"],
    }));
  it("a tax code of the wrong shape", () =>
    expect(issuesOf(field({ name: "tax", type: "taxCode" }), "12345")).toEqual({ "": ["errors.taxCode"] }));
});

describe("address", () => {
  const home = field({ name: "home", type: "address" });
  it("checks the province against the list and the commune against the province's", () => {
    expect(issuesOf(home, { province: "99", commune: "1", street: "x" })).toEqual({
      ".province": ["errors.option"],
    });
    expect(issuesOf(home, { province: "33", commune: "99999", street: "x" })).toEqual({
      ".commune": ["errors.option"],
    });
  });
  it("takes a free-text commune where the province's communes are not in the table", () =>
    expect(valueOf(home, { province: "01", commune: "Phường Ba Đình", street: "1 Hùng Vương" })).toEqual({
      province: "01",
      commune: "Phường Ba Đình",
      street: "1 Hùng Vương",
    }));
  it("names each missing part", () =>
    expect(issuesOf(home, { street: "12" })).toEqual({
      ".province": ["errors.province"],
      ".commune": ["errors.commune"],
    }));
  it("needs the street only when the field is required", () => {
    expect(issuesOf(home, { province: "33", commune: "12100" })).toEqual({ ".street": ["errors.street"] });
    expect(valueOf({ ...home, required: false }, { province: "33", commune: "12100", street: " " })).toEqual({
      province: "33",
      commune: "12100",
    });
  });
  it("an optional address left blank has no answer", () =>
    expect(valueOf({ ...home, required: false }, { province: "", commune: "", street: "" })).toBeUndefined());
  it("without places, province and commune are only required", () =>
    expect(
      validateAnswers(
        singlePage([home]),
        { home: { province: "xx", commune: "yy", street: "z" } },
        { today },
      ),
    ).toEqual({ ok: true, value: { home: { province: "xx", commune: "yy", street: "z" } } }));
});

describe("repeatable group", () => {
  const members = field({
    name: "members",
    type: "group",
    minItems: 1,
    maxItems: 3,
    fields: [
      field({ name: "fullName", type: "text" }),
      field({ name: "born", type: "date", notInFuture: true }),
      field({ name: "share", type: "number", required: false, max: 100 }),
      field({ name: "isForeign", type: "yesNo" }),
      field({ name: "passport", type: "text", showIf: { field: "isForeign", in: ["yes"] } }),
    ],
  });
  const lan = { fullName: "Lan", born: "1990-1-2", isForeign: "no" };

  it("checks each item with its children's schemas, cleaned", () =>
    expect(
      valueOf(members, [lan, { fullName: "Tom", born: "1985-12-31", isForeign: "yes", passport: "C123" }]),
    ).toEqual([
      { fullName: "Lan", born: "1990-01-02", isForeign: "no" },
      { fullName: "Tom", born: "1985-12-31", isForeign: "yes", passport: "C123" },
    ]));
  it("keys the issues <group>[i].<child>", () =>
    expect(
      issuesOf(members, [lan, { fullName: "", born: "2030-1-1", share: "200", isForeign: "yes" }]),
    ).toEqual({
      "[1].fullName": ["errors.required"],
      "[1].born": ["errors.dateInFuture"],
      "[1].share": ["errors.max"],
      "[1].passport": ["errors.required"],
    }));
  it("a hidden child is neither asked nor kept", () =>
    expect(valueOf(members, [{ ...lan, passport: "C999" }])).toEqual([
      { fullName: "Lan", born: "1990-01-02", isForeign: "no" },
    ]));
  it("counts the items: minItems and maxItems on the group's key", () => {
    expect(issuesOf({ ...members, minItems: 2 }, [lan])).toEqual({ "": ["errors.minItems"] });
    expect(issuesOf(members, [lan, lan, lan, lan])).toEqual({ "": ["errors.maxItems"] });
    expect(issuesOf(members, [])).toEqual({ "": ["errors.required"] });
    expect(valueOf({ ...members, required: false, minItems: undefined }, [])).toBeUndefined();
  });
  it("the message params say how many", () =>
    expect(messageParams(members)).toMatchObject({ minItems: 1, maxItems: 3 }));
});

describe("document", () => {
  it("has no answer and is always valid in the schema (documents: lib/dossiers missingDocuments)", () => {
    const doc = field({ name: "birthNotice", type: "document", documentKey: "birth_notice" });
    expect(check(doc, undefined)).toEqual({ ok: true, value: {} });
    expect(check(doc, "anything")).toEqual({ ok: true, value: {} });
    expect(fieldSchema(doc).safeParse(undefined).success).toBe(true);
  });
});

describe("messages", () => {
  const id = field({
    name: "fatherId",
    type: "idNumber",
    messages: { "errors.required": { vi: "Nhập số định danh của cha", en: "Enter the father's ID number" } },
  });
  it("a field's own message replaces the standard one, per language", () => {
    expect(messageFor(id, "errors.required", "en")).toBe("Enter the father's ID number");
    expect(messageFor(id, "errors.idNumber", "en")).toBeNull();
  });
  it("finds the field of an issue key, a group's child included", () => {
    const group = field({ name: "members", type: "group", fields: [id] });
    const form = singlePage([group, field({ name: "home", type: "address" })]);
    expect(fieldForIssue(form, "members[2].fatherId")).toBe(id);
    expect(fieldForIssue(form, "home.province")?.name).toBe("home");
    expect(fieldForIssue(form, "nothing")).toBeNull();
  });
});

describe("personal data in the new field types", () => {
  it("an address's street and a group's children count", () => {
    const form = singlePage([
      field({ name: "home", type: "address" }),
      field({
        name: "owners",
        type: "group",
        fields: [
          field({ name: "name", type: "text", personal: "name" }),
          field({ name: "id", type: "idNumber" }),
        ],
      }),
    ]);
    expect(
      personalDataOf(
        form,
        {
          home: { province: "33", commune: "12100", street: "12 Hùng Vương" },
          owners: [{ name: "Lan", id: "033190012345" }],
        },
        null,
      ),
    ).toEqual([
      { kind: "address", value: "12 Hùng Vương" },
      { kind: "name", value: "Lan" },
      { kind: "idNumber", value: "033190012345" },
    ]);
  });
});
