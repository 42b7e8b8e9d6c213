import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { agendaItems, meetingAttendance, minutes } from "@/db/schema/workspace";
import { contactsOf } from "@/lib/identity/accounts";
import { formatDateTime } from "@/lib/i18n/format";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import {
  meetingEvent,
  touchMeeting,
  withMeeting,
  type MeetingContext,
  type MeetingError,
  type Seen,
} from "./core";
import { mayPrepare, mayRun } from "./access";
import type { VoteCount } from "./rules";

/*
 * The minutes of a meeting, versioned: the secretary drafts (prefilled from the agenda, the votes'
 * results and the conclusions), the chair approves, publication freezes the version. The service
 * refuses any change to a published version; the database trigger (migration 0016) refuses it too.
 * A correction is a new version with a change note; the version it replaces is kept, superseded.
 */

type MinutesRow = typeof minutes.$inferSelect;

async function versions(context: MeetingContext): Promise<MinutesRow[]> {
  return context.tx
    .select()
    .from(minutes)
    .where(eq(minutes.meetingId, context.meeting.id))
    .orderBy(desc(minutes.version));
}

/** The first draft's text: the meeting, who attended, each item with its result and conclusion (Vietnamese, as minutes are kept). */
async function prefill(context: MeetingContext): Promise<string> {
  const { tx, meeting, body } = context;
  const items = await tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position));
  const attendance = await tx
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meeting.id));
  const names = await contactsOf(
    attendance.map((row) => row.userId),
    tx,
  );
  const name = (id: string) => names.get(id)?.fullName ?? "—";
  const present = attendance.filter((row) => row.presence);
  const absent = attendance.filter((row) => !row.presence && row.response !== "attending");
  const lines = [
    `BIÊN BẢN PHIÊN HỌP ${meeting.code}`,
    `${body.nameVi}: ${meeting.title}`,
    `Thời gian: ${formatDateTime(meeting.startsAt, "vi")}${meeting.place ? ` — Địa điểm: ${meeting.place}` : ""}${meeting.onlineUrl ? " — Trực tuyến" : ""}`,
    "",
    `Có mặt (${present.length}): ${present.map((row) => `${name(row.userId)}${row.presence === "remote" ? " (trực tuyến)" : ""}`).join("; ") || "—"}`,
    `Vắng mặt (${absent.length}): ${absent.map((row) => `${name(row.userId)}${row.reason ? ` (${row.reason})` : ""}`).join("; ") || "—"}`,
    "",
  ];
  for (const item of items) {
    lines.push(`${item.position}. ${item.title}`);
    if (item.summary) lines.push(`   ${item.summary}`);
    const result = item.result as VoteCount | null;
    if (result)
      lines.push(
        `   Biểu quyết: tán thành ${result.yes}, không tán thành ${result.no}, không biểu quyết ${result.abstain}; có mặt ${result.present}/${result.votingMembers}; kết quả: ${
          result.outcome === "adopted"
            ? "thông qua"
            : result.outcome === "no_quorum"
              ? "không đủ số thành viên"
              : "không thông qua"
        }.`,
      );
    if (item.conclusion) lines.push(`   Kết luận: ${item.conclusion}`);
    lines.push("");
  }
  return lines.join("\n").trim();
}

/**
 * The secretary starts the minutes (version 1, prefilled), or a correction of the published version
 * (a new version from its text, with the change note). One draft at a time.
 */
