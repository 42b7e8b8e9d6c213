import { describe, expect, it } from "vitest";
import {
  conditionHolds,
  nextPageId,
  previousPageId,
  sectionsOf,
  shownAnswers,
  taskList,
  visibleFields,
  visiblePages,
} from "@/lib/forms/flow";
import { definitionProblems } from "@/lib/forms/definitionCheck";
import { validateAnswers, validatePage } from "@/lib/forms/schema";
import type { FormDefinition, FormField, FormPage } from "@/lib/forms/types";

const label = { vi: "Nhãn", en: "Label" };
const field = (overrides: Partial<FormField> & Pick<FormField, "name" | "type">): FormField => ({
  label,
  required: true,
  ...overrides,
});
const page = (id: string, fields: FormField[], extra: Partial<FormPage> = {}): FormPage => ({
  id,
  title: { vi: id, en: id },
  fields,
  ...extra,
});
const yesNo = (name: string, extra: Partial<FormField> = {}) => field({ name, type: "yesNo", ...extra });
const today = "2026-03-15";

// married? -> (yes) spouse page; spouse foreign? -> (yes) passport page; chained: married "no" hides both.
const form: FormDefinition = {
  sections: [
    { id: "you", title: { vi: "Bạn", en: "You" } },
    { id: "family", title: { vi: "Gia đình", en: "Family" } },
  ],
  pages: [
    page("name", [field({ name: "fullName", type: "text" })], { section: "you" }),
    page("married", [yesNo("married")]),
    page("spouse", [field({ name: "spouseName", type: "text" }), yesNo("spouseForeign")], {
      section: "family",
      showIf: { field: "married", in: ["yes"] },
    }),
    page("passport", [field({ name: "passport", type: "text" })], {
      showIf: { field: "spouseForeign", in: ["yes"] },
    }),
    page("children", [
      field({
        name: "hasChildren",
        type: "radio",
        options: [
          { value: "some", label },
          { value: "none", label },
        ],
      }),
      field({ name: "howMany", type: "number", showIf: { field: "hasChildren", in: ["some"] } }),
      field({ name: "names", type: "text", showIf: { field: "howMany", in: ["2", "3"] } }),
    ]),
  ],
};
const ids = (pages: FormPage[]) => pages.map((p) => p.id);

describe("conditionHolds", () => {
  it.each([
    [undefined, {}, true],
    [{ field: "a", in: ["x"] }, { a: "x" }, true],
    [{ field: "a", in: ["x"] }, { a: "y" }, false],
    [{ field: "a", in: ["x"] }, {}, false],
    [{ field: "a", in: ["x", "z"] }, { a: ["y", "z"] }, true], // checkboxes: any ticked
    [{ field: "a", in: ["3"] }, { a: 3 }, true], // a number compared as text
    [{ field: "a", in: ["yes"] }, { a: true }, true],
  ])("%j with %j: %s", (condition, answers, holds) => expect(conditionHolds(condition, answers)).toBe(holds));
});

describe("visible pages and fields, chained", () => {
  it("shows a page when the earlier answer has the value", () => {
    expect(ids(visiblePages(form, {}))).toEqual(["name", "married", "children"]);
    expect(ids(visiblePages(form, { married: "yes" }))).toEqual(["name", "married", "spouse", "children"]);
    expect(ids(visiblePages(form, { married: "yes", spouseForeign: "yes" }))).toEqual([
      "name",
      "married",
      "spouse",
      "passport",
      "children",
    ]);
  });
  it("a condition on a hidden field's answer is false (the answer left behind does not count)", () =>
    expect(ids(visiblePages(form, { married: "no", spouseForeign: "yes" }))).toEqual([
      "name",
      "married",
      "children",
    ]));
  it("fields on a page follow each other", () => {
    const children = form.pages[4]!;
    const names = (answers: Record<string, unknown>) =>
      visibleFields(children, answers, form).map((f) => f.name);
    expect(names({})).toEqual(["hasChildren"]);
    expect(names({ hasChildren: "some", howMany: "2" })).toEqual(["hasChildren", "howMany", "names"]);
    expect(names({ hasChildren: "none", howMany: "2" })).toEqual(["hasChildren"]);
  });
  it("a page whose fields are all hidden is skipped", () => {
    const f: FormDefinition = {
      pages: [
        page("a", [yesNo("q")]),
        page("b", [field({ name: "x", type: "text", showIf: { field: "q", in: ["yes"] } })]),
      ],
    };
    expect(ids(visiblePages(f, { q: "no" }))).toEqual(["a"]);
    expect(ids(visiblePages(f, { q: "yes" }))).toEqual(["a", "b"]);
  });
  it("a cycle of conditions hides the fields in it", () => {
    const f: FormDefinition = {
      pages: [
        page("a", [
          yesNo("p", { showIf: { field: "q", in: ["yes"] } }),
          yesNo("q", { showIf: { field: "p", in: ["yes"] } }),
        ]),
      ],
    };
    expect(visibleFields(f.pages[0]!, { p: "yes", q: "yes" }, f)).toEqual([]);
  });
});

