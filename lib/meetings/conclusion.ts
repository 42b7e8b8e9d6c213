import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { agendaItemDossiers, agendaItems, minutes } from "@/db/schema/workspace";
import { contactsOf } from "@/lib/identity/accounts";
import { publishBodyConclusion } from "@/lib/decisions/conclusions";
import { localDate } from "@/lib/calendar/rules";
import { createI18n } from "@/lib/i18n/instance";
import { formatDateTime } from "@/lib/i18n/format";
import type { Actor } from "@/lib/identity/types";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import { dateLineParts, type SlipDocument } from "@/lib/slips/content";
import { renderPdf } from "@/lib/slips/pdf";
import {
  meetingEvent,
  touchMeeting,
  withMeeting,
  type MeetingContext,
  type MeetingError,
  type Seen,
} from "./core";
import { mayRun, membersOfBodies } from "./access";
import type { VoteCount } from "./rules";

/*
 * After the meeting: the conclusion notice (thông báo kết luận) as a PDF, drawn the way the slips
 * are (lib/slips/pdf: Be Vietnam Pro embedded), and its publication in the public decisions
 * registry (lib/decisions, with its personal-data guard over the dossiers the meeting decided on).
 */

type Item = typeof agendaItems.$inferSelect;

/** The notice's blocks (pure): the meeting, then each item with its vote and conclusion. */
export function conclusionDocument(
  input: {
    lang: "vi" | "en";
    code: string;
    title: string;
    startsAt: Date;
    place: string | null;
    bodyName: string;
    chairName: string | null;
    items: Pick<Item, "position" | "title" | "conclusion" | "result">[];
    now: Date;
  },
  t: (key: string, values?: Record<string, string | number>) => string,
): SlipDocument {
  const { lang } = input;
  const blocks: SlipDocument["blocks"] = [
    // The code is the line under the title; the field names the meeting.
    { kind: "field", label: t("notice.meeting"), value: input.title },
    { kind: "field", label: t("notice.time"), value: formatDateTime(input.startsAt, lang) },
  ];
  if (input.place) blocks.push({ kind: "field", label: t("notice.place"), value: input.place });
  blocks.push({ kind: "text", text: t("notice.lead", { body: input.bodyName }), align: "justify" });
  for (const item of input.items) {
    blocks.push({ kind: "text", text: `${item.position}. ${item.title}`, bold: true });
    const result = item.result as VoteCount | null;
    if (result)
      blocks.push({
        kind: "text",
        text: t("notice.vote", {
          yes: result.yes,
          no: result.no,
          abstain: result.abstain,
          present: result.present,
          members: result.votingMembers,
          outcome: t(`outcome.${result.outcome}`),
        }),
        italic: true,
      });
    blocks.push({ kind: "quote", text: item.conclusion ?? t("notice.noConclusion") });
  }
  blocks.push({
    kind: "signatures",
    columns: [{ title: t("notice.signTitle"), hint: t("notice.signHint"), name: input.chairName }],
  });
  const day = input.now;
  return {
    page: "A5",
    lang,
    agency: input.bodyName.toUpperCase(),
    dateLine: t("notice.dateLine", dateLineParts(lang, day)),
    nation: t("notice.nation"),
    motto: t("notice.motto"),
    title: t("notice.title"),
    code: input.code,
    codeLine: t("notice.codeLine", { code: input.code }),
    pageLabel: (page, pages) => t("notice.page", { page, pages }),
    qr: null,
    note: lang === "en" ? t("notice.translationNote") : null,
    blocks,
  };
}

async function noticeInput(context: MeetingContext, lang: "vi" | "en", now: Date) {
  const items = await context.tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, context.meeting.id))
    .orderBy(asc(agendaItems.position));
  const chair = (await membersOfBodies([context.body.id], context.tx)).find(
    (member) => member.role === "chair",
  );
  const names = chair ? await contactsOf([chair.userId], context.tx) : new Map();
  return {
    lang,
    code: context.meeting.code,
    title: context.meeting.title,
    startsAt: context.meeting.startsAt,
    place: context.meeting.place,
    bodyName: lang === "vi" ? context.body.nameVi : context.body.nameEn,
    chairName: chair ? (names.get(chair.userId)?.fullName ?? null) : null,
    items,
    now,
  };
}

