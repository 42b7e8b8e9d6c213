import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { organisationInvitations, organisationMembers, organisations } from "@/db/schema/organisations";
import { recordAudit } from "@/lib/audit/service";
import { findFilingTarget } from "@/lib/catalog/service";
import { contactsOf } from "@/lib/identity/accounts";
import type { Actor, OrganisationRole } from "@/lib/identity/types";
import { publicBaseUrl } from "@/lib/notify/delivery";
import { sendInvitation } from "@/lib/notify/invitation";
import type { MailTransport } from "@/lib/notify/mail";
import { placesForForms } from "@/lib/places/service";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import {
  forBusinesses,
  invitationLifetimeMs,
  invitationState,
  isMemberRole,
  leavesNoOwner,
  mayFile,
  mayManage,
  type InvitationState,
  type MemberRole,
} from "./rules";
import {
  inviteSchema,
  organisationSchema,
  roleSchema,
  tokenSchema,
  type OrganisationInput,
  type OrganisationParticulars,
} from "./schema";

/*
 * Organisations (businesses by tax code) and their members. Every function takes the actor and
 * reads the membership from the database in its own transaction: a role changed or a member removed
 * counts at once, whatever the actor was built from. Every change is written to the audit log.
 */

export type OrganisationError =
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "tax_code_taken"
  | "last_owner"
  | "already_member"
  | "invitation_not_found"
  | "invitation_expired"
  | "invitation_revoked"
  | "invitation_used"
  | "wrong_account";

type Res<T> = Result<T, OrganisationError>;

export type OrganisationSummary = { id: string; name: string; taxCode: string; role: MemberRole };

export type OrganisationDetail = {
  id: string;
  name: string;
  taxCode: string;
  address: { province?: string; commune?: string; street?: string } | null;
  legalRepresentative: string | null;
  legalRepresentativeTitle: string | null;
  phone: string | null;
  email: string | null;
  createdAt: Date;
  /** The reader's own role. */
  role: MemberRole;
  members: { userId: string; fullName: string; email: string | null; role: MemberRole; addedAt: Date }[];
  /** Owners only: invitations not yet accepted, revoked or expired. */
  invitations: { id: string; email: string; role: MemberRole; createdAt: Date; expiresAt: Date }[];
};

const uuid = z.uuid();
const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const roleOf = (value: string): MemberRole => (isMemberRole(value) ? value : "viewer");

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === "23505";
}

/** The actor's role in the organisation, read now (null: not a member, or not an applicant). */
async function roleIn(q: Queryable, actor: Actor, organisationId: string): Promise<MemberRole | null> {
  if (actor.kind !== "applicant" || !uuid.safeParse(organisationId).success) return null;
  const [row] = await q
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, actor.userId),
      ),
    )
    .limit(1);
  return row ? roleOf(row.role) : null;
}

/**
 * The head office's province and commune must be units of the administrative units table, the
 * commune one of that province's (when the table holds its communes), as the filing forms check them.
 */
async function addressIssues(address: OrganisationParticulars["address"]): Promise<Record<string, string[]>> {
  if (!address) return {};
  const places = await placesForForms();
  // Units not seeded yet (a bare test database): nothing to check against. The portal seeds them at start.
  if (places.provinceCodes.length === 0) return {};
  const issues: Record<string, string[]> = {};
  if (
    (address.commune && !address.province) ||
    (address.province && !places.provinceCodes.includes(address.province))
  )
    issues["address.province"] = ["organisations:errors.province"];
  else if (address.province && address.commune) {
    const communes = places.communesOf(address.province);
    if (communes && !communes.includes(address.commune))
      issues["address.commune"] = ["organisations:errors.commune"];
  }
  return issues;
}