describe("next and previous page", () => {
  const answers = { married: "no", spouseForeign: "yes" };
  it("skips hidden pages both ways", () => {
    expect(nextPageId(form, answers, "married")).toBe("children");
    expect(previousPageId(form, answers, "children")).toBe("married");
    expect(nextPageId(form, { married: "yes" }, "married")).toBe("spouse");
    expect(nextPageId(form, { married: "yes" }, "spouse")).toBe("children");
    expect(nextPageId(form, { married: "yes", spouseForeign: "yes" }, "spouse")).toBe("passport");
    expect(previousPageId(form, { married: "yes", spouseForeign: "yes" }, "children")).toBe("passport");
  });
  it("null after the last page and before the first", () => {
    expect(nextPageId(form, {}, "children")).toBeNull();
    expect(previousPageId(form, {}, "name")).toBeNull();
  });
  it("from a page hidden now, goes on from where it stood", () => {
    expect(nextPageId(form, answers, "spouse")).toBe("children");
    expect(previousPageId(form, answers, "passport")).toBe("married");
  });
  it("an unknown page: next is the first page, previous nothing", () => {
    expect(nextPageId(form, {}, "nope")).toBe("name");
    expect(previousPageId(form, {}, "nope")).toBeNull();
  });
});

describe("task list", () => {
  const statusOf = (answers: Record<string, unknown>) => {
    const checked = validateAnswers(form, answers, { today });
    return taskList(form, answers, checked.ok ? {} : checked.issues).map((s) => [
      s.section.id,
      s.status,
      s.pageId,
    ]);
  };
  it("a page without a section belongs to the section before it", () =>
    expect(sectionsOf(form).map((s) => [s.section.id, ids(s.pages)])).toEqual([
      ["you", ["name", "married"]],
      ["family", ["spouse", "passport", "children"]],
    ]));
  it("not started, in progress, completed", () => {
    expect(statusOf({})).toEqual([
      ["you", "notStarted", "name"],
      ["family", "notStarted", "children"],
    ]);
    expect(statusOf({ fullName: "Lan" })).toEqual([
      ["you", "inProgress", "married"],
      ["family", "notStarted", "children"],
    ]);
    expect(statusOf({ fullName: "Lan", married: "yes", hasChildren: "none" })).toEqual([
      ["you", "completed", "name"],
      ["family", "inProgress", "spouse"],
    ]);
    expect(
      statusOf({ fullName: "Lan", married: "no", hasChildren: "none", spouseName: "left behind" }),
    ).toEqual([
      ["you", "completed", "name"],
      ["family", "completed", "children"],
    ]);
  });
  it("a wrong answer keeps the section in progress and points at its page", () =>
    expect(statusOf({ fullName: "Lan", married: "no", hasChildren: "some", howMany: "many" })).toEqual([
      ["you", "completed", "name"],
      ["family", "inProgress", "children"],
    ]));
  it("a form without sections is one section titled by its first page", () => {
    const single: FormDefinition = { pages: form.pages.map((p) => ({ ...p, section: undefined })) };
    const list = taskList(single, {}, { fullName: ["errors.required"] });
    expect(list).toHaveLength(1);
    expect(list[0]!.section.title).toEqual(form.pages[0]!.title);
    expect(list[0]!.status).toBe("notStarted");
  });
});

