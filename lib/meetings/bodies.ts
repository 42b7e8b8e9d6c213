import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Queryable, type Tx } from "@/db/client";
import { bodies, bodyMembers, meetings, opinionForms, workspaceEvents } from "@/db/schema/workspace";
import { contactsOf, staffUserByEmail } from "@/lib/identity/accounts";
import { isSystemAdmin } from "@/lib/identity/adminRules";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { recordWorkspaceEvent } from "./events";
import { bodyRoles, membershipProblem, type BodyRole } from "./roles";
import type { BodyRule, MajorityBase } from "./rules";

/*
 * Deciding bodies and their members, managed by the system administrator only. A body's rule
 * (quorum, majority and its base, the chair's casting side, documents ahead) decides its votes and
 * opinion forms (lib/meetings/rules.ts). Its membership keeps exactly one chair and at least one
 * secretary once it has them: a second chair is refused (unless the current one is replaced), and
 * the chair or the last secretary cannot be removed. Every change is a workspace event of the body.
 * A body whose work is over is archived (never deleted: its forms, meetings and tasks are records):
 * refused while it has open work; once archived it is read-only here and its members see nothing
 * of it in the workspace (lib/meetings/access.ts).
 */

export type BodyError =
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "code_taken"
  | "no_such_staff"
  | "two_chairs"
  | "no_chair"
  | "no_secretary"
  | "archived"
  | "open_work";

export const bodyFields = [
  "code",
  "nameVi",
  "nameEn",
  "quorumPercent",
  "majorityPercent",
  "majorityBase",
  "chairBreaksTie",
  "documentsAheadDays",
] as const;
export type BodyInput = Partial<Record<(typeof bodyFields)[number], string>>;

export const majorityBases: readonly MajorityBase[] = ["all_members", "present", "votes_cast"];

export type BodyCommand = {
  code: string;
  nameVi: string;
  nameEn: string;
  quorumPercent: number;
  majorityPercent: number;
  majorityBase: MajorityBase;
  chairBreaksTie: boolean;
  documentsAheadDays: number;
};

const fieldError = (key: string) => `workspace:bodies.fieldErrors.${key}`;

function whole(value: string | undefined, min: number, max: number): number | null {
  const text = (value ?? "").trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** Checks a body's form (pure): the command, or message keys per field. */
export function parseBodyInput(input: BodyInput): Result<BodyCommand, "invalid_input"> {
  const issues: Record<string, string[]> = {};
  const fail = (field: string, key: string) => (issues[field] = [fieldError(key)]);
  const code = (input.code ?? "").trim().toLowerCase();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length < 2 || code.length > 40) fail("code", "code");
  const nameVi = (input.nameVi ?? "").trim();
  const nameEn = (input.nameEn ?? "").trim();
  if (!nameVi || nameVi.length > 200) fail("nameVi", "name");
  if (!nameEn || nameEn.length > 200) fail("nameEn", "name");
  const quorumPercent = whole(input.quorumPercent, 1, 99);
  if (quorumPercent === null) fail("quorumPercent", "percent");
  const majorityPercent = whole(input.majorityPercent, 1, 99);
  if (majorityPercent === null) fail("majorityPercent", "percent");
  const majorityBase = input.majorityBase as MajorityBase;
  if (!majorityBases.includes(majorityBase)) fail("majorityBase", "choose");
  if (input.chairBreaksTie !== "yes" && input.chairBreaksTie !== "no") fail("chairBreaksTie", "choose");
  const documentsAheadDays = whole(input.documentsAheadDays, 0, 30);
  if (documentsAheadDays === null) fail("documentsAheadDays", "days");
  if (Object.keys(issues).length > 0) return err("invalid_input", issues);
  return ok({
    code,
    nameVi,
    nameEn,
    quorumPercent: quorumPercent!,
    majorityPercent: majorityPercent!,
    majorityBase,
    chairBreaksTie: input.chairBreaksTie === "yes",
    documentsAheadDays: documentsAheadDays!,
  });
}

export type BodySummary = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  members: number;
  archived: boolean;
};

export type BodyMemberView = {
  userId: string;
  fullName: string;
  email: string | null;
  role: BodyRole;
  title: string | null;
};