/** Applicant: registers an organisation; they become its owner. A tax code already registered is refused. */
export async function createOrganisation(
  actor: Actor,
  input: OrganisationInput,
): Promise<Res<{ id: string }>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const values = parsed.data;
  const placeProblems = await addressIssues(values.address);
  if (Object.keys(placeProblems).length > 0) return err("invalid_input", placeProblems);
  const db = await getDb();
  const taken = () => err("tax_code_taken" as const, { taxCode: ["organisations:errors.taxCodeTaken"] });
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.taxCode, values.taxCode))
    .limit(1);
  if (existing) return taken();
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(organisations)
        .values({ ...values, createdBy: actor.userId })
        .returning({ id: organisations.id });
      await tx
        .insert(organisationMembers)
        .values({ organisationId: created!.id, userId: actor.userId, role: "owner" });
      await recordAudit(
        {
          action: "organisation.created",
          actorId: actor.userId,
          details: { organisationId: created!.id, taxCode: values.taxCode, name: values.name },
        },
        tx,
      );
      return created!.id;
    });
    return ok({ id });
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}

/** Owner: changes the organisation's particulars (its tax code too, if still free). */
export async function updateOrganisation(
  actor: Actor,
  organisationId: string,
  input: OrganisationInput,
): Promise<Res<null>> {
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const placeProblems = await addressIssues(parsed.data.address);
  if (Object.keys(placeProblems).length > 0) return err("invalid_input", placeProblems);
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<Res<null>> => {
      const role = await roleIn(tx, actor, organisationId);
      if (!role) return err("not_found");
      if (!mayManage(role)) return err("forbidden");
      const [other] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.taxCode, parsed.data.taxCode))
        .limit(1);
      if (other && other.id !== organisationId)
        return err("tax_code_taken", { taxCode: ["organisations:errors.taxCodeTaken"] });
      await tx.update(organisations).set(parsed.data).where(eq(organisations.id, organisationId));
      await recordAudit(
        {
          action: "organisation.updated",
          actorId: actor.kind === "applicant" ? actor.userId : null,
          details: { organisationId, ...parsed.data },
        },
        tx,
      );
      return ok(null);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return err("tax_code_taken", { taxCode: ["organisations:errors.taxCodeTaken"] });
    throw error;
  }
}

/** The organisations the actor is a member of, by name, with their role in each. */
export async function listMyOrganisations(actor: Actor): Promise<OrganisationSummary[]> {
  if (actor.kind !== "applicant") return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      taxCode: organisations.taxCode,
      role: organisationMembers.role,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, actor.userId))
    .orderBy(asc(organisations.name));
  return rows.map((row) => ({ ...row, role: roleOf(row.role) }));
}

/** An organisation as its members see it; its pending invitations for its owners. Not a member: not found. */
export async function getOrganisation(
  actor: Actor,
  organisationId: string,
): Promise<Res<OrganisationDetail>> {
  const db = await getDb();
  const role = await roleIn(db, actor, organisationId);
  if (!role) return err("not_found");
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!organisation) return err("not_found");
  const memberRows = await db
    .select()
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.addedAt));
  const contacts = await contactsOf(
    memberRows.map((m) => m.userId),
    db,
  );
  const now = new Date();
  const invitationRows = mayManage(role)
    ? await db
        .select()
        .from(organisationInvitations)
        .where(
          and(
            eq(organisationInvitations.organisationId, organisationId),
            isNull(organisationInvitations.acceptedAt),
            isNull(organisationInvitations.revokedAt),
          ),
        )
        .orderBy(asc(organisationInvitations.createdAt))
    : [];
  return ok({
    id: organisation.id,
    name: organisation.name,
    taxCode: organisation.taxCode,
    address: organisation.address ?? null,
    legalRepresentative: organisation.legalRepresentative,
    legalRepresentativeTitle: organisation.legalRepresentativeTitle,
    phone: organisation.phone,
    email: organisation.email,
    createdAt: organisation.createdAt,
    role,
    members: memberRows.map((m) => ({
      userId: m.userId,
      fullName: contacts.get(m.userId)?.fullName ?? "",
      email: contacts.get(m.userId)?.email ?? null,
      role: roleOf(m.role),
      addedAt: m.addedAt,
    })),
    invitations: invitationRows
      .filter((i) => invitationState(i, now) === "pending")
      .map((i) => ({
        id: i.id,
        email: i.email,
        role: roleOf(i.role),
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
      })),
  });
}

