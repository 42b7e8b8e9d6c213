import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, dossiers, procedureVersions } from "@/db/schema";
import { findFilingTarget, getProcedureByCode } from "@/lib/catalog/service";
import {
  discardDraft,
  getVersionState,
  listProceduresForAdmin,
  publishDraft,
  startDraftVersion,
  updateDraftForm,
  updateDraftVersion,
  updateVersionById,
  versionHistory,
} from "@/lib/catalog/versions";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { performStaffAction, startDraft } from "@/lib/dossiers/service";
import type { FormDefinition } from "@/lib/forms/types";
import { defaultForm, expectOk, fileDossier, openWorld, type World } from "../support/fixtures";

let db: Db;
let world: World;
let close: () => Promise<void>;
const code = "1.001193";

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
});

afterAll(async () => {
  await close();
});

/** v2 (current at the start) plus a second page with a radio and a field shown on one answer. */
const twoPages: FormDefinition = {
  pages: [
    ...defaultForm.pages,
    {
      id: "delivery",
      title: { vi: "Nhận kết quả", en: "Receiving the result" },
      fields: [
        {
          name: "how",
          type: "radio",
          label: { vi: "Cách nhận", en: "How" },
          required: true,
          options: [
            { value: "post", label: { vi: "Bưu điện", en: "By post" } },
            { value: "desk", label: { vi: "Tại quầy", en: "At the desk" } },
          ],
        },
        {
          name: "postAddress",
          type: "text",
          label: { vi: "Địa chỉ nhận", en: "Address" },
          required: true,
          showIf: { field: "how", in: ["post"] },
        },
      ],
    },
  ],
};

describe("who may", () => {
  it("refuses everyone but a system administrator", async () => {
    for (const actor of [world.applicantA, world.receiver, world.head]) {
      expect(await startDraftVersion(actor, code)).toMatchObject({ ok: false, error: "forbidden" });
      expect(await listProceduresForAdmin(actor)).toMatchObject({ ok: false, error: "forbidden" });
      expect(await publishDraft(actor, code, "x")).toMatchObject({ ok: false, error: "forbidden" });
    }
  });
});

