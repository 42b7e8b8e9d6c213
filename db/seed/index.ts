import { count, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import {
  agencies,
  decisions,
  dossierClockStops,
  dossierCodeCounters,
  dossierConsultations,
  dossierTransferLegs,
  dossierEvents,
  dossiers,
  agencyWorkingHours,
  holidays,
  organisationMembers,
  organisations,
  procedureAgencies,
  procedures,
  procedureVersions,
  staffRoles,
  users,
} from "@/db/schema";
import { makeCalendar, workingHoursOf } from "@/lib/calendar/rules";
import { hashPassword } from "@/lib/identity/passwords";
import { rebuildReportRollups } from "@/lib/reports/rollups";
import { agencyRows, agencySeeds, type AgencyKey } from "./agencies";
import {
  demoAccounts,
  demoOrganisation,
  demoStaffRoles,
  seedPeople,
  workspaceAccountKeys,
  type SeedPerson,
} from "./accounts";
import { seedWorkspace } from "./workspace";
import { seedDossiers, type AgencyRef, type Applicant, type ProcedureRef, type StaffActor } from "./dossiers";
import { demoWorkingHours, holidayRows } from "./holidays";
import { demoHandlingChains, procedureAgencyPairs, procedureAgencyRows, seedProcedures } from "./procedures";
import { seedAdministrativeUnits } from "./places";
import { tagDemoCatalogue } from "./lifeEvents";
import { createRandom } from "./random";

export { demoAccounts, type DemoAccount } from "./accounts";

/**
 * The demo province's data: agencies, the catalogue, the 2025–2026 calendar, demo accounts and
 * about 300 dossiers. Runs only on a database without agencies, in one transaction, and is the
 * same for the same `now` (a seeded PRNG). Imported by the server at start-up, so data files are
 * imported as modules, never read from disk.
 */
export async function seedDemo(
  db: Db,
  options: { now?: Date; dossierCount?: number } = {},
): Promise<{ seeded: boolean }> {
  const now = options.now ?? new Date();
  const dossierCount = options.dossierCount ?? 300;
  if (await hasAgencies(db)) return { seeded: false };

  // argon2 is slow on purpose: hash each distinct password once.
  const hashes = new Map<string, string>();
  for (const account of demoAccounts) {
    if (!hashes.has(account.password)) hashes.set(account.password, await hashPassword(account.password));
  }

  return db.transaction(async (tx) => {
    // Several instances may start at once on one PostgreSQL server: only one seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(726002)`);
    if (await hasAgencies(tx)) return { seeded: false };
    await insertAll(tx, now, dossierCount, hashes);
    // The history was written directly, in the past: the report rollups are computed from it.
    await rebuildReportRollups(tx, now);
    return { seeded: true };
  });
}

async function hasAgencies(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0;
}

/** Rows per statement, well under PostgreSQL's 65,535 parameters for the widest table. */
const chunkSize = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize));
}

const demoPeople: Record<"citizen" | "business", SeedPerson> = {
  citizen: {
    fullName: "Nguyễn Văn An",
    sex: "male",
    birthYear: 1990,
    idNumber: "033090012345",
    email: "citizen@demo.hungyen.gov.vn",
    phone: "0912345678",
  },
  business: {
    fullName: "Trần Thị Bích Ngọc",
    sex: "female",
    birthYear: 1988,
    idNumber: "034188004567",
    email: "business@demo.hungyen.gov.vn",
    phone: "0983456789",
  },
};