/** The names of organisations by id (the applicant's list of dossiers shows whose each one is). */
export async function organisationNames(ids: readonly string[], q?: Queryable): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => uuid.safeParse(id).success);
  if (wanted.length === 0) return new Map();
  const db = q ?? (await getDb());
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export type FilingOrganisation = {
  id: string;
  name: string;
  taxCode: string;
  address: { province?: string; commune?: string; street?: string } | null;
  legalRepresentative: string | null;
};

/**
 * The organisation's particulars for a draft filed in its name, when the actor may file for it
 * (owner or filer, read now); otherwise null.
 */
export async function filingOrganisation(
  actor: Actor,
  organisationId: string,
  q?: Queryable,
): Promise<FilingOrganisation | null> {
  const db = q ?? (await getDb());
  if (!mayFile(await roleIn(db, actor, organisationId))) return null;
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      taxCode: organisations.taxCode,
      address: organisations.address,
      legalRepresentative: organisations.legalRepresentative,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ? { ...row, address: row.address ?? null } : null;
}

/** The organisations the actor may file for (owner or filer), by name: the start page's choice. */
export async function filingOrganisations(actor: Actor): Promise<{ id: string; name: string }[]> {
  return (await listMyOrganisations(actor))
    .filter((o) => mayFile(o.role))
    .map(({ id, name }) => ({ id, name }));
}

/** Members of an organisation with their roles (lib/dossiers: who hears about its dossiers). */
export async function organisationMemberIds(
  organisationId: string,
  q?: Queryable,
): Promise<{ userId: string; role: OrganisationRole }[]> {
  const db = q ?? (await getDb());
  const rows = await db
    .select({ userId: organisationMembers.userId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId));
  return rows.map((row) => ({ userId: row.userId, role: roleOf(row.role) }));
}

export type InviteOptions = {
  /** The portal's address for the link (AUTH_URL, else PORTAL_PUBLIC_URL, else localhost). */
  baseUrl?: string;
  transport?: MailTransport;
  /** The language of the link's page (the invitee may switch). */
  lang?: "vi" | "en";
};

/**
 * Owner: invites someone by e-mail as a filer or a viewer. The link's token is random; only its
 * SHA-256 is stored. It is valid 14 days; inviting the same address again replaces the invitation.
 * `mailed` is false when the e-mail could not be sent (the invitation stands; invite again).
 */
export async function inviteMember(
  actor: Actor,
  organisationId: string,
  input: { email: string; role: string },
  options: InviteOptions = {},
): Promise<Res<{ invitationId: string; token: string; mailed: boolean }>> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const { email, role } = parsed.data;
  const db = await getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  const done = await db.transaction(
    async (tx): Promise<Res<{ invitationId: string; organisationName: string }>> => {
      const myRole = await roleIn(tx, actor, organisationId);
      if (!myRole || actor.kind !== "applicant") return err("not_found");
      if (!mayManage(myRole)) return err("forbidden");
      const members = await tx
        .select({ userId: organisationMembers.userId })
        .from(organisationMembers)
        .where(eq(organisationMembers.organisationId, organisationId));
      const contacts = await contactsOf(
        members.map((m) => m.userId),
        tx,
      );
      if ([...contacts.values()].some((c) => c.email?.toLowerCase() === email))
        return err("already_member", { email: ["organisations:errors.alreadyMember"] });
      // One open invitation per address: a new one replaces the last (e.g. the e-mail was lost).
      await tx
        .update(organisationInvitations)
        .set({ revokedAt: now })
        .where(
          and(
            eq(organisationInvitations.organisationId, organisationId),
            eq(organisationInvitations.email, email),
            isNull(organisationInvitations.acceptedAt),
            isNull(organisationInvitations.revokedAt),
          ),
        );
      const [created] = await tx
        .insert(organisationInvitations)
        .values({
          organisationId,
          email,
          role,
          tokenHash: hashOf(token),
          invitedBy: actor.userId,
          createdAt: now,
          expiresAt,
        })
        .returning({ id: organisationInvitations.id });
      const [organisation] = await tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      await recordAudit(
        {
          action: "organisation.member_invited",
          actorId: actor.userId,
          details: { organisationId, invitationId: created!.id, email, role },
        },
        tx,
      );
      return ok({ invitationId: created!.id, organisationName: organisation?.name ?? "" });
    },
  );
  if (!done.ok) return done;
  let mailed = true;
  try {
    await sendInvitation(
      {
        to: email,
        organisationName: done.value.organisationName,
        inviterName: actor.kind === "applicant" ? actor.name : "",
        role,
        link: `${(options.baseUrl ?? publicBaseUrl()).replace(/\/$/, "")}/${options.lang ?? "vi"}/organisations/invitations/${token}`,
        expiresAt,
      },
      options.transport,
    );
  } catch (error) {
    console.error("sending an invitation failed", error);
    mailed = false;
  }
  return ok({ invitationId: done.value.invitationId, token, mailed });
}