describe("a draft version", () => {
  let pinnedDossierId: string;
  let draftDossierId: string;

  it("copies the current version, and is the same draft when started again", async () => {
    // Filed on v2 before any change: it must keep v2.
    pinnedDossierId = (await fileDossier(world.applicantA, code)).id;
    draftDossierId = expectOk(await startDraft(world.applicantB, { procedureCode: code })).dossierId;

    const draft = expectOk(await startDraftVersion(world.sysadmin, code));
    expect(draft).toMatchObject({ version: 3, status: "draft", isCurrent: false, publishedAt: null });
    expect(draft.form).toEqual(defaultForm);
    expect(draft.createdBy).toBe(world.sysadmin.userId);
    const again = expectOk(await startDraftVersion(world.sysadmin, code));
    expect(again.id).toBe(draft.id);
    const list = expectOk(await listProceduresForAdmin(world.sysadmin, { q: "1.0011" }));
    expect(list.find((p) => p.code === code)).toMatchObject({ currentVersion: 2, draftVersion: 3 });
  });

  it("refuses a form an applicant could not fill in, with where and why", async () => {
    const bad: FormDefinition = {
      pages: [
        { id: "main", title: { vi: "A", en: "A" }, fields: [] },
        {
          id: "main",
          title: { vi: "B", en: "" },
          fields: [
            {
              name: "x",
              type: "text",
              label: { vi: "X", en: "X" },
              required: true,
              showIf: { field: "later", in: ["1"] },
            },
            { name: "x", type: "document", label: { vi: "Y", en: "Y" }, required: true, documentKey: "nope" },
            { name: "later", type: "text", label: { vi: "Z", en: "Z" }, required: false },
          ],
        },
      ],
    };
    const refused = await updateDraftForm(world.sysadmin, code, bad);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toBe("invalid_input");
    const keys = Object.values(refused.issues ?? {}).flat();
    expect(keys).toEqual(
      expect.arrayContaining([
        "pageIdTaken",
        "labelMissing",
        "conditionNotEarlier",
        "fieldNameTaken",
        "documentUnknown",
      ]),
    );
  });

  it("applicants never see it: the catalogue and filing use the current published version", async () => {
    expectOk(await updateDraftForm(world.sysadmin, code, twoPages));
    const v2 = world.procedure.versionId;
    expect((await findFilingTarget(code))?.versionId).toBe(v2);
    expect((await getProcedureByCode(code))?.version.version).toBe(2);
    const started = expectOk(await startDraft(world.applicantA, { procedureCode: code }));
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, started.dossierId));
    expect(row!.procedureVersionId).toBe(v2);
    expect((await versionHistory(code)).map((h) => h.version)).toEqual([2, 1]);
  });

  it("publishes: the next number, current moves, dated, with the note; the history lists it", async () => {
    const state = expectOk(await getVersionState(world.sysadmin, code));
    expectOk(
      await updateDraftVersion(world.sysadmin, code, {
        decisionNo: "1234/QĐ-BTP",
        // 10 working days online instead of 3.
        timeLimitHours: { online: 80, desk: 80, post: null },
        fees: [{ channel: "online", amountVnd: 0, asPublished: "Miễn phí" }],
        documents: state.draft!.documents,
        details: state.draft!.details,
      }),
    );
    expect(await publishDraft(world.sysadmin, code, "  ")).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    const when = new Date("2026-11-12T03:00:00Z");
    const published = expectOk(await publishDraft(world.sysadmin, code, "Thêm trang nhận kết quả", when));
    expect(published).toMatchObject({
      version: 3,
      status: "published",
      isCurrent: true,
      changeNote: "Thêm trang nhận kết quả",
    });
    expect(published.publishedAt?.toISOString()).toBe(when.toISOString());
    const current = await db
      .select({ version: procedureVersions.version })
      .from(procedureVersions)
      .where(
        and(eq(procedureVersions.procedureId, world.procedure.id), eq(procedureVersions.isCurrent, true)),
      );
    expect(current).toEqual([{ version: 3 }]);
    const history = await versionHistory(code);
    expect(history.map((h) => [h.version, h.current])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(history[0]).toMatchObject({ decisionNo: "1234/QĐ-BTP", changeNote: "Thêm trang nhận kết quả" });
    expect((await getProcedureByCode(code))?.version.form).toEqual(twoPages);
    expect(expectOk(await getVersionState(world.sysadmin, code)).draft).toBeNull();
  });

  it("pins dossiers and drafts to the version they started on: form and deadline", async () => {
    const v2 = world.procedure.versionId;
    for (const id of [pinnedDossierId, draftDossierId]) {
      const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
      expect(row!.procedureVersionId).toBe(v2);
      expect((await getFilingVersion(row!.procedureVersionId))?.form).toEqual(defaultForm);
    }
    const onV3 = await fileDossier(world.applicantA, code, {
      answers: { childName: "Trần Bé", how: "post", postAddress: "1 Lê Lợi" },
    });
    const [v3Row] = await db.select().from(dossiers).where(eq(dossiers.id, onV3.id));
    expect(v3Row!.procedureVersionId).not.toBe(v2);

    // Both accepted now: the one filed on v2 gets v2's 3 days, the other v3's 10.
    const accept = async (id: string) => {
      const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
      expectOk(
        await performStaffAction(world.receiver, {
          action: "accept",
          code: row!.code!,
          version: row!.version,
        }),
      );
      const [after] = await db.select().from(dossiers).where(eq(dossiers.id, id));
      return after!.dueAt!.getTime();
    };
    const oldDue = await accept(pinnedDossierId);
    const newDue = await accept(onV3.id);
    const days = (newDue - oldDue) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(7);
  });
});

describe("a published version never changes", () => {
  it("is refused by the service", async () => {
    const v2 = world.procedure.versionId;
    expect(await updateVersionById(world.sysadmin, v2, { form: twoPages })).toMatchObject({
      ok: false,
      error: "published",
    });
    expect(await updateDraftForm(world.sysadmin, code, twoPages)).toMatchObject({
      ok: false,
      error: "no_draft",
    });
  });

  it("is refused by the database, update and delete alike; a draft may change and go", async () => {
    const v2 = world.procedure.versionId;
    await expect(
      db
        .update(procedureVersions)
        .set({ fees: [{ channel: "desk", amountVnd: 1, asPublished: "1" }] })
        .where(eq(procedureVersions.id, v2)),
    ).rejects.toThrow();
    await expect(
      db
        .update(procedureVersions)
        .set({ form: { pages: [] } })
        .where(eq(procedureVersions.id, v2)),
    ).rejects.toThrow();
    await expect(db.delete(procedureVersions).where(eq(procedureVersions.id, v2))).rejects.toThrow();
    const [still] = await db.select().from(procedureVersions).where(eq(procedureVersions.id, v2));
    expect(still!.form).toEqual(defaultForm);

    const draft = expectOk(await startDraftVersion(world.sysadmin, code));
    expect(draft.version).toBe(4);
    await db
      .update(procedureVersions)
      .set({ decisionNo: "draft ok" })
      .where(eq(procedureVersions.id, draft.id));
    expectOk(await discardDraft(world.sysadmin, code));
    expect(await discardDraft(world.sysadmin, code)).toMatchObject({ ok: false, error: "no_draft" });
    expect((await getProcedureByCode(code))?.version.version).toBe(3);
  });

  it("writes every change to the audit log", async () => {
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const action of [
      "procedure.draft_started",
      "procedure.form_updated",
      "procedure.draft_updated",
      "procedure.published",
      "procedure.draft_discarded",
    ])
      expect(actions).toContain(action);
  });
});
