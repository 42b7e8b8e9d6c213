import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  agendaContributions,
  agendaItemDossiers,
  agendaItems,
  meetingAttendance,
  votes,
} from "@/db/schema/workspace";
import { recordCommitteeConclusion } from "@/lib/dossiers/committee";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import {
  meetingEvent,
  meetingOfItem,
  touchMeeting,
  withMeeting,
  type MeetingContext,
  type MeetingError,
  type Seen,
} from "./core";
import { isVoting, mayAttend, mayRun, membersOfBodies, type MeetingRole } from "./access";
import { confirmIdentity } from "./confirm";
import { countVotes, type BodyRule, type Choice, type MajorityBase, type VoteCount } from "./rules";

/*
 * The session (lib/meetings): the secretary or the chair opens it, sets the current item, calls
 * the speakers in turn, opens and closes the vote on an item; members check in (in the room or
 * remotely) and vote yes / no / abstain, each vote confirmed by the member's password again and
 * counted once (the primary key on item and member, inserted "on conflict do nothing"); the result
 * is counted by the body's rule (rules.ts countVotes), quorum included.
 */

export async function openSession(actor: Actor, meetingId: string, now: Date = new Date(), seen: Seen = {}) {
  return withMeeting(
    actor,
    meetingId,
    mayRun,
    async (context) => {
      if (context.meeting.status !== "published") return err("invalid_state");
      await touchMeeting(context, { status: "in_session", openedAt: now });
      await meetingEvent(context, "open_session");
      return ok(null);
    },
    { seen },
  );
}

export async function closeSession(actor: Actor, meetingId: string, now: Date = new Date(), seen: Seen = {}) {
  return withMeeting(
    actor,
    meetingId,
    mayRun,
    async (context) => {
      if (context.meeting.status !== "in_session") return err("invalid_state");
      const [voting] = await context.tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.status, "voting")));
      if (voting) return err("invalid_state");
      await touchMeeting(context, { status: "closed", closedAt: now, currentItemId: null });
      await meetingEvent(context, "close_session");
      return ok(null);
    },
    { seen },
  );
}

/** Runs `work` on an item of a meeting in session, for whoever `allowed` accepts. */
async function onItem<T>(
  actor: Actor,
  itemId: string,
  allowed: (role: MeetingRole | null) => boolean,
  work: (context: MeetingContext, item: typeof agendaItems.$inferSelect) => Promise<Result<T, MeetingError>>,
  states: readonly string[] = ["in_session"],
  seen: Seen = {},
): Promise<Result<T, MeetingError>> {
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  return withMeeting(
    actor,
    meetingId,
    allowed,
    async (context) => {
      if (!states.includes(context.meeting.status)) return err("invalid_state");
      const [item] = await context.tx.select().from(agendaItems).where(eq(agendaItems.id, itemId));
      return work(context, item!);
    },
    { seen },
  );
}

/** The item under discussion: it moves from pending to discussing. */
export async function setCurrentItem(actor: Actor, itemId: string, seen: Seen = {}) {
  return onItem(
    actor,
    itemId,
    mayRun,
    async (context, item) => {
      if (item.status === "deferred") return err("invalid_state");
      await touchMeeting(context, { currentItemId: item.id });
      if (item.status === "pending")
        await context.tx.update(agendaItems).set({ status: "discussing" }).where(eq(agendaItems.id, item.id));
      await meetingEvent(context, "set_current_item", { itemId });
      return ok(null);
    },
    undefined,
    seen,
  );
}

/** The speakers' queue: the one speaking is done, the first waiting speaks (or, with "done", only the first). */
export async function advanceSpeakers(actor: Actor, itemId: string, step: "next" | "done", seen: Seen = {}) {
  return onItem(
    actor,
    itemId,
    mayRun,
    async (context) => {
      const queue = await context.tx
        .select()
        .from(agendaContributions)
        .where(
          and(
            eq(agendaContributions.itemId, itemId),
            eq(agendaContributions.kind, "speak"),
            inArray(agendaContributions.speakStatus, ["waiting", "speaking"]),
          ),
        )
        .orderBy(asc(agendaContributions.createdAt), asc(agendaContributions.id));
      const speaking = queue.find((row) => row.speakStatus === "speaking");
      const waiting = queue.find((row) => row.speakStatus === "waiting");
      if (speaking)
        await context.tx
          .update(agendaContributions)
          .set({ speakStatus: "done" })
          .where(eq(agendaContributions.id, speaking.id));
      const next = step === "next" ? waiting : undefined;
      if (next)
        await context.tx
          .update(agendaContributions)
          .set({ speakStatus: "speaking" })
          .where(eq(agendaContributions.id, next.id));
      await meetingEvent(context, "speakers", {
        itemId,
        done: speaking?.userId ?? null,
        speaking: next?.userId ?? null,
      });
      await touchMeeting(context);
      return ok(null);
    },
    undefined,
    seen,
  );
}

