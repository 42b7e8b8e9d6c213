import { singlePage } from "@/lib/forms/definition";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/db/client";
import {
  agencies,
  dossiers,
  holidays,
  organisationMembers,
  organisations,
  procedureAgencies,
  procedures,
  procedureVersions,
  staffRoles,
  users,
} from "@/db/schema";
import type { HandlingStep, RequiredDocument, TimeLimits } from "@/lib/catalog/types";
import type { FormDefinition } from "@/lib/forms/types";
import type { Actor, StaffRole } from "@/lib/identity/types";
import { openTestDatabase } from "./database";

export type StaffActor = Extract<Actor, { kind: "staff" }>;
export type ApplicantActor = Extract<Actor, { kind: "applicant" }>;

const unique = () => crypto.randomBytes(4).toString("hex");

export async function createAgency(
  db: Db,
  input: { code: string; nameVi?: string; nameEn?: string; kind?: string },
): Promise<{ id: string; code: string }> {
  const [row] = await db
    .insert(agencies)
    .values({
      code: input.code,
      nameVi: input.nameVi ?? `Cơ quan ${input.code}`,
      nameEn: input.nameEn ?? `Agency ${input.code}`,
      kind: input.kind ?? "department",
    })
    .returning({ id: agencies.id, code: agencies.code });
  return row!;
}

/** A civil servant with the given roles, as the session would resolve them. */
export async function createStaff(
  db: Db,
  name: string,
  roles: { agencyId: string; role: StaffRole }[],
): Promise<StaffActor> {
  const [user] = await db
    .insert(users)
    .values({ email: `staff-${unique()}@example.gov.vn`, fullName: name, kind: "staff" })
    .returning({ id: users.id });
  if (roles.length > 0) await db.insert(staffRoles).values(roles.map((r) => ({ userId: user!.id, ...r })));
  return { kind: "staff", userId: user!.id, name, roles };
}

export async function createApplicant(
  db: Db,
  name: string,
  contact: { email?: string; phone?: string } = {},
): Promise<ApplicantActor> {
  const [user] = await db
    .insert(users)
    .values({
      email: contact.email ?? `citizen-${unique()}@example.vn`,
      phone: contact.phone,
      fullName: name,
      kind: "citizen",
    })
    .returning({ id: users.id });
  return { kind: "applicant", userId: user!.id, name, organisationIds: [] };
}

/** A business with the given members; their actors carry its id, as the session would resolve it. */
export async function createOrganisation(
  db: Db,
  members: ApplicantActor[],
): Promise<{ id: string; members: ApplicantActor[] }> {
  const [organisation] = await db
    .insert(organisations)
    .values({ taxCode: `01${crypto.randomInt(10_000_000, 99_999_999)}`, name: "Công ty TNHH Thử Nghiệm" })
    .returning({ id: organisations.id });
  const id = organisation!.id;
  if (members.length > 0) {
    await db
      .insert(organisationMembers)
      .values(members.map((m) => ({ organisationId: id, userId: m.userId })));
  }
  return { id, members: members.map((m) => ({ ...m, organisationIds: [...m.organisationIds, id] })) };
}

export const defaultForm: FormDefinition = singlePage([
  {
    name: "childName",
    type: "text",
    label: { vi: "Họ và tên trẻ", en: "Child's full name" },
    required: true,
    maxLength: 100,
  },
  { name: "note", type: "textarea", label: { vi: "Ghi chú", en: "Note" }, required: false },
]);

export const defaultDocuments: RequiredDocument[] = [
  {
    key: "birth_notice",
    name: { vi: "Giấy chứng sinh", en: "Birth notice" },
    required: true,
    originals: 1,
    copies: 0,
  },
  {
    key: "other",
    name: { vi: "Giấy tờ khác", en: "Other documents" },
    required: false,
    originals: 0,
    copies: 1,
  },
];

