import { describe, expect, it } from "vitest";
import { answerText, dateText, moneyText } from "@/lib/forms/display";
import {
  answersFromPost,
  applyGroupAction,
  groupActionName,
  groupActions,
  inputId,
  issueAnchor,
  joinDate,
  splitDate,
} from "@/lib/forms/posted";
import { checkTypedForm, checkTypedPage, validatePage } from "@/lib/forms/schema";
import { prefillAnswers } from "@/lib/forms/prefill";
import type { FormDefinition, FormField, FormPage } from "@/lib/forms/types";

const label = { vi: "Nhãn", en: "Label" };
const field = (overrides: Partial<FormField> & Pick<FormField, "name" | "type">): FormField => ({
  label,
  required: true,
  ...overrides,
});
const today = "2026-03-15";
const options = [
  { value: "copy", label: { vi: "Bản sao", en: "Copy" } },
  { value: "original", label: { vi: "Bản chính", en: "Original" } },
];
const members = field({
  name: "members",
  type: "group",
  required: false,
  fields: [
    field({ name: "fullName", type: "text", maxLength: 20 }),
    field({ name: "born", type: "date" }),
    field({ name: "roles", type: "checkboxes", required: false, options }),
  ],
});
const child: FormPage = {
  id: "child",
  title: label,
  fields: [
    field({ name: "fullName", type: "text", maxLength: 10 }),
    field({ name: "born", type: "date", notInFuture: true }),
    field({ name: "home", type: "address", required: false }),
    field({ name: "copies", type: "checkboxes", options }),
    field({ name: "fee", type: "money", required: false }),
    members,
    field({ name: "birthNotice", type: "document", documentKey: "birth_notice" }),
  ],
};
const other: FormPage = { id: "other", title: label, fields: [field({ name: "note", type: "text" })] };
const form: FormDefinition = { pages: [child, other] };

