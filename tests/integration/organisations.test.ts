import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, organisationInvitations } from "@/db/schema";
import { singlePage } from "@/lib/forms/definition";
import { actorForUser } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import {
  getDossierDetail,
  listApplicantDossiers,
  saveDraft,
  startDraft,
  submitDossier,
} from "@/lib/dossiers/service";
import type { OutgoingMail } from "@/lib/notify/mail";
import {
  acceptInvitation,
  createOrganisation,
  getOrganisation,
  inviteMember,
  listMyOrganisations,
  removeMember,
  revokeInvitation,
  setMemberRole,
  updateOrganisation,
} from "@/lib/organisations/service";
import { seedAdministrativeUnits } from "@/db/seed/places";
import { forgetPlaces } from "@/lib/places/service";
import { createApplicant, createProcedure, expectOk, openWorld, type World } from "../support/fixtures";

let db: Db;
let close: () => Promise<void>;
let world: World;
const sent: OutgoingMail[] = [];
const transport = { describe: "test", send: async (mail: OutgoingMail) => void sent.push(mail) };
const notFound = { ok: false, error: "not_found" };

/** The actor as the next request resolves it: from the database. */
const fresh = async (actor: Actor) => {
  if (actor.kind !== "applicant") throw new Error("applicant expected");
  return actorForUser(actor.userId);
};

const particulars = (taxCode: string) => ({
  name: "Công ty TNHH Thử Nghiệm Phố Hiến",
  taxCode,
  address: { province: "33", commune: "11953", street: "Số 1 đường Điện Biên" },
  legalRepresentative: "Nguyễn Văn Đại Diện",
  legalRepresentativeTitle: "Giám đốc",
  phone: "0221 386 2468",
  email: "LienHe@Example.vn",
});

/** The token of the last invitation mailed to `to`, read from its link. */
const tokenIn = (to: string) => {
  const mail = [...sent].reverse().find((m) => m.to === to);
  return mail?.text.match(/invitations\/([A-Za-z0-9_-]{43})/)?.[1] ?? null;
};

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  await createProcedure(db, {
    code: "2.001583",
    places: [{ competentAgencyId: world.justice.id, receivingAgencyId: world.centre.id }],
    documents: [],
    form: singlePage([
      {
        name: "companyName",
        type: "text",
        label: { vi: "Tên", en: "Name" },
        required: true,
        prefill: "organisation.name",
      },
      {
        name: "taxCode",
        type: "taxCode",
        label: { vi: "MST", en: "Tax code" },
        required: false,
        prefill: "organisation.taxCode",
      },
      {
        name: "seat",
        type: "address",
        label: { vi: "Trụ sở", en: "Seat" },
        required: false,
        prefill: "organisation.address",
      },
      {
        name: "representative",
        type: "text",
        label: { vi: "Người đại diện", en: "Representative" },
        required: false,
        prefill: "organisation.legalRepresentative",
      },
      {
        name: "contactPhone",
        type: "tel",
        label: { vi: "Điện thoại", en: "Phone" },
        required: false,
        prefill: "applicant.phone",
      },
    ]),
  });
}, 120_000);

afterAll(async () => {
  await close();
});

describe("registering an organisation", () => {
  it("checks the tax code's check digit, makes the creator owner and refuses a tax code already registered", async () => {
    const owner = await createApplicant(db, "Chủ Doanh Nghiệp");
    const wrong = await createOrganisation(owner, particulars("0901234567"));
    expect(wrong).toMatchObject({ ok: false, error: "invalid_input" });
    expect(!wrong.ok && wrong.issues?.taxCode).toEqual(["organisations:errors.taxCode"]);
    const missing = await createOrganisation(owner, {
      ...particulars(""),
      name: "",
      legalRepresentative: "",
    });
    expect(!missing.ok && Object.keys(missing.issues ?? {}).sort()).toEqual([
      "legalRepresentative",
      "name",
      "taxCode",
    ]);

    const { id } = expectOk(await createOrganisation(owner, particulars("0901234564")));
    const detail = expectOk(await getOrganisation(await fresh(owner), id));
    expect(detail).toMatchObject({
      role: "owner",
      taxCode: "0901234564",
      phone: "02213862468",
      email: "lienhe@example.vn",
    });
    expect(await listMyOrganisations(await fresh(owner))).toEqual([
      { id, name: "Công ty TNHH Thử Nghiệm Phố Hiến", taxCode: "0901234564", role: "owner" },
    ]);

    const other = await createApplicant(db, "Người Khác");
    const again = await createOrganisation(other, { ...particulars("0901234564"), name: "Tên khác" });
    expect(again).toMatchObject({ ok: false, error: "tax_code_taken" });
    expect(!again.ok && again.issues?.taxCode).toEqual(["organisations:errors.taxCodeTaken"]);
    // Branch codes (13 digits) are written with a dash.
    expectOk(await createOrganisation(other, { ...particulars("0901234564-001"), name: "Chi nhánh" }));
    // Only an owner changes the particulars; staff and strangers get nothing.
    expect(await updateOrganisation(other, id, particulars("0901234564"))).toEqual(notFound);
    expect(await updateOrganisation(world.receiver, id, particulars("0901234564"))).toEqual(notFound);
    expectOk(
      await updateOrganisation(await fresh(owner), id, { ...particulars("0901234564"), name: "Tên mới" }),
    );
    expect(expectOk(await getOrganisation(owner, id)).name).toBe("Tên mới");
  });
});