export type InvitationView = {
  organisationName: string;
  role: MemberRole;
  state: InvitationState;
  expiresAt: Date;
  /** Whether the signed-in account's e-mail is the one invited. */
  forThisAccount: boolean;
};

async function findInvitation(q: Queryable, token: unknown, lock = false) {
  if (!tokenSchema.safeParse(token).success) return null;
  const query = q
    .select()
    .from(organisationInvitations)
    .where(eq(organisationInvitations.tokenHash, hashOf(token as string)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

async function emailOf(actor: Actor, q: Queryable): Promise<string | null> {
  if (actor.kind !== "applicant") return null;
  return (await contactsOf([actor.userId], q)).get(actor.userId)?.email?.toLowerCase() ?? null;
}

/** Signed-in applicant: what an invitation link offers, before they accept it. */
export async function getInvitation(actor: Actor, token: unknown): Promise<Res<InvitationView>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const db = await getDb();
  const invitation = await findInvitation(db, token);
  if (!invitation) return err("invitation_not_found");
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, invitation.organisationId));
  return ok({
    organisationName: organisation?.name ?? "",
    role: roleOf(invitation.role),
    state: invitationState(invitation, new Date()),
    expiresAt: invitation.expiresAt,
    forThisAccount: (await emailOf(actor, db)) === invitation.email,
  });
}

/**
 * Signed-in applicant: joins the organisation with the invitation's role. The account's e-mail must
 * be the invited one; an invitation is accepted once, and not after it was revoked or expired.
 */
export async function acceptInvitation(
  actor: Actor,
  token: unknown,
): Promise<Res<{ organisationId: string }>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Res<{ organisationId: string }>> => {
    const invitation = await findInvitation(tx, token, true);
    if (!invitation) return err("invitation_not_found");
    const state = invitationState(invitation, new Date());
    if (state === "accepted") return err("invitation_used");
    if (state === "revoked") return err("invitation_revoked");
    if (state === "expired") return err("invitation_expired");
    if ((await emailOf(actor, tx)) !== invitation.email) return err("wrong_account");
    const { organisationId } = invitation;
    const current = await roleIn(tx, actor, organisationId);
    if (!current)
      await tx
        .insert(organisationMembers)
        .values({ organisationId, userId: actor.userId, role: roleOf(invitation.role) });
    await tx
      .update(organisationInvitations)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(and(eq(organisationInvitations.id, invitation.id), isNull(organisationInvitations.acceptedAt)));
    await recordAudit(
      {
        action: "organisation.invitation_accepted",
        actorId: actor.userId,
        details: { organisationId, invitationId: invitation.id, role: current ?? invitation.role },
      },
      tx,
    );
    return ok({ organisationId });
  });
}