/** A procedure with one current version, done by the given (competent, receiving) agency pairs. */
export async function createProcedure(
  db: Db,
  input: {
    code: string;
    places: { competentAgencyId: string; receivingAgencyId: string }[];
    timeLimitHours?: TimeLimits;
    form?: FormDefinition;
    documents?: RequiredDocument[];
    /** A published version never changes (migration 0014): a chain is given when it is created. */
    handlingChain?: HandlingStep[];
  },
): Promise<{ id: string; code: string; versionId: string }> {
  const [procedure] = await db
    .insert(procedures)
    .values({
      code: input.code,
      nameVi: `Thủ tục ${input.code}`,
      nameEn: `Procedure ${input.code}`,
      fieldVi: "Hộ tịch",
      fieldEn: "Civil status",
      level: "province",
      onlineLevel: "whole",
      searchText: `thu tuc ${input.code}`,
    })
    .returning({ id: procedures.id, code: procedures.code });
  await db.insert(procedureAgencies).values(input.places.map((p) => ({ procedureId: procedure!.id, ...p })));
  // An old version first, so "the current version" has to be chosen, not just found.
  await db.insert(procedureVersions).values({
    procedureId: procedure!.id,
    version: 1,
    isCurrent: false,
    timeLimitHours: { online: 80, desk: 80, post: null },
    fees: [],
    documents: [],
    form: { pages: [] },
    details: { targetGroups: [], channels: ["online"], result: { vi: "", en: "" }, legalBasis: [] },
  });
  const [version] = await db
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      version: 2,
      isCurrent: true,
      timeLimitHours: input.timeLimitHours ?? { online: 24, desk: 24, post: null },
      fees: [],
      documents: input.documents ?? defaultDocuments,
      form: input.form ?? defaultForm,
      handlingChain: input.handlingChain ?? null,
      details: {
        targetGroups: [],
        channels: ["online", "desk"],
        result: { vi: "Giấy khai sinh", en: "Birth certificate" },
        legalBasis: [],
      },
    })
    .returning({ id: procedureVersions.id });
  return { id: procedure!.id, code: procedure!.code, versionId: version!.id };
}

/** A commune that receives and decides its own dossiers. */
export const tanHungCommune = {
  code: "000.01.01.H22",
  nameVi: "UBND xã Tân Hưng",
  nameEn: "Tân Hưng Commune",
  kind: "commune_committee",
};

/** A province's Department of Justice (H22; createWorld's is H33). */
export const justiceDepartment = {
  code: "000.00.05.H22",
  nameVi: "Sở Tư pháp",
  nameEn: "Department of Justice",
  kind: "department",
};

/** The catalogue's birth registration as a commune does it: eight working hours on every channel. */
export const birthRegistration = {
  code: "1.001193",
  nameVi: "Đăng ký khai sinh",
  nameEn: "Birth registration",
  fieldVi: "Hộ tịch",
  fieldEn: "Civil status",
  level: "commune",
  searchText: "dang ky khai sinh",
  timeLimitHours: { online: 8, desk: 8, post: 8 },
};

/**
 * A catalogue entry with a single current version and no form or documents: enough to hang dossier
 * rows on, where createProcedure builds one that applicants can file.
 */
export async function createProcedureRow(
  db: Db,
  input: Pick<
    typeof procedures.$inferInsert,
    "code" | "nameVi" | "nameEn" | "fieldVi" | "fieldEn" | "level" | "searchText"
  > & {
    timeLimitHours: TimeLimits;
    places?: { competentAgencyId: string; receivingAgencyId: string }[];
  },
): Promise<{ id: string; code: string; versionId: string }> {
  const { timeLimitHours, places = [], ...catalogue } = input;
  const [procedure] = await db
    .insert(procedures)
    .values({ ...catalogue, onlineLevel: "whole" })
    .returning({ id: procedures.id, code: procedures.code });
  if (places.length > 0) {
    await db.insert(procedureAgencies).values(places.map((p) => ({ procedureId: procedure!.id, ...p })));
  }
  const [version] = await db
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      version: 1,
      isCurrent: true,
      timeLimitHours,
      fees: [],
      documents: [],
      form: { pages: [] },
      details: { targetGroups: [], channels: ["online"], result: { vi: "", en: "" }, legalBasis: [] },
    })
    .returning({ id: procedureVersions.id });
  return { id: procedure!.id, code: procedure!.code, versionId: version!.id };
}