describe("invitations", () => {
  it("are mailed with a token only its hash of is stored, accepted once by the invited address only", async () => {
    const owner = await createApplicant(db, "Chủ", { email: "chu@example.vn" });
    const { id } = expectOk(await createOrganisation(owner, particulars("0100109106")));
    const invited = expectOk(
      await inviteMember(
        await fresh(owner),
        id,
        { email: " Moi@Example.vn ", role: "filer" },
        { transport, baseUrl: "https://portal.example", lang: "en" },
      ),
    );
    expect(invited.mailed).toBe(true);
    const token = tokenIn("moi@example.vn");
    expect(token).toBe(invited.token);
    expect(sent.at(-1)!.text).toContain(`https://portal.example/en/organisations/invitations/${token}`);
    expect(sent.at(-1)!.subject).toContain("Công ty TNHH Thử Nghiệm Phố Hiến");
    const [row] = await db
      .select()
      .from(organisationInvitations)
      .where(eq(organisationInvitations.id, invited.invitationId));
    expect(row!.tokenHash).toBe(crypto.createHash("sha256").update(token!).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(14 * 86_400_000);

    const stranger = await createApplicant(db, "Người Lạ", { email: "la@example.vn" });
    expect(await acceptInvitation(await fresh(stranger), token)).toMatchObject({
      ok: false,
      error: "wrong_account",
    });
    expect(await acceptInvitation({ kind: "anonymous" }, token)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const invitee = await createApplicant(db, "Người Được Mời", { email: "moi@example.vn" });
    expect(await acceptInvitation(invitee, "x".repeat(43))).toMatchObject({
      ok: false,
      error: "invitation_not_found",
    });
    expect(expectOk(await acceptInvitation(await fresh(invitee), token))).toEqual({ organisationId: id });
    expect(await acceptInvitation(await fresh(invitee), token)).toMatchObject({
      ok: false,
      error: "invitation_used",
    });
    expect(await listMyOrganisations(await fresh(invitee))).toMatchObject([{ id, role: "filer" }]);
    // A member is not invited again.
    expect(
      await inviteMember(await fresh(owner), id, { email: "moi@example.vn", role: "viewer" }, { transport }),
    ).toMatchObject({
      ok: false,
      error: "already_member",
    });
    // Only an owner invites.
    expect(
      await inviteMember(await fresh(invitee), id, { email: "x@example.vn", role: "viewer" }, { transport }),
    ).toMatchObject({
      ok: false,
      error: "forbidden",
    });
  });

  it("a revoked or expired invitation cannot be accepted; inviting again replaces the last", async () => {
    const owner = await createApplicant(db, "Chủ 2");
    const { id } = expectOk(await createOrganisation(owner, particulars("0101243150")));
    const me = await fresh(owner);
    const first = expectOk(
      await inviteMember(me, id, { email: "thu@example.vn", role: "viewer" }, { transport }),
    );
    expectOk(await revokeInvitation(me, id, first.invitationId));
    expect(await revokeInvitation(me, id, first.invitationId)).toMatchObject({
      ok: false,
      error: "invitation_not_found",
    });
    const invitee = await createApplicant(db, "Thư", { email: "thu@example.vn" });
    expect(await acceptInvitation(await fresh(invitee), first.token)).toMatchObject({
      ok: false,
      error: "invitation_revoked",
    });

    const second = expectOk(
      await inviteMember(me, id, { email: "thu@example.vn", role: "viewer" }, { transport }),
    );
    const third = expectOk(
      await inviteMember(me, id, { email: "thu@example.vn", role: "filer" }, { transport }),
    );
    expect(await acceptInvitation(await fresh(invitee), second.token)).toMatchObject({
      ok: false,
      error: "invitation_revoked",
    });
    expect(expectOk(await getOrganisation(me, id)).invitations.map((i) => i.id)).toEqual([
      third.invitationId,
    ]);
    await db
      .update(organisationInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(organisationInvitations.id, third.invitationId));
    expect(await acceptInvitation(await fresh(invitee), third.token)).toMatchObject({
      ok: false,
      error: "invitation_expired",
    });
    expect(await listMyOrganisations(await fresh(invitee))).toEqual([]);
  });
});

describe("roles", () => {
  it("the last owner can be neither removed nor demoted", async () => {
    const owner = await createApplicant(db, "Chủ 3");
    const { id } = expectOk(await createOrganisation(owner, particulars("0312345673")));
    const me = await fresh(owner);
    expect(await removeMember(me, id, owner.userId)).toMatchObject({ ok: false, error: "last_owner" });
    expect(await setMemberRole(me, id, owner.userId, "filer")).toMatchObject({
      ok: false,
      error: "last_owner",
    });
    expect(await setMemberRole(me, id, owner.userId, "boss")).toMatchObject({
      ok: false,
      error: "invalid_input",
    });

    const second = await createApplicant(db, "Chủ Thứ Hai", { email: "chu2@example.vn" });
    const invited = expectOk(
      await inviteMember(me, id, { email: "chu2@example.vn", role: "viewer" }, { transport }),
    );
    expectOk(await acceptInvitation(await fresh(second), invited.token));
    // A viewer manages nothing.
    expect(await setMemberRole(await fresh(second), id, second.userId, "owner")).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expectOk(await setMemberRole(me, id, second.userId, "owner"));
    // Now another owner remains: the first may step down.
    expectOk(await setMemberRole(me, id, owner.userId, "viewer"));
    expect(await removeMember(await fresh(second), id, second.userId)).toMatchObject({
      ok: false,
      error: "last_owner",
    });
    expectOk(await removeMember(await fresh(second), id, owner.userId));
    expect(await getOrganisation(await fresh(owner), id)).toEqual(notFound);

    const actions = (await db.select().from(auditLog).where(like(auditLog.action, "organisation.%"))).map(
      (r) => r.action,
    );
    for (const action of [
      "organisation.created",
      "organisation.updated",
      "organisation.member_invited",
      "organisation.invitation_accepted",
      "organisation.invitation_revoked",
      "organisation.member_role_changed",
      "organisation.member_removed",
    ])
      expect(actions).toContain(action);
  });
});

describe("the organisation's drafts and dossiers", () => {
  it("owners and filers continue and submit them, viewers see the submitted ones, a removed member gets nothing at once", async () => {
    const owner = await createApplicant(db, "Chủ 4", { email: "chu4@example.vn", phone: "0912345678" });
    const filer = await createApplicant(db, "Người Nộp", { email: "nop@example.vn" });
    const viewer = await createApplicant(db, "Người Xem", { email: "xem@example.vn" });
    const { id } = expectOk(await createOrganisation(owner, particulars("0108675424")));
    for (const [who, role] of [
      [filer, "filer"],
      [viewer, "viewer"],
    ] as const) {
      const invited = expectOk(
        await inviteMember(
          await fresh(owner),
          id,
          { email: `${who.name === "Người Nộp" ? "nop" : "xem"}@example.vn`, role },
          { transport },
        ),
      );
      expectOk(await acceptInvitation(await fresh(who), invited.token));
    }

    // Only owners and filers file for it, and only a procedure for businesses.
    expect(
      await startDraft(await fresh(viewer), { procedureCode: "2.001583", organisationId: id }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await startDraft(await fresh(owner), { procedureCode: "1.001193", organisationId: id }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await startDraft(world.applicantA, { procedureCode: "2.001583", organisationId: id }),
    ).toMatchObject({ ok: false, error: "forbidden" });

    const { dossierId } = expectOk(
      await startDraft(await fresh(owner), { procedureCode: "2.001583", organisationId: id }),
    );
    const draft = expectOk(await getDossierDetail(await fresh(owner), { id: dossierId })).dossier;
    expect(draft.applicantName).toBe("Công ty TNHH Thử Nghiệm Phố Hiến");
    expect(draft.organisation).toEqual({ id, name: "Công ty TNHH Thử Nghiệm Phố Hiến" });
    expect(draft.formData).toEqual({
      companyName: "Công ty TNHH Thử Nghiệm Phố Hiến",
      taxCode: "0108675424",
      seat: { province: "33", commune: "11953", street: "Số 1 đường Điện Biên" },
      representative: "Nguyễn Văn Đại Diện",
      contactPhone: "0912345678",
    });

    // The filer continues it; the viewer does not see a draft.
    expect(expectOk(await getDossierDetail(await fresh(filer), { id: dossierId })).dossier.id).toBe(
      dossierId,
    );
    expectOk(
      await saveDraft(await fresh(filer), {
        dossierId,
        answers: { companyName: "Công ty TNHH Thử Nghiệm Phố Hiến" },
      }),
    );
    expect(await getDossierDetail(await fresh(viewer), { id: dossierId })).toEqual(notFound);
    expect(await saveDraft(await fresh(viewer), { dossierId, answers: { companyName: "x" } })).toEqual(
      notFound,
    );
    expect((await listApplicantDossiers(await fresh(viewer))).rows.map((d) => d.id)).not.toContain(dossierId);
    expect((await listApplicantDossiers(await fresh(filer))).rows.map((d) => d.id)).toContain(dossierId);

    // A second draft stays with the filer while they are removed.
    const { dossierId: other } = expectOk(
      await startDraft(await fresh(filer), { procedureCode: "2.001583", organisationId: id }),
    );
    const submitted = expectOk(await submitDossier(await fresh(filer), { dossierId }));
    expect(expectOk(await getDossierDetail(await fresh(viewer), { code: submitted.code! })).dossier.id).toBe(
      dossierId,
    );
    expect(await submitDossier(await fresh(viewer), { dossierId: other })).toEqual(notFound);

    expectOk(await removeMember(await fresh(owner), id, filer.userId));
    const removed = await fresh(filer);
    expect(removed).toMatchObject({ kind: "applicant", organisationIds: [], organisations: [] });
    expect(await getDossierDetail(removed, { code: submitted.code! })).toEqual(notFound);
    expect(await getDossierDetail(removed, { id: dossierId })).toEqual(notFound);
    // Not even the draft they started themselves: it is the organisation's.
    expect(await getDossierDetail(removed, { id: other })).toEqual(notFound);
    expect(await saveDraft(removed, { dossierId: other, answers: { companyName: "x" } })).toEqual(notFound);
    expect(await submitDossier(removed, { dossierId: other })).toEqual(notFound);
    expect((await listApplicantDossiers(removed)).rows).toEqual([]);
    expect(await listMyOrganisations(removed)).toEqual([]);
    expect(await getOrganisation(removed, id)).toEqual(notFound);
    // The owner keeps both.
    const ownerList = (await listApplicantDossiers(await fresh(owner))).rows.map((d) => d.id);
    expect(ownerList).toEqual(expect.arrayContaining([dossierId, other]));
  });
});

describe("the head office's address", () => {
  it("is a province and one of its communes from the administrative units", async () => {
    await seedAdministrativeUnits(db);
    forgetPlaces();
    const owner = await createApplicant(db, "Chủ Trụ Sở");
    const at = (address: { province?: string; commune?: string; street?: string }) =>
      createOrganisation(owner, { ...particulars("0100233488"), address });
    expect(await at({ province: "99", street: "Số 2" })).toMatchObject({
      ok: false,
      issues: { "address.province": ["organisations:errors.province"] },
    });
    expect(await at({ commune: "11953" })).toMatchObject({
      ok: false,
      issues: { "address.province": ["organisations:errors.province"] },
    });
    expect(await at({ province: "33", commune: "00000" })).toMatchObject({
      ok: false,
      issues: { "address.commune": ["organisations:errors.commune"] },
    });
    const { id } = expectOk(
      await at({ province: "33", commune: "11953", street: "Số 2 đường Nguyễn Văn Linh" }),
    );
    expect(await getOrganisation(owner, id)).toMatchObject({
      ok: true,
      value: { address: { province: "33", commune: "11953", street: "Số 2 đường Nguyễn Văn Linh" } },
    });
  });
});
