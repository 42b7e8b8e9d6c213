import { describe, expect, it } from "vitest";
import {
  addField,
  addPage,
  deleteField,
  deletePage,
  fieldFromInput,
  fieldValues,
  moveField,
  movePage,
  updateField,
  updatePage,
} from "@/lib/catalog/formBuilder";
import { fieldsBefore, formProblems } from "@/lib/catalog/formRules";
import { contentFromInput, contentValues, type DraftContent } from "@/lib/catalog/versionSchema";
import type { FormDefinition } from "@/lib/forms/types";

const documents = [{ key: "birth_notice" }];
const empty: FormDefinition = { pages: [] };
const page = (id: string, extra: Record<string, string> = {}) => ({
  id,
  titleVi: `Trang ${id}`,
  titleEn: `Page ${id}`,
  ...extra,
});
const radio = {
  name: "how",
  type: "radio",
  labelVi: "Cách nhận",
  labelEn: "How",
  required: "yes",
  options: "post | Bưu điện | By post\ndesk | Tại quầy | At the desk",
};

function ok(result: ReturnType<typeof addPage>): FormDefinition {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.form;
}

/** Two pages: a radio on the first, a field on the second shown when it is "post". */
function built(): FormDefinition {
  let form = ok(addPage(empty, page("one"), documents));
  form = ok(addPage(form, page("two"), documents));
  form = ok(addField(form, { pageId: "one", group: null }, radio, documents));
  return ok(
    addField(
      form,
      { pageId: "two", group: null },
      {
        name: "address",
        type: "text",
        labelVi: "Địa chỉ",
        labelEn: "Address",
        required: "yes",
        showIfField: "how",
        showIfValues: "post",
      },
      documents,
    ),
  );
}