export async function openVote(actor: Actor, itemId: string, now: Date = new Date(), seen: Seen = {}) {
  return onItem(
    actor,
    itemId,
    mayRun,
    async (context, item) => {
      if (item.status !== "pending" && item.status !== "discussing") return err("invalid_state");
      const [other] = await context.tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, context.meeting.id), eq(agendaItems.status, "voting")));
      if (other) return err("invalid_state");
      await context.tx
        .update(agendaItems)
        .set({ status: "voting", voteOpenedAt: now })
        .where(eq(agendaItems.id, itemId));
      await touchMeeting(context, { currentItemId: itemId });
      await meetingEvent(context, "open_vote", { itemId });
      return ok(null);
    },
    undefined,
    seen,
  );
}

/** The body's rule, its voting members, those present (checked in) and its chair. */
async function countFor(context: MeetingContext, itemId: string): Promise<VoteCount> {
  const { tx, body, meeting } = context;
  const members = (await membersOfBodies([body.id], tx)).filter((member) => isVoting(member.role));
  const present = await tx
    .select({ userId: meetingAttendance.userId })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meeting.id), isNotNull(meetingAttendance.presence)));
  const ballots = await tx
    .select({ userId: votes.userId, choice: votes.choice })
    .from(votes)
    .where(eq(votes.itemId, itemId));
  const rule: BodyRule = {
    quorumPercent: body.quorumPercent,
    majorityPercent: body.majorityPercent,
    majorityBase: body.majorityBase as MajorityBase,
    chairBreaksTie: body.chairBreaksTie,
  };
  return countVotes(rule, {
    votingMembers: members.map((row) => row.userId),
    present: present.map((row) => row.userId),
    ballots: ballots.map((row) => ({ userId: row.userId, choice: row.choice as Choice })),
    chairId: members.find((row) => row.role === "chair")?.userId ?? null,
  });
}

export async function closeVote(actor: Actor, itemId: string, now: Date = new Date(), seen: Seen = {}) {
  return onItem(
    actor,
    itemId,
    mayRun,
    async (context, item) => {
      if (item.status !== "voting") return err("invalid_state");
      const result = await countFor(context, itemId);
      await context.tx
        .update(agendaItems)
        .set({ status: "decided", voteClosedAt: now, result: result as unknown as Record<string, unknown> })
        .where(eq(agendaItems.id, itemId));
      await meetingEvent(context, "close_vote", { itemId, result });
      await touchMeeting(context);
      return ok(result);
    },
    undefined,
    seen,
  );
}

/** A member present in the session: in the room or remotely (the online link). */
export async function checkIn(
  actor: Actor,
  meetingId: string,
  presence: "in_room" | "remote",
  now: Date = new Date(),
) {
  if (presence !== "in_room" && presence !== "remote") return err("invalid_input" as const);
  return withMeeting(actor, meetingId, mayAttend, async (context) => {
    if (context.meeting.status !== "in_session") return err("invalid_state");
    const values = { response: "attending", presence, checkedInAt: now, respondedAt: now };
    await context.tx
      .insert(meetingAttendance)
      .values({ meetingId, userId: context.userId, ...values })
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.userId],
        set: { presence, checkedInAt: now, response: "attending" },
      });
    await meetingEvent(context, "check_in", { presence });
    await touchMeeting(context);
    return ok(null);
  });
}

/**
 * A voting member's vote on the item being voted on, confirmed by their password (checked before
 * the meeting is locked: the hash is slow). Counted once: a second post, even at the same moment,
 * finds the first by the primary key and is refused as already_voted.
 */