const translator = (lang: "vi" | "en") => {
  const t = createI18n(lang).getFixedT(lang, "workspace", "meetings");
  return (key: string, values?: Record<string, string | number>) => t(key, values);
};

/** The conclusion notice of a closed meeting as PDF bytes, for its members and guests. */
export async function conclusionNoticePdf(
  actor: Actor,
  meetingId: string,
  lang: "vi" | "en",
  now: Date = new Date(),
): Promise<Result<{ fileName: string; bytes: Buffer }, MeetingError>> {
  const input = await withMeeting(
    actor,
    meetingId,
    () => true,
    async (context) => {
      if (context.meeting.status !== "closed") return err("invalid_state");
      return ok(await noticeInput(context, lang, now));
    },
    { read: true },
  );
  if (!input.ok) return input;
  const document = conclusionDocument(input.value, translator(lang));
  const bytes = await renderPdf(document, {
    title: `${document.title} – ${input.value.code}`,
    author: document.agency,
  });
  return ok({ fileName: `thong-bao-ket-luan-${input.value.code}${lang === "en" ? "-en" : ""}.pdf`, bytes });
}

export const publishConclusionSchema = z.object({
  number: z.string().trim().min(1, "errors.required").max(100, "errors.tooLong"),
  issuedOn: z.iso.date("errors.date"),
  summaryVi: z.string().trim().min(1, "errors.required").max(2000, "errors.tooLong"),
  summaryEn: z.string().trim().min(1, "errors.required").max(2000, "errors.tooLong"),
});

/**
 * The chair or the secretary publishes the conclusion of a meeting whose minutes are published into
 * the decisions registry, once; refused if a summary holds the personal data of a dossier on its
 * agenda. The registry entry is noted on the published minutes (decision_id stays writable).
 */
export async function publishConclusion(
  actor: Actor,
  meetingId: string,
  input: z.input<typeof publishConclusionSchema>,
  now: Date = new Date(),
  seen: Seen = {},
): Promise<Result<{ decisionId: string }, MeetingError>> {
  const parsed = publishConclusionSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  if (parsed.data.issuedOn > localDate(now))
    return err("invalid_input", { issuedOn: ["errors.dateInFuture"] });
  return withMeeting(
    actor,
    meetingId,
    mayRun,
    async (context) => {
      const [published] = await context.tx
        .select()
        .from(minutes)
        .where(and(eq(minutes.meetingId, meetingId), eq(minutes.status, "published")))
        .orderBy(desc(minutes.version))
        .limit(1);
      if (!published) return err("invalid_state");
      const anyPublished = await context.tx
        .select({ decisionId: minutes.decisionId })
        .from(minutes)
        .where(eq(minutes.meetingId, meetingId));
      if (anyPublished.some((row) => row.decisionId)) return err("already_published");
      if (!context.body.agencyId) return err("no_agency");
      const links = await context.tx
        .select({ dossierId: agendaItemDossiers.dossierId })
        .from(agendaItemDossiers)
        .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDossiers.itemId))
        .where(eq(agendaItems.meetingId, meetingId));
      const done = await publishBodyConclusion(
        context.tx,
        {
          ...parsed.data,
          agencyId: context.body.agencyId,
          agencyNames: [context.body.nameVi, context.body.nameEn],
          publishedBy: context.userId,
          dossierIds: links.map((link) => link.dossierId),
        },
        now,
      );
      if (!done.ok) return err("invalid_input", done.issues);
      await context.tx
        .update(minutes)
        .set({ decisionId: done.value.id })
        .where(and(eq(minutes.id, published.id), isNull(minutes.decisionId)));
      await meetingEvent(context, "publish_conclusion", {
        decisionId: done.value.id,
        number: parsed.data.number,
      });
      await touchMeeting(context);
      return ok({ decisionId: done.value.id });
    },
    { seen },
  );
}