/**
 * A dossier written straight into its table, already in the given state, for code that only reads
 * dossiers. Filed online, in the applicant's name, received and decided by one agency unless
 * competentAgencyId (or any other column given) says otherwise.
 */
export async function createDossierRow(
  db: Db,
  input: {
    code: string;
    status: string;
    procedure: { id: string; versionId: string };
    applicant: { userId: string; name: string };
    agencyId: string;
  } & Partial<typeof dossiers.$inferInsert>,
): Promise<{ id: string }> {
  const { procedure, applicant, agencyId, ...columns } = input;
  const [dossier] = await db
    .insert(dossiers)
    .values({
      procedureId: procedure.id,
      procedureVersionId: procedure.versionId,
      applicantId: applicant.userId,
      applicantName: applicant.name,
      receivingAgencyId: agencyId,
      competentAgencyId: agencyId,
      channel: 2,
      formData: {},
      ...columns,
    })
    .returning({ id: dossiers.id });
  return dossier!;
}

export async function addHolidays(
  db: Db,
  rows: { date: string; kind?: "holiday" | "makeup_off" | "swap_off" | "swap_work"; name?: string }[],
) {
  await db
    .insert(holidays)
    .values(rows.map((r) => ({ date: r.date, kind: r.kind ?? "makeup_off", name: r.name ?? "Ngày nghỉ" })));
}

/**
 * The usual cast: a province's service centre that receives for its Department of Justice (which
 * decides), their officers, two citizens, a procedure, and another province's pair to stay out of.
 */