function post(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const posted = post([
  ["fullName", "Lan\u0000"],
  ["born.day", "2"],
  ["born.month", "1"],
  ["born.year", "2020"],
  ["home.province", "33"],
  ["home.commune", ""],
  ["home.street", " 12 Hùng Vương "],
  ["copies", "copy"],
  ["copies", "original"],
  ["fee", "1.500.000"],
  ["members[0].fullName", "Anh"],
  ["members[0].born.day", "31"],
  ["members[0].born.month", "12"],
  ["members[0].born.year", "1990"],
  ["members[0].roles", "copy"],
  ["members[1].fullName", ""],
  ["members[3].fullName", "Bình"],
  ["members[4].fullName", ""],
  ["members[4].born.day", ""],
  [groupActionName, "add:members"],
  ["note", "not on this page"],
]);

describe("answersFromPost", () => {
  it("reads the contract's input names into the stored shape, as typed", () =>
    expect(answersFromPost(child, posted)).toEqual({
      fullName: "Lan",
      born: "2020-01-02",
      home: { province: "33", street: "12 Hùng Vương" },
      copies: ["copy", "original"],
      fee: "1.500.000",
      members: [
        { fullName: "Anh", born: "1990-12-31", roles: ["copy"] },
        {}, // an empty item in the middle stays (it is asked about)
        {}, // an item that posted nothing keeps its place: "Remove" names items by their index
        { fullName: "Bình" },
        {}, // the empty item "Add another" added stays until it is filled in or removed
      ],
    }));
  it("reads no item from an index out of bounds", () =>
    expect(
      answersFromPost(
        child,
        post([
          ["members[100].fullName", "x"],
          ["members[-1].fullName", "y"],
        ]),
      ).members,
    ).toBeUndefined());
  it("keeps the boxes as typed, year-month-day, with empty ones", () =>
    expect(
      answersFromPost(
        child,
        post([
          ["born.day", "31"],
          ["born.month", "2"],
        ]),
      ).born,
    ).toBe("-2-31"));
  it("replaces this page's answers in the given ones, other pages' kept; an unticked field is gone", () =>
    expect(
      answersFromPost(child, post([["fullName", "Minh"]]), {
        fullName: "Lan",
        copies: ["copy"],
        note: "kept",
      }),
    ).toEqual({ fullName: "Minh", note: "kept" }));
  it("round-trips through validatePage", () =>
    expect(validatePage(form, "child", answersFromPost(child, posted), { today })).toEqual({
      ok: false,
      issues: {
        "home.commune": ["errors.commune"],
        "members[1].fullName": ["errors.required"],
        "members[1].born": ["errors.required"],
        "members[2].fullName": ["errors.required"],
        "members[2].born": ["errors.required"],
        "members[3].born": ["errors.required"],
        "members[4].fullName": ["errors.required"],
        "members[4].born": ["errors.required"],
      },
    }));
});

describe("the three date boxes", () => {
  it.each([
    [["20", "11", "2026"], "2026-11-20"],
    [[" 5 ", "1", "2026"], "2026-01-05"],
    [["", "", ""], undefined],
    [["  ", "", " "], undefined],
    [["31", "2", ""], "-2-31"],
    [["1", "2", "26"], "26-2-1"], // a two-digit year is kept as typed (errors.dateYear)
    [["a", "2", "2026"], "2026-2-a"],
  ] as const)("joinDate(%j) is %j", ([day, month, year], joined) =>
    expect(joinDate(day, month, year)).toBe(joined),
  );
  it.each([
    ["2026-01-05", { day: "5", month: "1", year: "2026" }],
    ["2026-2-31", { day: "31", month: "2", year: "2026" }],
    ["-2-31", { day: "31", month: "2", year: "" }],
    [undefined, { day: "", month: "", year: "" }],
    [20261105, { day: "", month: "", year: "" }],
  ] as const)("splitDate(%j)", (stored, boxes) => expect(splitDate(stored)).toEqual(boxes));
  it("a valid date goes round the boxes", () => {
    const boxes = splitDate("1990-12-03");
    expect(joinDate(boxes.day, boxes.month, boxes.year)).toBe("1990-12-03");
  });
});

describe("ids and group buttons", () => {
  it("ids replace . [ ] with -", () => {
    expect(inputId("members[0].fullName")).toBe("members-0--fullName");
    expect(inputId("born.day")).toBe("born-day");
  });
  it("the summary links a date to its day box and an address to its province", () => {
    expect(issueAnchor(child, "born")).toBe("born-day");
    expect(issueAnchor(child, "members[1].born")).toBe("members-1--born-day");
    expect(issueAnchor(child, "home")).toBe("home-province");
    expect(issueAnchor(child, "home.commune")).toBe("home-commune");
    // A group's number of items: its "Add another" button.
    expect(issueAnchor(child, "members")).toBe("members-add");
  });
  it.each([
    ["add:members", { kind: "add", group: "members" }],
    ["remove:members:2", { kind: "remove", group: "members", index: 2 }],
    ["remove:members", null],
    ["add:fullName", null], // not a group of the page
    ["drop:members", null],
  ])("%s", (value, action) => expect(groupActions(post([[groupActionName, value]]), child)).toEqual(action));
  it("no button: null", () => expect(groupActions(post([["fullName", "x"]]))).toBeNull());
  it("add appends an empty item up to maxItems; remove takes one out", () => {
    const answers = { members: [{ fullName: "A" }, { fullName: "B" }] };
    expect(applyGroupAction(answers, { kind: "add", group: "members" })).toEqual({
      members: [{ fullName: "A" }, { fullName: "B" }, {}],
    });
    expect(applyGroupAction(answers, { kind: "add", group: "members" }, { ...members, maxItems: 2 })).toBe(
      answers,
    );
    expect(applyGroupAction(answers, { kind: "remove", group: "members", index: 0 })).toEqual({
      members: [{ fullName: "B" }],
    });
    expect(applyGroupAction(answers, { kind: "remove", group: "members", index: 5 })).toBe(answers);
  });
});

describe("checkTypedPage (a draft save of one page)", () => {
  const previous = { fullName: "Lan", note: "another page", copies: ["copy"] };
  it("valid answers cleaned, invalid kept as typed, other pages untouched", () => {
    const typed = {
      fullName: " Minh ",
      born: "2020-2-30",
      copies: ["original"],
      fee: "1,5 triệu",
      members: [
        { fullName: "Anh", born: "1990-1-2" },
        { fullName: "", born: "31-2-" },
      ],
    };
    expect(checkTypedPage(form, "child", previous, typed, { today })).toEqual({
      stored: {
        fullName: "Minh",
        note: "another page",
        born: "2020-2-30",
        copies: ["original"],
        fee: "1,5 triệu",
        members: [{ fullName: "Anh", born: "1990-01-02" }, { born: "31-2-" }],
      },
      issues: {
        born: ["errors.date"],
        fee: ["errors.money"],
        "members[1].fullName": ["errors.required"],
        "members[1].born": ["errors.dateMissingDay"],
      },
      refused: {},
    });
  });
  it("refuses an over-long answer and keeps the previous one", () => {
    const result = checkTypedPage(
      form,
      "child",
      previous,
      { fullName: "x".repeat(11), copies: ["copy"] },
      { today },
    );
    expect(result.refused).toEqual({ fullName: ["errors.maxLength"] });
    expect(result.issues.fullName).toEqual(["errors.maxLength"]);
    expect(result.stored.fullName).toBe("Lan");
  });
  it("refuses a 100 KB answer to a short field with errors.tooLong", () => {
    const result = checkTypedPage(form, "child", previous, { fee: "1".repeat(100_000) }, { today });
    expect(result.refused).toEqual({ fee: ["errors.tooLong"] });
    expect(result.stored.fee).toBeUndefined();
  });
  it("refuses a group whose child is over-long, on the child's key", () => {
    const result = checkTypedPage(
      form,
      "child",
      { members: [{ fullName: "Old" }] },
      { members: [{ fullName: "y".repeat(21) }] },
      { today },
    );
    expect(result.refused).toEqual({ "members[0].fullName": ["errors.maxLength"] });
    expect(result.stored.members).toEqual([{ fullName: "Old" }]);
  });
  it("a blank answer removes the stored one", () => {
    const result = checkTypedPage(form, "child", previous, { fullName: "" }, { today });
    expect(result.stored.fullName).toBeUndefined();
    expect(result.issues.fullName).toEqual(["errors.required"]);
  });
});

describe("answerText", () => {
  const lookups = {
    unitName: (code: string) => ({ "33": "Tỉnh Hưng Yên", "12100": "Phường Phố Hiến" })[code],
  };
  const text = (f: FormField, value: unknown, lang: "vi" | "en" = "vi") =>
    answerText(f, value, lang, lookups);
  it("dates dd/mm/yyyy; typed boxes as typed", () => {
    expect(dateText("2020-01-02")).toBe("02/01/2020");
    expect(text(field({ name: "d", type: "date" }), "31-2-")).toBe("?/2/31");
  });
  it("money in both languages", () => {
    expect(moneyText(1500000, "vi")).toBe("1.500.000 đ");
    expect(text(field({ name: "m", type: "money" }), 1500000, "en")).toBe("1,500,000 VND");
    expect(text(field({ name: "m", type: "money" }), "1,5 triệu")).toBe("1,5 triệu");
  });
  it("labels of choices, yes/no, lists", () => {
    expect(text(field({ name: "c", type: "checkboxes", options }), ["copy", "original"], "en")).toBe(
      "Copy, Original",
    );
    expect(text(field({ name: "r", type: "radio", options }), "original")).toBe("Bản chính");
    expect(text(field({ name: "y", type: "yesNo" }), "yes")).toBe("Có");
    expect(text(field({ name: "y", type: "yesNo" }), "no", "en")).toBe("No");
    expect(text(field({ name: "e", type: "ethnicity" }), "05", "en")).toBe("Khmer");
    expect(text(field({ name: "n", type: "nationality" }), "VN")).toBe("Việt Nam");
    expect(text(field({ name: "n", type: "nationality" }), "KR", "en")).toBe("South Korea");
  });
  it("an address as street, commune, province, with names for codes", () => {
    const home = field({ name: "home", type: "address" });
    expect(text(home, { province: "33", commune: "12100", street: "12 Hùng Vương" })).toBe(
      "12 Hùng Vương, Phường Phố Hiến, Tỉnh Hưng Yên",
    );
    expect(text(home, { province: "01", commune: "Phường Ba Đình" })).toBe("Phường Ba Đình, 01");
  });
  it("a group as one line per item", () =>
    expect(
      text(members, [
        { fullName: "Anh", born: "1990-12-31" },
        { fullName: "Bình", roles: ["copy"] },
      ]),
    ).toBe("Anh, 31/12/1990\nBình, Bản sao"));
  it("an ID number masked unless the page asks for the whole number", () => {
    const id = field({ name: "id", type: "idNumber" });
    expect(text(id, "033190012345")).toBe("•••• •••• 2345");
    expect(answerText(id, "033190012345", "vi", { ...lookups, idNumbers: "full" })).toBe("033190012345");
  });
  it("no answer is empty; a document has none", () => {
    expect(text(field({ name: "t", type: "text" }), undefined)).toBe("");
    expect(text(field({ name: "d", type: "document" }), "x")).toBe("");
  });
});

describe("checkTypedForm and prefillAnswers", () => {
  it("saves every page at once, like the one-page forms of before", () => {
    const result = checkTypedForm(
      form,
      { note: "old", fee: 5 },
      { fullName: "Minh", born: "2020-1-2", note: "" },
      { today },
    );
    expect(result.stored).toEqual({ fullName: "Minh", born: "2020-01-02" });
    expect(result.issues).toEqual({ copies: ["errors.required"], note: ["errors.required"] });
  });
  it("fills prefilled fields from the organisation or the account, never over an answer", () => {
    const company: FormDefinition = {
      pages: [
        {
          id: "company",
          title: label,
          fields: [
            field({ name: "companyName", type: "text", prefill: "organisation.name" }),
            field({ name: "taxCode", type: "taxCode", prefill: "organisation.taxCode" }),
            field({ name: "seat", type: "address", prefill: "organisation.address" }),
            field({ name: "filer", type: "text", prefill: "applicant.fullName" }),
            field({ name: "phone", type: "tel", prefill: "applicant.phone" }),
          ],
        },
      ],
    };
    const sources = {
      organisation: { name: "Công ty TNHH Minh Hằng", taxCode: "0100109106", address: { province: "33" } },
      applicant: { fullName: "Nguyễn Thị Lan", phone: null },
    };
    expect(prefillAnswers(company, sources, { filer: "Trần Văn Minh" })).toEqual({
      companyName: "Công ty TNHH Minh Hằng",
      taxCode: "0100109106",
      seat: { province: "33" },
      filer: "Trần Văn Minh",
    });
  });
});
