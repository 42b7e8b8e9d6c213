import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dossiers } from "@/db/schema";
import { saveDraft, startDraft, submitDossier } from "@/lib/dossiers/service";
import type { FormDefinition } from "@/lib/forms/types";
import { createProcedure, expectOk, openWorld, type World } from "../support/fixtures";

let db: Db;
let world: World;
let close: () => Promise<void>;

const t = (vi: string, en: string) => ({ vi, en });

/** Three pages; the father's page shows only when the father is known. */
const pagedForm: FormDefinition = {
  sections: [
    { id: "child", title: t("Trẻ", "Child") },
    { id: "parents", title: t("Cha mẹ", "Parents") },
  ],
  pages: [
    {
      id: "child",
      section: "child",
      title: t("Về trẻ", "About the child"),
      fields: [
        { name: "childName", type: "text", label: t("Tên", "Name"), required: true, maxLength: 100 },
        { name: "childBorn", type: "date", label: t("Ngày sinh", "Born"), required: true, notInFuture: true },
      ],
    },
    {
      id: "fatherKnown",
      section: "parents",
      title: t("Đã xác định cha?", "Is the father known?"),
      fields: [
        {
          name: "fatherKnown",
          type: "select",
          label: t("Đã xác định cha?", "Is the father known?"),
          required: true,
          options: [
            { value: "yes", label: t("Có", "Yes") },
            { value: "no", label: t("Không", "No") },
          ],
        },
      ],
    },
    {
      id: "father",
      section: "parents",
      showIf: { field: "fatherKnown", in: ["yes"] },
      title: t("Cha", "Father"),
      fields: [
        { name: "fatherName", type: "text", label: t("Tên cha", "Father's name"), required: true },
        { name: "fatherId", type: "idNumber", label: t("Số định danh", "ID"), required: true },
      ],
    },
  ],
};

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  await createProcedure(db, {
    code: "9.000021",
    places: [{ competentAgencyId: world.justice.id, receivingAgencyId: world.centre.id }],
    form: pagedForm,
    documents: [],
  });
});

afterAll(async () => {
  await close();
});

const draft = async () =>
  expectOk(await startDraft(world.applicantA, { procedureCode: "9.000021" })).dossierId;
const formData = async (dossierId: string) =>
  (await db.select().from(dossiers).where(eq(dossiers.id, dossierId)))[0]!.formData;

describe("drafts saved page by page", () => {
  it("keeps an invalid page as typed, says what is wrong with that page only, and leaves other pages alone", async () => {
    const dossierId = await draft();
    expectOk(
      await saveDraft(world.applicantA, { dossierId, pageId: "fatherKnown", answers: { fatherKnown: "no" } }),
    );
    // Half a page, one answer wrong: everything typed is kept; the issues are this page's.
    const saved = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        pageId: "child",
        answers: { childName: "Nguyễn Minh Anh", childBorn: "2026-2-31" },
      }),
    );
    expect(saved.issues).toEqual({ childBorn: ["errors.date"] });
    expect(await formData(dossierId)).toEqual({
      fatherKnown: "no",
      childName: "Nguyễn Minh Anh",
      childBorn: "2026-2-31",
    });

    // A blank required answer is reported and removes the earlier one; over-long is refused.
    const second = expectOk(
      await saveDraft(world.applicantA, {
        dossierId,
        pageId: "child",
        answers: { childName: "x".repeat(5000), childBorn: "" },
      }),
    );
    expect(second.refused).toEqual({ childName: ["errors.maxLength"] });
    expect(second.issues).toEqual({ childName: ["errors.maxLength"], childBorn: ["errors.required"] });
    expect(await formData(dossierId)).toEqual({ fatherKnown: "no", childName: "Nguyễn Minh Anh" });

    // An unknown page is refused.
    expect(await saveDraft(world.applicantA, { dossierId, pageId: "nope", answers: {} })).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
  });

  it("submits only the answers of the pages shown, and checks every shown page", async () => {
    const dossierId = await draft();
    const save = (pageId: string, answers: Record<string, unknown>) =>
      saveDraft(world.applicantA, { dossierId, pageId, answers }).then(expectOk);
    await save("child", { childName: "Lê Văn Bình", childBorn: "2026-01-05" });
    await save("fatherKnown", { fatherKnown: "yes" });
    // The father's page is shown: its answers are required, and a wrong one stops the submission.
    await save("father", { fatherName: "Lê Văn Cường", fatherId: "12" });
    const refused = await submitDossier(world.applicantA, { dossierId });
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { fatherId: ["errors.idNumber"] },
    });

    // The father turns out unknown: his page is no longer shown, its answers are not submitted.
    await save("fatherKnown", { fatherKnown: "no" });
    expectOk(await submitDossier(world.applicantA, { dossierId }));
    expect(await formData(dossierId)).toEqual({
      childName: "Lê Văn Bình",
      childBorn: "2026-01-05",
      fatherKnown: "no",
    });
  });
});