async function insertAll(
  tx: Queryable,
  now: Date,
  dossierCount: number,
  hashes: Map<string, string>,
): Promise<void> {
  const random = createRandom(20250701);
  // Accounts and the catalogue predate every seeded dossier.
  const longAgo = new Date(now.getTime() - 400 * 24 * 60 * 60 * 1000);

  await seedAdministrativeUnits(tx);

  const agencyIds = Object.fromEntries(agencySeeds.map((a) => [a.key, random.uuid()])) as Record<
    AgencyKey,
    string
  >;
  await tx.insert(agencies).values(agencyRows(agencyIds).map((row) => ({ ...row, createdAt: longAgo })));
  const agencyRef = (key: AgencyKey): AgencyRef => ({
    key,
    id: agencyIds[key],
    code: agencySeeds.find((a) => a.key === key)!.code,
  });

  // The agency administrator came later: its id is drawn last, so the rest of the demo stays the same.
  const drawn = demoAccounts.filter(
    (a) =>
      a.key !== "agencyAdmin" &&
      a.key !== "business2" &&
      !(workspaceAccountKeys as readonly string[]).includes(a.key),
  );
  const accountIds = Object.fromEntries(drawn.map((a) => [a.key, random.uuid()])) as Record<
    (typeof demoAccounts)[number]["key"],
    string
  >;
  const people = seedPeople(random, 40).map((person) => ({ id: random.uuid(), person }));
  await tx.insert(users).values([
    ...drawn.map((account) => ({
      id: accountIds[account.key],
      email: account.email,
      phone: account.key === "citizen" || account.key === "business" ? demoPeople[account.key].phone : null,
      fullName: account.fullName,
      passwordHash: hashes.get(account.password)!,
      kind: account.kind,
      createdAt: longAgo,
    })),
    ...people.map(({ id, person }) => ({
      id,
      email: person.email,
      phone: person.phone,
      fullName: person.fullName,
      passwordHash: null,
      kind: "citizen",
      createdAt: longAgo,
    })),
  ]);

  const organisationId = random.uuid();
  await tx
    .insert(organisations)
    .values({ id: organisationId, ...demoOrganisation, createdBy: accountIds.business, createdAt: longAgo });
  await tx.insert(organisationMembers).values({ organisationId, userId: accountIds.business, role: "owner" });

  await tx.insert(staffRoles).values(
    (["receiver", "specialist", "head", "police", "admin"] as const).flatMap((key) =>
      demoStaffRoles[key].map(({ agency, role }) => ({
        userId: accountIds[key],
        agencyId: agencyIds[agency],
        role,
      })),
    ),
  );

  const procedureIds: Record<string, string> = {};
  const procedureRefs: ProcedureRef[] = [];
  const versionRows: (typeof procedureVersions.$inferInsert)[] = [];
  for (const procedure of seedProcedures) {
    const id = random.uuid();
    const versionId = random.uuid();
    procedureIds[procedure.code] = id;
    const chain = demoHandlingChains[procedure.code];
    const handlingChain = chain
      ? chain.map((step) => ({ agencyId: agencyIds[step.agency], days: step.days }))
      : null;
    versionRows.push({
      id: versionId,
      procedureId: id,
      ...procedure.version,
      handlingChain,
      publishedAt: longAgo,
    });
    procedureRefs.push({
      seed: procedure,
      id,
      versionId,
      chain: handlingChain,
      pairs: procedureAgencyPairs(procedure).map((pair) => ({
        competent: agencyRef(pair.competent),
        receiving: agencyRef(pair.receiving),
      })),
    });
  }
  await tx
    .insert(procedures)
    .values(seedProcedures.map((p) => ({ id: procedureIds[p.code]!, ...p.row, createdAt: longAgo })));
  await tx.insert(procedureVersions).values(versionRows);
  await tx.insert(procedureAgencies).values(procedureAgencyRows(procedureIds, agencyIds));
  // Audiences, life events and search texts that name the agencies (the search branch's mapping).
  await tagDemoCatalogue(tx);

  await tx.insert(holidays).values(holidayRows).onConflictDoNothing({ target: holidays.date });
  // One agency keeps hours of its own (an 8-hour day from 07:00), so the admin page shows both kinds.
  const ownHours = Object.fromEntries(
    Object.entries(demoWorkingHours).map(([key, hours]) => [
      agencyIds[key as AgencyKey],
      workingHoursOf(hours),
    ]),
  );
  await tx.insert(agencyWorkingHours).values(
    Object.entries(demoWorkingHours).map(([key, hours]) => ({
      agencyId: agencyIds[key as AgencyKey],
      ...hours,
    })),
  );
  // Deadlines count with the calendar as stored, as the services do.
  const calendar = makeCalendar(await tx.select({ date: holidays.date, kind: holidays.kind }).from(holidays));

  const applicant = (key: "citizen" | "business"): Applicant => ({
    id: accountIds[key],
    person: demoPeople[key],
  });
  // The demo officers as the session would resolve them: the rules check their roles at every step.
  const staffActor = (key: "receiver" | "specialist" | "head" | "police"): StaffActor => ({
    kind: "staff",
    userId: accountIds[key],
    name: demoAccounts.find((account) => account.key === key)!.fullName,
    roles: demoStaffRoles[key].map(({ agency, role }) => ({ agencyId: agencyIds[agency], role })),
  });
  const seeded = seedDossiers({
    random,
    now,
    calendar,
    workingHours: ownHours,
    count: dossierCount,
    procedures: procedureRefs,
    people,
    demo: {
      citizen: applicant("citizen"),
      business: applicant("business"),
      organisationId,
      organisationName: demoOrganisation.name,
      receiver: staffActor("receiver"),
      specialist: staffActor("specialist"),
      head: staffActor("head"),
      police: staffActor("police"),
      agencies: { police: agencyRef("police"), justice: agencyRef("justice") },
    },
  });
  await insertChunked(seeded.dossiers, (chunk) => tx.insert(dossiers).values(chunk));
  await insertChunked(seeded.events, (chunk) => tx.insert(dossierEvents).values(chunk));
  await insertChunked(seeded.clockStops, (chunk) => tx.insert(dossierClockStops).values(chunk));
  await insertChunked(seeded.consultations, (chunk) => tx.insert(dossierConsultations).values(chunk));
  await insertChunked(seeded.transferLegs, (chunk) => tx.insert(dossierTransferLegs).values(chunk));
  await insertChunked(seeded.counters, (chunk) => tx.insert(dossierCodeCounters).values(chunk));
  await insertChunked(seeded.decisions, (chunk) => tx.insert(decisions).values(chunk));

  const agencyAdmin = demoAccounts.find((account) => account.key === "agencyAdmin")!;
  const agencyAdminId = random.uuid();
  await tx.insert(users).values({
    id: agencyAdminId,
    email: agencyAdmin.email,
    fullName: agencyAdmin.fullName,
    passwordHash: hashes.get(agencyAdmin.password)!,
    kind: agencyAdmin.kind,
    createdAt: longAgo,
  });
  await tx.insert(staffRoles).values(
    demoStaffRoles.agencyAdmin.map(({ agency, role }) => ({
      userId: agencyAdminId,
      agencyId: agencyIds[agency],
      role,
    })),
  );

  // The company's second member, who files for it (drawn after the rest, which stay the same).
  const business2 = demoAccounts.find((account) => account.key === "business2")!;
  const business2Id = random.uuid();
  await tx.insert(users).values({
    id: business2Id,
    email: business2.email,
    fullName: business2.fullName,
    passwordHash: hashes.get(business2.password)!,
    kind: business2.kind,
    createdAt: longAgo,
  });
  await tx
    .insert(organisationMembers)
    .values({ organisationId, userId: business2Id, role: "filer", addedAt: longAgo });

  // The officials' workspace (issue 10): its accounts, the demo body and two opinion forms, drawn
  // last so everything above stays the same.
  const workspaceIds = Object.fromEntries(workspaceAccountKeys.map((key) => [key, random.uuid()])) as Record<
    (typeof workspaceAccountKeys)[number],
    string
  >;
  await tx.insert(users).values(
    workspaceAccountKeys.map((key) => {
      const account = demoAccounts.find((a) => a.key === key)!;
      return {
        id: workspaceIds[key],
        email: account.email,
        fullName: account.fullName,
        passwordHash: hashes.get(account.password)!,
        kind: account.kind,
        createdAt: longAgo,
      };
    }),
  );
  await seedWorkspace(tx, {
    random,
    now,
    calendar,
    createdAt: longAgo,
    accountIds: { ...workspaceIds, head: accountIds.head, specialist: accountIds.specialist },
  });
}