export async function createWorld(db: Db) {
  const centre = await createAgency(db, { code: "000.00.01.H33", kind: "province_centre" });
  const justice = await createAgency(db, { code: "000.00.02.H33", kind: "department" });
  const otherCentre = await createAgency(db, { code: "000.00.01.H22", kind: "province_centre" });
  const otherJustice = await createAgency(db, { code: "000.00.02.H22", kind: "department" });

  const receiver = await createStaff(db, "Nguyễn Thị Tiếp Nhận", [{ agencyId: centre.id, role: "receiver" }]);
  const receiver2 = await createStaff(db, "Lê Văn Một Cửa", [{ agencyId: centre.id, role: "receiver" }]);
  const specialist = await createStaff(db, "Trần Văn Chuyên Viên", [
    { agencyId: justice.id, role: "specialist" },
  ]);
  const head = await createStaff(db, "Phạm Thị Trưởng Phòng", [{ agencyId: justice.id, role: "head" }]);
  const otherReceiver = await createStaff(db, "Hoàng Văn Tỉnh Khác", [
    { agencyId: otherCentre.id, role: "receiver" },
  ]);
  const otherSpecialist = await createStaff(db, "Đỗ Thị Sở Khác", [
    { agencyId: otherJustice.id, role: "specialist" },
  ]);
  const sysadmin = await createStaff(db, "Quản Trị Hệ Thống", [
    { agencyId: centre.id, role: "system_admin" },
  ]);

  const applicantA = await createApplicant(db, "Nguyễn Văn An");
  const applicantB = await createApplicant(db, "Trần Thị Bình");

  const procedure = await createProcedure(db, {
    code: "1.001193",
    places: [{ competentAgencyId: justice.id, receivingAgencyId: centre.id }],
  });
  const otherProcedure = await createProcedure(db, {
    code: "1.000894",
    places: [{ competentAgencyId: otherJustice.id, receivingAgencyId: otherCentre.id }],
  });
  // A commune-level procedure: each commune decides its own, so the applicant must choose.
  const communeProcedure = await createProcedure(db, {
    code: "1.000656",
    places: [
      { competentAgencyId: justice.id, receivingAgencyId: centre.id },
      { competentAgencyId: otherJustice.id, receivingAgencyId: otherCentre.id },
    ],
  });

  // Tuesday 10 March 2026 is made a day off, so deadlines must skip it as well as the weekend.
  await addHolidays(db, [{ date: "2026-03-10", name: "Ngày nghỉ bù (thử nghiệm)" }]);

  return {
    centre,
    justice,
    otherCentre,
    otherJustice,
    receiver,
    receiver2,
    specialist,
    head,
    otherReceiver,
    otherSpecialist,
    sysadmin,
    applicantA,
    applicantB,
    procedure,
    otherProcedure,
    communeProcedure,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A fresh database holding createWorld's cast, with attachments going to a temporary folder;
 * close() drops both.
 */
export async function openWorld(): Promise<{ db: Db; world: World; close: () => Promise<void> }> {
  const cleanFiles = switchToTemporaryDataDir();
  const { db, close } = await openTestDatabase();
  tolerateDroppedConnections(db);
  const world = await createWorld(db);
  return {
    db,
    world,
    close: async () => {
      await close();
      cleanFiles();
    },
  };
}

/** Unwraps a service result the test expects to succeed, and says why when it does not. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

/** A minimal PDF: enough for content-based type detection. */
export function pdfBytes(text = "hello"): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
}

/** Draft, answers, one attachment per required document, submit: a dossier as an applicant files it. */
export async function fileDossier(
  applicant: ApplicantActor,
  procedureCode: string,
  options: { competentAgencyId?: string; answers?: Record<string, unknown> } = {},
) {
  const service = await import("@/lib/dossiers/service");
  const draft = await service.startDraft(applicant, {
    procedureCode,
    competentAgencyId: options.competentAgencyId,
  });
  if (!draft.ok) throw new Error(`startDraft: ${draft.error}`);
  const { dossierId } = draft.value;
  const saved = await service.saveDraft(applicant, {
    dossierId,
    answers: options.answers ?? { childName: "Nguyễn Văn Bé" },
  });
  if (!saved.ok) throw new Error(`saveDraft: ${saved.error}`);
  const attached = await service.addAttachment(applicant, {
    dossierId,
    documentKey: "birth_notice",
    fileName: "giấy chứng sinh.pdf",
    bytes: pdfBytes(),
  });
  if (!attached.ok) throw new Error(`addAttachment: ${attached.error}`);
  const submitted = await service.submitDossier(applicant, { dossierId });
  if (!submitted.ok) throw new Error(`submitDossier: ${submitted.error}`);
  return submitted.value;
}

/** Attachments go to a temporary data folder, never to the developer's .data. */
export function switchToTemporaryDataDir(): () => void {
  const previous = process.env.PORTAL_DATA_DIR;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "portal-it-"));
  process.env.PORTAL_DATA_DIR = directory;
  return () => {
    fs.rmSync(directory, { recursive: true, force: true });
    if (previous === undefined) delete process.env.PORTAL_DATA_DIR;
    else process.env.PORTAL_DATA_DIR = previous;
  };
}

/**
 * Dropping the test database (`with (force)`) ends pooled connections that pg-pool is still closing;
 * the pool then emits "error" and, with no listener, the run fails after every test passed.
 * (db/client.ts should listen on its pool anyway: a server restart would otherwise crash the app.)
 */
export function tolerateDroppedConnections(db: Db): void {
  const client = (db as unknown as { $client?: { on?: (event: string, listener: () => void) => void } })
    .$client;
  client?.on?.("error", () => {});
}
