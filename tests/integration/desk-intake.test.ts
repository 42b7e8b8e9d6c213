import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dossierEvents, users } from "@/db/schema";
import { verifyEventChains } from "@/lib/dossiers/audit";
import { fileAtDesk, listApplicantDossiers, type DeskIntakeInput } from "@/lib/dossiers/service";
import { actorForUser, checkCredentials, registerCitizen } from "@/lib/identity/accounts";
import type { SignUpInput } from "@/lib/identity/schema";
import { expectOk, openWorld, pdfBytes, type World } from "../support/fixtures";

let db: Db;
let world: World;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, world, close } = await openWorld());
  vi.useFakeTimers({ toFake: ["Date"] });
});

afterAll(async () => {
  vi.useRealTimers();
  await close();
});

const vn = (local: string) => new Date(`${local}+07:00`);
const scan = [
  { documentKey: "birth_notice", fileName: "giấy chứng sinh (bản quét).pdf", bytes: pdfBytes("scan") },
];

function intake(applicant: Record<string, string>, extra: Partial<DeskIntakeInput> = {}): DeskIntakeInput {
  const answers: Record<string, unknown> = { childName: "Lê Minh Khang" };
  for (const [key, value] of Object.entries(applicant)) answers[`applicant_${key}`] = value;
  return { procedureCode: "1.001193", answers, files: scan, ...extra };
}

const walkIn = {
  idNumber: "001090012345",
  fullName: "Lê Thị Hạnh",
  email: "hanh.le@example.vn",
  phone: "0987 654 321",
};
const usersWithId = (idNumber: string) => db.select().from(users).where(eq(users.idNumber, idNumber));
const signUp = (input: Partial<SignUpInput>): SignUpInput => ({
  fullName: "Lê Thị Hạnh",
  email: "hanh.le@example.vn",
  phone: "0987654321",
  password: "một mật khẩu đủ dài",
  confirmPassword: "một mật khẩu đủ dài",
  ...input,
});