export type BodyView = BodyCommand & {
  id: string;
  /** When and why it was archived (read-only from then on), or null. */
  archived: { at: Date; reason: string | null } | null;
  rule: BodyRule;
  members: BodyMemberView[];
  /** What the membership lacks (no chair, no secretary), or null when complete. */
  problem: ReturnType<typeof membershipProblem>;
};

export async function listBodies(actor: Actor): Promise<Result<BodySummary[], "forbidden">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const rows = await db
    .select({
      id: bodies.id,
      code: bodies.code,
      nameVi: bodies.nameVi,
      nameEn: bodies.nameEn,
      archivedAt: bodies.archivedAt,
      members: count(bodyMembers.userId),
    })
    .from(bodies)
    .leftJoin(bodyMembers, eq(bodyMembers.bodyId, bodies.id))
    .groupBy(bodies.id)
    .orderBy(asc(bodies.nameVi));
  return ok(
    rows.map((row) => ({
      id: row.id,
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      members: Number(row.members),
      archived: row.archivedAt !== null,
    })),
  );
}

/** A body's rule as lib/meetings/rules.ts takes it. */
export function ruleOf(body: typeof bodies.$inferSelect): BodyRule {
  return {
    quorumPercent: body.quorumPercent,
    majorityPercent: body.majorityPercent,
    majorityBase: majorityBases.includes(body.majorityBase as MajorityBase)
      ? (body.majorityBase as MajorityBase)
      : "all_members",
    chairBreaksTie: body.chairBreaksTie,
  };
}

/** A body with its members (for its administrator, and for lib/meetings's own services). */
export async function loadBody(db: Queryable, bodyId: string): Promise<BodyView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(bodyId)) return null;
  const [body] = await db.select().from(bodies).where(eq(bodies.id, bodyId)).limit(1);
  if (!body) return null;
  const members = await db
    .select({ userId: bodyMembers.userId, role: bodyMembers.role, title: bodyMembers.title })
    .from(bodyMembers)
    .where(eq(bodyMembers.bodyId, bodyId))
    .orderBy(asc(bodyMembers.addedAt));
  const contacts = await contactsOf(
    members.map((m) => m.userId),
    db,
  );
  const order = (role: string) => (bodyRoles as readonly string[]).indexOf(role);
  const views = members
    .map((m) => ({
      userId: m.userId,
      fullName: contacts.get(m.userId)?.fullName ?? "",
      email: contacts.get(m.userId)?.email ?? null,
      role: m.role as BodyRole,
      title: m.title,
    }))
    .sort((a, b) => order(a.role) - order(b.role) || a.fullName.localeCompare(b.fullName, "vi"));
  const rule = ruleOf(body);
  return {
    id: body.id,
    archived: body.archivedAt ? { at: body.archivedAt, reason: await archiveReason(db, body.id) } : null,
    code: body.code,
    nameVi: body.nameVi,
    nameEn: body.nameEn,
    quorumPercent: body.quorumPercent,
    majorityPercent: body.majorityPercent,
    majorityBase: rule.majorityBase,
    chairBreaksTie: body.chairBreaksTie,
    documentsAheadDays: body.documentsAheadDays,
    rule,
    members: views,
    problem: membershipProblem(views.map((m) => m.role)),
  };
}

export async function getBody(
  actor: Actor,
  bodyId: string,
): Promise<Result<BodyView & { openWork: { forms: number; meetings: number } }, "forbidden" | "not_found">> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  const body = await loadBody(db, bodyId);
  if (!body) return err("not_found");
  // Its opinion forms and meetings still under way: while any, it cannot be archived.
  const openWork = body.archived ? { forms: 0, meetings: 0 } : await openWorkOf(db, body.id);
  return ok({ ...body, openWork });
}

const actorId = (actor: Actor) => (actor.kind === "anonymous" ? null : actor.userId);

async function codeTaken(tx: Queryable, code: string, except: string | null): Promise<boolean> {
  const [row] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.code, code)).limit(1);
  return Boolean(row && row.id !== except);
}

export async function createBody(actor: Actor, input: BodyInput): Promise<Result<{ id: string }, BodyError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const parsed = parseBodyInput(input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await codeTaken(tx, parsed.value.code, null))
      return err("code_taken", { code: [fieldError("codeTaken")] });
    const [row] = await tx.insert(bodies).values(parsed.value).returning({ id: bodies.id });
    await recordWorkspaceEvent(tx, {
      subjectKind: "body",
      subjectId: row!.id,
      actorId: actorId(actor),
      action: "body.created",
      details: { ...parsed.value },
    });
    return ok({ id: row!.id });
  });
}