export async function draftMinutes(
  actor: Actor,
  meetingId: string,
  input: { changeNote?: string | null } = {},
  seen: Seen = {},
): Promise<Result<{ id: string; version: number }, MeetingError>> {
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      if (context.meeting.status !== "closed") return err("invalid_state");
      const all = await versions(context);
      if (all.some((row) => row.status === "draft" || row.status === "approved")) return err("draft_exists");
      const published = all.find((row) => row.status === "published");
      const changeNote = input.changeNote?.trim() || null;
      if (published && !changeNote) return err("change_note_required", { changeNote: ["errors.required"] });
      if (changeNote && changeNote.length > 2000)
        return err("invalid_input", { changeNote: ["errors.tooLong"] });
      const version = (all[0]?.version ?? 0) + 1;
      const [row] = await context.tx
        .insert(minutes)
        .values({
          meetingId,
          version,
          status: "draft",
          body: published ? published.body : await prefill(context),
          changeNote: published ? changeNote : null,
          draftedBy: context.userId,
        })
        .returning({ id: minutes.id });
      await meetingEvent(context, published ? "draft_correction" : "draft_minutes", { version, changeNote });
      await touchMeeting(context);
      return ok({ id: row!.id, version });
    },
    { seen },
  );
}

/** Loads one version of the meeting's minutes under the meeting's lock. */
async function versionOf(context: MeetingContext, minutesId: string): Promise<MinutesRow | null> {
  const [row] = await context.tx
    .select()
    .from(minutes)
    .where(and(eq(minutes.id, minutesId), eq(minutes.meetingId, context.meeting.id)));
  return row ?? null;
}

/** The secretary edits a draft; anything else (approved, published, superseded) is refused here first. */
export async function saveMinutes(
  actor: Actor,
  meetingId: string,
  minutesId: string,
  body: string,
  seen: Seen = {},
): Promise<Result<null, MeetingError>> {
  const text = body.trim();
  if (!text) return err("invalid_input", { body: ["errors.required"] });
  if (text.length > 100_000) return err("invalid_input", { body: ["errors.tooLong"] });
  return withMeeting(
    actor,
    meetingId,
    mayPrepare,
    async (context) => {
      const row = await versionOf(context, minutesId);
      if (!row) return err("not_found");
      if (row.status !== "draft") return err("invalid_state");
      await context.tx.update(minutes).set({ body: text }).where(eq(minutes.id, minutesId));
      await meetingEvent(context, "edit_minutes", { version: row.version });
      await touchMeeting(context);
      return ok(null);
    },
    { seen },
  );
}

/** The chair approves a draft. */
export async function approveMinutes(
  actor: Actor,
  meetingId: string,
  minutesId: string,
  now: Date = new Date(),
  seen: Seen = {},
): Promise<Result<null, MeetingError>> {
  return withMeeting(
    actor,
    meetingId,
    (role) => role === "chair",
    async (context) => {
      const row = await versionOf(context, minutesId);
      if (!row) return err("not_found");
      if (row.status !== "draft") return err("invalid_state");
      await context.tx
        .update(minutes)
        .set({ status: "approved", approvedBy: context.userId, approvedAt: now })
        .where(eq(minutes.id, minutesId));
      await meetingEvent(context, "approve_minutes", { version: row.version });
      await touchMeeting(context);
      return ok(null);
    },
    { seen },
  );
}

/** Publishes an approved version: frozen from now on; the version it corrects becomes superseded. */
export async function publishMinutes(
  actor: Actor,
  meetingId: string,
  minutesId: string,
  now: Date = new Date(),
  seen: Seen = {},
): Promise<Result<null, MeetingError>> {
  return withMeeting(
    actor,
    meetingId,
    mayRun,
    async (context) => {
      const row = await versionOf(context, minutesId);
      if (!row) return err("not_found");
      if (row.status !== "approved") return err("invalid_state");
      const superseded = await context.tx
        .update(minutes)
        .set({ status: "superseded" })
        .where(and(eq(minutes.meetingId, context.meeting.id), inArray(minutes.status, ["published"])))
        .returning({ version: minutes.version });
      await context.tx
        .update(minutes)
        .set({ status: "published", publishedAt: now })
        .where(eq(minutes.id, minutesId));
      await meetingEvent(context, "publish_minutes", {
        version: row.version,
        supersedes: superseded.map((s) => s.version),
      });
      await touchMeeting(context);
      return ok(null);
    },
    { seen },
  );
}