describe("desk intake", () => {
  it("creates a walk-in applicant without a password and receives the dossier in one step", async () => {
    vi.setSystemTime(vn("2026-03-02T09:00:00"));
    const dossier = expectOk(await fileAtDesk(world.receiver, intake(walkIn, { comment: "Nhận bản gốc" })));
    expect(dossier).toMatchObject({
      status: "received",
      channel: 1,
      applicantName: "Lê Thị Hạnh",
      code: "000.00.01.H33-260302-0001",
      formData: { childName: "Lê Minh Khang" },
    });
    expect(dossier.acceptedAt).toEqual(vn("2026-03-02T09:00:00"));
    expect(dossier.dueAt).not.toBeNull();
    const events = await db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossier.id))
      .orderBy(asc(dossierEvents.id));
    expect(events.map((e) => [e.action, e.actorId, e.comment])).toEqual([
      ["submit", world.receiver.userId, null],
      ["accept", world.receiver.userId, "Nhận bản gốc"],
    ]);
    expect(await verifyEventChains({ code: dossier.code! })).toMatchObject({ ok: true, events: 2 });
    const [person] = await usersWithId(walkIn.idNumber);
    expect(person).toMatchObject({
      fullName: "Lê Thị Hạnh",
      email: "hanh.le@example.vn",
      phone: "0987654321",
      passwordHash: null,
      kind: "citizen",
      deskCreatedBy: world.receiver.userId,
    });
    expect(dossier.applicantId).toBe(person!.id);
  });

  it("finds the same person again by ID number, e-mail or phone: no second account", async () => {
    vi.setSystemTime(vn("2026-03-02T10:00:00"));
    const [person] = await usersWithId(walkIn.idNumber);
    const ways: Record<string, string>[] = [
      { idNumber: walkIn.idNumber },
      { email: "HANH.LE@example.vn" },
      { phone: "0987654321" },
    ];
    for (const details of ways) {
      const dossier = expectOk(await fileAtDesk(world.receiver2, intake(details)));
      expect(dossier.applicantId).toBe(person!.id);
    }
    expect(await usersWithId(walkIn.idNumber)).toHaveLength(1);
  });

  it("finds an applicant who registered online by e-mail and records the ID number seen at the desk", async () => {
    vi.setSystemTime(vn("2026-03-02T11:00:00"));
    const [a] = await db.select().from(users).where(eq(users.id, world.applicantA.userId));
    const dossier = expectOk(
      await fileAtDesk(world.receiver, intake({ email: a!.email!, idNumber: "001090099999" })),
    );
    expect(dossier.applicantId).toBe(world.applicantA.userId);
    expect((await usersWithId("001090099999"))[0]!.id).toBe(world.applicantA.userId);
  });

  it("refuses details that belong to two different people", async () => {
    const [b] = await db.select().from(users).where(eq(users.id, world.applicantB.userId));
    expect(await fileAtDesk(world.receiver, intake({ idNumber: walkIn.idNumber, email: b!.email! }))).toEqual(
      {
        ok: false,
        error: "invalid_input",
        issues: { applicant_email: ["staff:intake.errors.emailOtherPerson"] },
      },
    );
  });

  it("lists everything missing at once, and creates nobody", async () => {
    const before = (await db.select().from(users)).length;
    const result = await fileAtDesk(world.receiver, {
      procedureCode: "1.001193",
      answers: { applicant_email: "không phải e-mail" },
      files: [],
    });
    expect(result).toMatchObject({ ok: false, error: "invalid_input" });
    if (result.ok) return;
    expect(Object.keys(result.issues as object)).toEqual([
      "applicant_email",
      "childName",
      "doc_birth_notice",
    ]);
    expect(await fileAtDesk(world.receiver, intake({ fullName: "Người Mới" }))).toMatchObject({
      issues: { applicant_idNumber: ["staff:intake.errors.findBy"] },
    });
    expect(await fileAtDesk(world.receiver, intake({ idNumber: "001090055555" }))).toMatchObject({
      issues: { applicant_fullName: ["staff:intake.errors.nameToCreate"] },
    });
    expect((await db.select().from(users)).length).toBe(before);
  });

  it("is the receiving officer's: others are refused", async () => {
    expect(await fileAtDesk(world.specialist, intake(walkIn))).toEqual({ ok: false, error: "forbidden" });
    expect(await fileAtDesk(world.otherReceiver, intake(walkIn))).toEqual({ ok: false, error: "forbidden" });
    expect(await fileAtDesk(world.applicantA, intake(walkIn))).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("the walk-in applicant signs up later", () => {
  it("cannot claim the account with the e-mail alone, or with a wrong ID number", async () => {
    expect(await registerCitizen(signUp({}))).toEqual({ ok: false, error: "claim_mismatch" });
    expect(await registerCitizen(signUp({ idNumber: "001090012346" }))).toEqual({
      ok: false,
      error: "claim_mismatch",
    });
    expect(await registerCitizen(signUp({ idNumber: walkIn.idNumber, phone: "0911111111" }))).toEqual({
      ok: false,
      error: "claim_mismatch",
    });
    expect(await registerCitizen(signUp({ email: "ke.gian@example.vn", idNumber: walkIn.idNumber }))).toEqual(
      {
        ok: false,
        error: "claim_mismatch",
      },
    );
  });

  it("claims it with the details given at the desk, sees the dossiers, and nobody can claim it again", async () => {
    const [person] = await usersWithId(walkIn.idNumber);
    const claimed = await registerCitizen(signUp({ idNumber: walkIn.idNumber, phone: "+84987654321" }));
    expect(claimed).toEqual({ ok: true, userId: person!.id });
    expect(await usersWithId(walkIn.idNumber)).toHaveLength(1);
    expect(await checkCredentials("hanh.le@example.vn", "một mật khẩu đủ dài")).toMatchObject({
      id: person!.id,
    });
    const actor = await actorForUser(person!.id);
    const listed = await listApplicantDossiers(actor);
    expect(listed.rows.length).toBe(4);
    expect(
      await registerCitizen(
        signUp({
          idNumber: walkIn.idNumber,
          password: "mật khẩu khác hẳn",
          confirmPassword: "mật khẩu khác hẳn",
        }),
      ),
    ).toEqual({
      ok: false,
      error: "email_taken",
    });
  });

  it("claims an account opened without an e-mail by its ID number, adding the e-mail", async () => {
    vi.setSystemTime(vn("2026-03-03T09:00:00"));
    const details = { idNumber: "079200001111", fullName: "Trương Văn Tư", phone: "0909000111" };
    const dossier = expectOk(await fileAtDesk(world.receiver, intake(details)));
    expect(
      await registerCitizen(
        signUp({ email: "tu.truong@example.vn", idNumber: "079200001111", phone: "0909000111" }),
      ),
    ).toEqual({ ok: true, userId: dossier.applicantId });
    const [person] = await usersWithId("079200001111");
    expect(person).toMatchObject({ email: "tu.truong@example.vn", fullName: "Trương Văn Tư" });
  });

  it("refuses an ID number that already has an account with a password", async () => {
    expect(
      await registerCitizen(
        signUp({ email: "khac@example.vn", idNumber: "001090099999", phone: "0912000000" }),
      ),
    ).toEqual({ ok: false, error: "id_number_taken" });
  });
});