export async function castVote(
  actor: Actor,
  itemId: string,
  input: { choice: string; proof: { password: string } },
  now: Date = new Date(),
): Promise<Result<{ choice: Choice }, MeetingError>> {
  const choice = input.choice;
  if (choice !== "yes" && choice !== "no" && choice !== "abstain")
    return err("invalid_input", { choice: ["errors.required"] });
  const meetingId = await meetingOfItem(itemId);
  if (!meetingId) return err("not_found");
  // Access first: a stranger learns nothing, not even whether their password was right.
  const seen = await withMeeting(actor, meetingId, isVoting, async () => ok(null), { read: true });
  if (!seen.ok) return seen;
  const confirmed = await confirmIdentity(
    actor,
    { method: "password", password: input.proof.password },
    { now },
  );
  if (!confirmed.ok)
    return err("identity_not_confirmed", { password: ["meetings.errors.identity_not_confirmed"] });
  return onItem(actor, itemId, isVoting, async (context, item) => {
    if (item.status !== "voting") return err("invalid_state");
    const [attendance] = await context.tx
      .select({ presence: meetingAttendance.presence })
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, context.userId)));
    if (!attendance?.presence) return err("not_checked_in");
    const inserted = await context.tx
      .insert(votes)
      .values({
        itemId,
        userId: context.userId,
        choice,
        presence: attendance.presence,
        confirmation: confirmed.value,
        castAt: now,
      })
      .onConflictDoNothing()
      .returning({ itemId: votes.itemId });
    if (inserted.length === 0) return err("already_voted");
    // The event says that a member voted, not how: the ballot is in votes, shown in the count.
    await meetingEvent(context, "vote", { itemId, presence: attendance.presence });
    return ok({ choice });
  });
}

/**
 * The conclusion on a decided (or deferred) item: it goes into the conclusion notice, and back to
 * every dossier on the item (lib/dossiers recordCommitteeConclusion), which is at its desk again.
 */
export async function concludeItem(
  actor: Actor,
  itemId: string,
  conclusion: string,
  now: Date = new Date(),
  seen: Seen = {},
): Promise<Result<{ dossiers: string[] }, MeetingError>> {
  const text = conclusion.trim();
  if (!text) return err("invalid_input", { conclusion: ["errors.required"] });
  if (text.length > 4000) return err("invalid_input", { conclusion: ["errors.tooLong"] });
  return onItem(
    actor,
    itemId,
    mayRun,
    async (context, item) => {
      if (item.status !== "decided" && item.status !== "discussing") return err("invalid_state");
      await context.tx
        .update(agendaItems)
        .set({ conclusion: text, ...(item.status === "discussing" ? { status: "decided" } : {}) })
        .where(eq(agendaItems.id, itemId));
      const links = await context.tx
        .select({ dossierId: agendaItemDossiers.dossierId })
        .from(agendaItemDossiers)
        .where(and(eq(agendaItemDossiers.itemId, itemId), isNull(agendaItemDossiers.returnedAt)));
      const codes: string[] = [];
      const outcome = (item.result as { outcome?: string } | null)?.outcome ?? null;
      for (const link of links) {
        const back = await recordCommitteeConclusion(
          context.tx,
          {
            dossierId: link.dossierId,
            actorId: context.userId,
            conclusion: text,
            outcome,
            meetingCode: context.meeting.code,
            bodyName: context.body.nameVi,
          },
          now,
        );
        if (back.ok) codes.push(back.value.code);
      }
      if (links.length > 0)
        await context.tx
          .update(agendaItemDossiers)
          .set({ returnedAt: now })
          .where(and(eq(agendaItemDossiers.itemId, itemId), isNull(agendaItemDossiers.returnedAt)));
      await meetingEvent(context, "conclude_item", { itemId, dossiers: codes });
      await touchMeeting(context);
      return ok({ dossiers: codes });
    },
    ["in_session", "closed"],
    seen,
  );
}

/** The live state of a session (the page's small JSON poll): for members and guests only. */
export async function liveState(actor: Actor, meetingId: string) {
  return withMeeting(
    actor,
    meetingId,
    () => true,
    async (context) => {
      const items = await context.tx
        .select({ id: agendaItems.id, status: agendaItems.status, result: agendaItems.result })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position));
      const voting = items.find((item) => item.status === "voting");
      const [{ present }] = (await context.tx
        .select({ present: sql<number>`count(*)::int` })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meetingId), isNotNull(meetingAttendance.presence)))) as [
        { present: number },
      ];
      return ok({
        version: context.meeting.version,
        status: context.meeting.status,
        currentItemId: context.meeting.currentItemId,
        present,
        voting: voting ? { itemId: voting.id, count: await countFor(context, voting.id) } : null,
      });
    },
    { read: true },
  );
}