describe("the form builder's edits", () => {
  it("adds pages and fields with options and a condition on an earlier page", () => {
    const form = built();
    expect(form.pages.map((p) => p.id)).toEqual(["one", "two"]);
    expect(form.pages[0]!.fields[0]).toEqual({
      name: "how",
      type: "radio",
      label: { vi: "Cách nhận", en: "How" },
      required: true,
      options: [
        { value: "post", label: { vi: "Bưu điện", en: "By post" } },
        { value: "desk", label: { vi: "Tại quầy", en: "At the desk" } },
      ],
    });
    expect(form.pages[1]!.fields[0]!.showIf).toEqual({ field: "how", in: ["post"] });
    expect(formProblems(form, documents)).toEqual([]);
  });

  it("refuses, per input, what an applicant could not fill in", () => {
    const form = built();
    const again = addPage(form, page("one", { titleEn: "" }), documents);
    expect(again).toEqual({ ok: false, issues: { id: ["pageIdTaken"], titleVi: ["labelMissing"] } });
    const bad = addField(
      form,
      { pageId: "one", group: null },
      { ...radio, name: "2bad", options: "x | only vi", showIfField: "address", showIfValues: "a" },
      documents,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues).toMatchObject({
      options: ["optionLine", "optionsMissing"],
      name: ["fieldNameFormat"],
      showIfField: ["conditionNotEarlier"],
    });
    const wrongValue = addField(
      form,
      { pageId: "two", group: null },
      { name: "x", type: "text", labelVi: "X", labelEn: "X", showIfField: "how", showIfValues: "nope" },
      documents,
    );
    expect(wrongValue).toEqual({ ok: false, issues: { showIfField: ["conditionValue"] } });
    const doc = addField(
      form,
      { pageId: "two", group: null },
      { name: "scan", type: "document", labelVi: "Bản chụp", labelEn: "Scan", documentKey: "unknown" },
      documents,
    );
    expect(doc).toEqual({ ok: false, issues: { documentKey: ["documentUnknown"] } });
    expect(
      addField(form, { pageId: "two", group: null }, { ...radio, name: "how" }, documents),
    ).toMatchObject({ ok: false, issues: { name: ["fieldNameTaken"] } });
  });

  it("moves pages and fields, refusing a move that puts a condition before its question", () => {
    const form = built();
    expect(movePage(form, "two", -1, documents)).toEqual({
      ok: false,
      issues: { _: ["conditionNotEarlier"] },
    });
    expect(movePage(form, "one", -1, documents)).toEqual({ ok: false, issues: { _: ["cannotMove"] } });
    const more = ok(
      addField(
        form,
        { pageId: "one", group: null },
        { name: "note", type: "textarea", labelVi: "Ghi chú", labelEn: "Note", required: "no" },
        documents,
      ),
    );
    const moved = ok(moveField(more, { pageId: "one", group: null, name: "note" }, -1, documents));
    expect(moved.pages[0]!.fields.map((f) => f.name)).toEqual(["note", "how"]);
  });

  it("deletes, but not a question another one's condition looks at", () => {
    const form = built();
    expect(deleteField(form, { pageId: "one", group: null, name: "how" })).toEqual({
      ok: false,
      issues: { _: ["fieldUsedInCondition"] },
    });
    expect(deletePage(form, "one")).toEqual({ ok: false, issues: { _: ["fieldUsedInCondition"] } });
    const without = ok(deleteField(form, { pageId: "two", group: null, name: "address" }));
    expect(ok(deletePage(without, "one")).pages.map((p) => p.id)).toEqual(["two"]);
  });

  it("edits a field and a page, keeping what the form does not show (fields, prefill)", () => {
    const form = built();
    const field = form.pages[0]!.fields[0]!;
    const values = { ...fieldValues(field), labelEn: "How to receive" };
    const edited = ok(updateField(form, { pageId: "one", group: null, name: "how" }, values, documents));
    expect(edited.pages[0]!.fields[0]!.label.en).toBe("How to receive");
    expect(
      updateField(form, { pageId: "one", group: null, name: "how" }, { ...values, name: "how2" }, documents),
    ).toMatchObject({ ok: false, issues: { name: ["fieldUsedInCondition"] } });
    const renamed = ok(
      updatePage(form, "two", page("delivery", { hintVi: "Gợi ý", hintEn: "Hint" }), documents),
    );
    expect(renamed.pages[1]).toMatchObject({ id: "delivery", hint: { vi: "Gợi ý", en: "Hint" } });
    expect(renamed.pages[1]!.fields).toHaveLength(1);
    expect(updatePage(form, "two", page("two", { hintVi: "Chỉ tiếng Việt" }), documents)).toEqual({
      ok: false,
      issues: { hintVi: ["hintHalf"] },
    });
  });

  it("builds groups with child fields, which may look at earlier children", () => {
    let form = built();
    form = ok(
      addField(
        form,
        { pageId: "two", group: null },
        {
          name: "members",
          type: "group",
          labelVi: "Thành viên",
          labelEn: "Members",
          required: "yes",
          itemLabelVi: "Thành viên",
          itemLabelEn: "Member",
          minItems: "1",
          maxItems: "5",
        },
        documents,
      ),
    );
    expect(formProblems(form, documents)).toEqual([]);
    expect(formProblems(form, documents, { forPublish: true })).toEqual([
      { page: "two", field: "members", prop: "fields", key: "groupEmpty" },
    ]);
    form = ok(
      addField(
        form,
        { pageId: "two", group: "members" },
        { name: "adult", type: "yesNo", labelVi: "Đã thành niên", labelEn: "Adult", required: "yes" },
        documents,
      ),
    );
    form = ok(
      addField(
        form,
        { pageId: "two", group: "members" },
        {
          name: "idNo",
          type: "idNumber",
          labelVi: "Số định danh",
          labelEn: "ID number",
          required: "yes",
          showIfField: "adult",
          showIfValues: "yes",
        },
        documents,
      ),
    );
    const group = form.pages[1]!.fields[1]!;
    expect(group).toMatchObject({
      type: "group",
      minItems: 1,
      maxItems: 5,
      itemLabel: { vi: "Thành viên", en: "Member" },
    });
    expect(group.fields!.map((f) => f.name)).toEqual(["adult", "idNo"]);
    expect(formProblems(form, documents)).toEqual([]);
    expect(
      addField(
        form,
        { pageId: "two", group: "members" },
        { name: "g", type: "group", labelVi: "G", labelEn: "G" },
        documents,
      ),
    ).toMatchObject({ ok: false, issues: { type: ["groupInGroup"] } });
    expect(fieldsBefore(form, "two", "members").map((f) => f.name)).toEqual(["how", "address"]);
  });

  it("reads numbers strictly", () => {
    expect(
      fieldFromInput({ name: "n", type: "number", labelVi: "N", labelEn: "N", min: "abc" }).issues,
    ).toEqual({
      min: ["numberFormat"],
    });
    expect(
      fieldFromInput({ name: "n", type: "money", labelVi: "N", labelEn: "N", min: "-5", max: "1.000.000" })
        .field,
    ).toMatchObject({ min: -5, max: 1000000 });
  });
});

describe("the draft editor's content", () => {
  const content: DraftContent = {
    decisionNo: "12/QĐ",
    timeLimitHours: { online: 24, desk: 4, post: null },
    fees: [{ channel: "desk", amountVnd: 8000, asPublished: "8.000 đồng/bản" }],
    documents: [
      {
        key: "birth_notice",
        name: { vi: "Giấy chứng sinh", en: "Birth notice" },
        description: { vi: "Bản chính", en: "Original" },
        required: true,
        originals: 1,
        copies: 0,
      },
    ],
    details: {
      targetGroups: [{ vi: "Công dân", en: "Citizens" }],
      channels: ["online", "desk"],
      result: { vi: "Giấy khai sinh", en: "Birth certificate" },
      legalBasis: ["Luật Hộ tịch 2014"],
    },
  };

  it("shows it as text and reads the same back (descriptions kept by key)", () => {
    const values = contentValues(content);
    expect(values.onlineDays).toBe("3");
    expect(values.deskDays).toBe("0.5");
    expect(contentFromInput(values, content)).toEqual({ ok: true, content });
  });

  it("names each wrong input", () => {
    const values = {
      ...contentValues(content),
      onlineDays: "three",
      fees: "cash | 10 | x",
      documents: "Bad Key | yes | 1 | 0 | A | B",
      resultEn: "",
      channels: "online, fax",
    };
    expect(contentFromInput(values, content)).toEqual({
      ok: false,
      issues: {
        channels: ["channelsFormat"],
        fees: ["feeLine"],
        documents: ["documentLine"],
        resultEn: ["resultMissing"],
        onlineDays: ["daysFormat"],
      },
    });
  });
});