/** The body, locked for a change: not_found, or archived (an archived body is read-only). */
async function lockBody(
  tx: Tx,
  bodyId: string,
): Promise<Result<typeof bodies.$inferSelect, "not_found" | "archived">> {
  if (!/^[0-9a-f-]{36}$/i.test(bodyId)) return err("not_found");
  const [row] = await tx.select().from(bodies).where(eq(bodies.id, bodyId)).for("update").limit(1);
  if (!row) return err("not_found");
  return row.archivedAt ? err("archived") : ok(row);
}

export async function updateBody(
  actor: Actor,
  bodyId: string,
  input: BodyInput,
): Promise<Result<{ id: string }, BodyError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const parsed = parseBodyInput(input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockBody(tx, bodyId);
    if (!locked.ok) return locked;
    if (await codeTaken(tx, parsed.value.code, bodyId))
      return err("code_taken", { code: [fieldError("codeTaken")] });
    await tx.update(bodies).set(parsed.value).where(eq(bodies.id, bodyId));
    const changed = Object.fromEntries(
      Object.entries(parsed.value).filter(
        ([key, value]) => locked.value[key as keyof typeof locked.value] !== value,
      ),
    );
    await recordWorkspaceEvent(tx, {
      subjectKind: "body",
      subjectId: bodyId,
      actorId: actorId(actor),
      action: "body.updated",
      details: changed,
    });
    return ok({ id: bodyId });
  });
}

export const memberFields = ["email", "role", "title", "replaceChair"] as const;
export type MemberInput = Partial<Record<(typeof memberFields)[number], string>>;

/**
 * Adds a staff account to a body, or changes a member's role or title. A second chair is refused
 * unless `replaceChair` is "yes": then the current chair stays on as a member.
 */
export async function setBodyMember(
  actor: Actor,
  bodyId: string,
  input: MemberInput,
): Promise<Result<{ userId: string }, BodyError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const issues: Record<string, string[]> = {};
  const email = (input.email ?? "").trim();
  if (!email || email.length > 200) issues.email = [fieldError("email")];
  const role = input.role as BodyRole;
  if (!(bodyRoles as readonly string[]).includes(role)) issues.role = [fieldError("choose")];
  const title = (input.title ?? "").trim();
  if (title.length > 200) issues.title = [fieldError("tooLong")];
  if (Object.keys(issues).length > 0) return err("invalid_input", issues);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockBody(tx, bodyId);
    if (!locked.ok) return locked;
    const user = await staffUserByEmail(email, tx);
    if (!user) return err("no_such_staff", { email: [fieldError("noSuchStaff")] });
    const current = await tx
      .select({ userId: bodyMembers.userId, role: bodyMembers.role })
      .from(bodyMembers)
      .where(eq(bodyMembers.bodyId, bodyId));
    const before = current.find((m) => m.userId === user.id);
    const otherChair = current.find((m) => m.role === "chair" && m.userId !== user.id);
    if (role === "chair" && otherChair) {
      if (input.replaceChair !== "yes") return err("two_chairs", { role: [fieldError("twoChairs")] });
      await tx
        .update(bodyMembers)
        .set({ role: "member" })
        .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, otherChair.userId)));
    }
    if (before) {
      // Changing the chair's or the last secretary's role would leave the body without one.
      const after = current.map((m) => (m.userId === user.id ? role : m.role));
      const problem = membershipProblem(after);
      const hadProblem = membershipProblem(current.map((m) => m.role));
      if (problem && problem !== hadProblem && problem !== "two_chairs")
        return err(problem, { role: [fieldError(problem === "no_chair" ? "noChair" : "noSecretary")] });
      await tx
        .update(bodyMembers)
        .set({ role, title: title || null })
        .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, user.id)));
    } else {
      await tx.insert(bodyMembers).values({ bodyId, userId: user.id, role, title: title || null });
    }
    await recordWorkspaceEvent(tx, {
      subjectKind: "body",
      subjectId: bodyId,
      actorId: actorId(actor),
      action: before ? "body.member_changed" : "body.member_added",
      details: {
        userId: user.id,
        role,
        title: title || null,
        ...(before ? { previousRole: before.role } : {}),
        ...(role === "chair" && otherChair ? { replacedChair: otherChair.userId } : {}),
      },
    });
    return ok({ userId: user.id });
  });
}