/** Owner: withdraws an invitation not yet accepted; its link stops working. */
export async function revokeInvitation(
  actor: Actor,
  organisationId: string,
  invitationId: string,
): Promise<Res<null>> {
  if (!uuid.safeParse(invitationId).success) return err("not_found");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Res<null>> => {
    const role = await roleIn(tx, actor, organisationId);
    if (!role) return err("not_found");
    if (!mayManage(role)) return err("forbidden");
    const revoked = await tx
      .update(organisationInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(organisationInvitations.id, invitationId),
          eq(organisationInvitations.organisationId, organisationId),
          isNull(organisationInvitations.acceptedAt),
          isNull(organisationInvitations.revokedAt),
        ),
      )
      .returning({ id: organisationInvitations.id, email: organisationInvitations.email });
    if (revoked.length === 0) return err("invitation_not_found");
    await recordAudit(
      {
        action: "organisation.invitation_revoked",
        actorId: actor.kind === "applicant" ? actor.userId : null,
        details: { organisationId, invitationId, email: revoked[0]!.email },
      },
      tx,
    );
    return ok(null);
  });
}

/** The members, locked for the change (two owners demoting each other at once cannot both win). */
async function lockedMembers(q: Queryable, organisationId: string) {
  return q
    .select({ userId: organisationMembers.userId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .for("update");
}

/** Owner: changes a member's role; the last owner cannot be demoted. */
export async function setMemberRole(
  actor: Actor,
  organisationId: string,
  userId: string,
  role: unknown,
): Promise<Res<null>> {
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) return err("invalid_input", { role: ["organisations:errors.roleRequired"] });
  if (!uuid.safeParse(userId).success) return err("not_found");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Res<null>> => {
    const myRole = await roleIn(tx, actor, organisationId);
    if (!myRole) return err("not_found");
    if (!mayManage(myRole)) return err("forbidden");
    const members = await lockedMembers(tx, organisationId);
    const target = members.find((m) => m.userId === userId);
    if (!target) return err("not_found");
    if (leavesNoOwner(members, userId, parsed.data)) return err("last_owner");
    if (target.role === parsed.data) return ok(null);
    await tx.update(organisationMembers).set({ role: parsed.data }).where(memberIs(organisationId, userId));
    await recordAudit(
      {
        action: "organisation.member_role_changed",
        actorId: actor.kind === "applicant" ? actor.userId : null,
        details: { organisationId, userId, from: target.role, to: parsed.data },
      },
      tx,
    );
    return ok(null);
  });
}

const memberIs = (organisationId: string, userId: string) =>
  and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)) as SQL;

/**
 * Owner: removes a member; the last owner cannot be removed. From their next request the person
 * sees none of the organisation's drafts and dossiers (the actor is read from the database each time).
 */
export async function removeMember(actor: Actor, organisationId: string, userId: string): Promise<Res<null>> {
  if (!uuid.safeParse(userId).success) return err("not_found");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Res<null>> => {
    const myRole = await roleIn(tx, actor, organisationId);
    if (!myRole) return err("not_found");
    if (!mayManage(myRole)) return err("forbidden");
    const members = await lockedMembers(tx, organisationId);
    const target = members.find((m) => m.userId === userId);
    if (!target) return err("not_found");
    if (leavesNoOwner(members, userId, null)) return err("last_owner");
    await tx.delete(organisationMembers).where(memberIs(organisationId, userId));
    await recordAudit(
      {
        action: "organisation.member_removed",
        actorId: actor.kind === "applicant" ? actor.userId : null,
        details: { organisationId, userId, role: target.role },
      },
      tx,
    );
    return ok(null);
  });
}

/**
 * The organisations the start page offers ("Who is this for?") for a procedure: those the actor
 * may file for, when the procedure is one businesses file; none otherwise.
 */
export async function filingChoices(
  actor: Actor,
  procedureCode: string,
): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "applicant") return [];
  const target = await findFilingTarget(procedureCode);
  if (!target || !forBusinesses(procedureCode, target.audiences)) return [];
  return filingOrganisations(actor);
}