describe("validation follows the conditions", () => {
  it("checks only shown pages and fields, and keeps only their answers", () => {
    const answers = {
      fullName: "Lan",
      married: "no",
      spouseName: "",
      passport: "",
      hasChildren: "none",
      howMany: "x",
    };
    expect(validateAnswers(form, answers, { today })).toEqual({
      ok: true,
      value: { fullName: "Lan", married: "no", hasChildren: "none" },
    });
    expect(shownAnswers(form, answers)).toEqual({ fullName: "Lan", married: "no", hasChildren: "none" });
  });
  it("validatePage checks that page's shown fields only", () => {
    expect(validatePage(form, "children", { hasChildren: "some" }, { today })).toEqual({
      ok: false,
      issues: { howMany: ["errors.required"] },
    });
    expect(
      validatePage(form, "children", { hasChildren: "some", howMany: "1", fullName: "" }, { today }),
    ).toEqual({
      ok: true,
      value: { hasChildren: "some", howMany: 1 },
    });
    // A hidden page has nothing to check; an unknown one is an error.
    expect(validatePage(form, "spouse", { married: "no" }, { today })).toEqual({ ok: true, value: {} });
    expect(validatePage(form, "nope", {}, { today })).toEqual({
      ok: false,
      issues: { _: ["errors.invalid"] },
    });
  });
  it("shownAnswers drops a group item's hidden children", () => {
    const group: FormDefinition = {
      pages: [
        page("g", [
          field({
            name: "members",
            type: "group",
            fields: [
              yesNo("foreign"),
              field({ name: "passport", type: "text", showIf: { field: "foreign", in: ["yes"] } }),
            ],
          }),
        ]),
      ],
    };
    expect(
      shownAnswers(group, {
        members: [
          { foreign: "no", passport: "x" },
          { foreign: "yes", passport: "y" },
        ],
      }),
    ).toEqual({
      members: [{ foreign: "no" }, { foreign: "yes", passport: "y" }],
    });
  });
});

describe("definitionProblems (what the builder checks before saving)", () => {
  it("a well-formed form has none", () => expect(definitionProblems(form)).toEqual([]));
  it("finds each kind of problem where it is", () => {
    const broken: FormDefinition = {
      sections: [{ id: "s", title: label }],
      pages: [
        page("a", [
          field({ name: "x", type: "select", options: [] }),
          field({ name: "later", type: "text", showIf: { field: "y", in: ["1"] } }),
          field({ name: "ghost", type: "text", showIf: { field: "nobody", in: ["1"] } }),
        ]),
        page(
          "a",
          [field({ name: "x", type: "text" }), field({ name: "y", type: "number", min: 5, max: 1 })],
          {
            section: "t",
          },
        ),
        page("g", [
          field({
            name: "members",
            type: "group",
            fields: [
              field({ name: "doc", type: "document" }),
              field({ name: "inner", type: "group", fields: [] }),
              field({ name: "p", type: "text", showIf: { field: "q", in: ["yes"] } }),
              yesNo("q"),
            ],
          }),
        ]),
        page("bad id", [field({ name: "ok", type: "text", label: { vi: "", en: "x" } })]),
      ],
    };
    expect(definitionProblems(broken)).toEqual([
      { code: "noOptions", page: "a", field: "x" },
      { code: "conditionLaterField", page: "a", field: "later" },
      { code: "conditionUnknownField", page: "a", field: "ghost" },
      { code: "duplicatePageId", page: "a" },
      { code: "unknownSection", page: "a" },
      { code: "duplicateFieldName", page: "a", field: "x" },
      { code: "minOverMax", page: "a", field: "y" },
      { code: "documentInGroup", page: "g", field: "members.doc" },
      { code: "documentWithoutKey", page: "g", field: "members.doc" },
      { code: "nestedGroup", page: "g", field: "members.inner" },
      { code: "groupWithoutFields", page: "g", field: "members.inner" },
      { code: "conditionLaterField", page: "g", field: "members.p" },
      { code: "badId", page: "bad id" },
      { code: "missingLabel", page: "bad id", field: "ok" },
    ]);
  });
});