/** Takes a member out of a body; never its chair or its last secretary. */
export async function removeBodyMember(
  actor: Actor,
  bodyId: string,
  userId: string,
): Promise<Result<true, BodyError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockBody(tx, bodyId);
    if (!locked.ok) return locked;
    const current = await tx
      .select({ userId: bodyMembers.userId, role: bodyMembers.role })
      .from(bodyMembers)
      .where(eq(bodyMembers.bodyId, bodyId));
    const member = current.find((m) => m.userId === userId);
    if (!member) return err("not_found");
    if (member.role === "chair") return err("no_chair");
    if (member.role === "secretary" && current.filter((m) => m.role === "secretary").length === 1)
      return err("no_secretary");
    await tx.delete(bodyMembers).where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, userId)));
    await recordWorkspaceEvent(tx, {
      subjectKind: "body",
      subjectId: bodyId,
      actorId: actorId(actor),
      action: "body.member_removed",
      details: { userId, role: member.role },
    });
    return ok(true);
  });
}

/* ---- Archiving ---- */

/** Opinion forms still under way (not yet concluded, withdrawn or a mere draft's end). */
export const openFormStatuses = ["draft", "awaiting_approval", "open", "closed"] as const;
/** Meetings still ahead or under way. */
export const openMeetingStatuses = ["planned", "published", "in_session"] as const;

export const archiveFields = ["reason", "confirm"] as const;
export type ArchiveInput = Partial<Record<(typeof archiveFields)[number], string>>;

/** How many opinion forms and meetings of the body are still under way (archiving waits for them). */
export async function openWorkOf(
  db: Queryable,
  bodyId: string,
): Promise<{ forms: number; meetings: number }> {
  const [forms] = await db
    .select({ n: count() })
    .from(opinionForms)
    .where(and(eq(opinionForms.bodyId, bodyId), inArray(opinionForms.status, [...openFormStatuses])));
  const [sessions] = await db
    .select({ n: count() })
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), inArray(meetings.status, [...openMeetingStatuses])));
  return { forms: Number(forms?.n ?? 0), meetings: Number(sessions?.n ?? 0) };
}

/** Why the body was archived: the reason its "body.archived" event carries. */
async function archiveReason(db: Queryable, bodyId: string): Promise<string | null> {
  const [event] = await db
    .select({ details: workspaceEvents.details })
    .from(workspaceEvents)
    .where(
      and(
        eq(workspaceEvents.subjectKind, "body"),
        eq(workspaceEvents.subjectId, bodyId),
        eq(workspaceEvents.action, "body.archived"),
      ),
    )
    .orderBy(desc(workspaceEvents.id))
    .limit(1);
  const reason = (event?.details as { reason?: unknown } | null)?.reason;
  return typeof reason === "string" ? reason : null;
}

/**
 * Archives a body, with a reason and the administrator's confirmation. Refused while it has an
 * opinion form under way (a draft, awaiting approval, open, or closed without its conclusion) or a
 * meeting planned, published or in session: those are finished, withdrawn or cancelled first.
 */
export async function archiveBody(
  actor: Actor,
  bodyId: string,
  input: ArchiveInput,
  now: Date = new Date(),
): Promise<Result<{ id: string }, BodyError>> {
  if (!isSystemAdmin(actor)) return err("forbidden");
  const issues: Record<string, string[]> = {};
  const reason = (input.reason ?? "").trim();
  if (!reason) issues.reason = [fieldError("reason")];
  else if (reason.length > 1000) issues.reason = [fieldError("tooLong")];
  if (input.confirm !== "yes") issues.confirm = [fieldError("confirmArchive")];
  if (Object.keys(issues).length > 0) return err("invalid_input", issues);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockBody(tx, bodyId);
    if (!locked.ok) return locked;
    const work = await openWorkOf(tx, bodyId);
    if (work.forms + work.meetings > 0) return err("open_work");
    await tx.update(bodies).set({ archivedAt: now }).where(eq(bodies.id, bodyId));
    await recordWorkspaceEvent(tx, {
      subjectKind: "body",
      subjectId: bodyId,
      actorId: actorId(actor),
      action: "body.archived",
      details: { reason },
    });
    return ok({ id: bodyId });
  });
}
