"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import {
  addAgendaItem,
  addContribution,
  addItemDocument,
  cancelMeeting,
  createMeeting,
  deferAgendaItem,
  inviteGuest,
  moveAgendaItem,
  publishMeeting,
  respondToInvitation,
  sendDossierToAgenda,
  withdrawSpeakRequest,
} from "@/lib/meetings/meetings";
import { seenVersion } from "@/lib/meetings/staleness";
import {
  advanceSpeakers,
  castVote,
  checkIn,
  closeSession,
  closeVote,
  concludeItem,
  openSession,
  openVote,
  setCurrentItem,
} from "@/lib/meetings/votes";
import { approveMinutes, draftMinutes, publishMinutes, saveMinutes } from "@/lib/meetings/minutes";
import { publishConclusion } from "@/lib/meetings/conclusion";
import type { Result } from "@/lib/result";
import { encodeOutcome, type Outcome } from "@/components/meetings/outcome";

/** Fields whose typed text comes back with an error (never a password, never a file). */
const keptFields = [
  "bodyId",
  "title",
  "startsAt",
  "place",
  "onlineUrl",
  "summary",
  "presenterId",
  "description",
  "email",
  "response",
  "reason",
  "delegateEmail",
  "text",
  "conclusion",
  "changeNote",
  "body",
  "number",
  "issuedOn",
  "summaryVi",
  "summaryEn",
  "dossierCode",
  "itemId",
];

/**
 * The one server action behind every meeting form: plain HTML forms (they work with JavaScript
 * off), each naming its operation. The service decides; the page comes back by a redirect (so a
 * reload does not post twice) with what happened, or the error, the fields' messages and the text
 * typed, in its address.
 */
export async function meetingAction(formData: FormData): Promise<void> {
  const lang = formData.get("lang");
  const safeLang = isLang(lang) ? lang : "vi";
  const op = formText(formData, "op");
  const meetingId = formText(formData, "meetingId");
  const itemId = formText(formData, "itemId");
  const returnTo = formText(formData, "returnTo");
  const get = (name: string) => formText(formData, name);
  // The meeting's version the page showed: the secretary's and the chair's posts are refused when
  // the meeting changed since (lib/meetings/staleness.ts says which posts, and why).
  const seen = seenVersion(op, get("version"));
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/${safeLang}/sign-in`);

  let result: Result<unknown, string>;
  let target = `/${safeLang}/workspace/meetings/${meetingId}`;
  switch (op) {
    case "create": {
      const created = await createMeeting(actor, {
        bodyId: get("bodyId"),
        title: get("title"),
        startsAt: get("startsAt"),
        place: get("place"),
        onlineUrl: get("onlineUrl"),
      });
      if (created.ok) target = `/${safeLang}/workspace/meetings/${created.value.id}`;
      else target = `/${safeLang}/workspace/meetings`;
      result = created;
      break;
    }
    case "add_item":
      result = await addAgendaItem(
        actor,
        meetingId,
        {
          title: get("title"),
          summary: get("summary"),
          presenterId: get("presenterId"),
        },
        seen,
      );
      break;
    case "move_up":
    case "move_down":
      result = await moveAgendaItem(actor, itemId, op === "move_up" ? "up" : "down", seen);
      break;
    case "add_document": {
      const file = formData.get("file");
      result =
        file instanceof File && file.size > 0
          ? await addItemDocument(
              actor,
              itemId,
              {
                fileName: file.name,
                description: get("description"),
                bytes: new Uint8Array(await file.arrayBuffer()),
              },
              seen,
            )
          : { ok: false, error: "invalid_input", issues: { file: ["errors.required"] } };
      break;
    }
    case "invite":
      result = await inviteGuest(actor, meetingId, get("email"), seen);
      break;
    case "publish":
      result = await publishMeeting(
        actor,
        meetingId,
        { allowLate: formData.get("allowLate") === "yes" },
        undefined,
        seen,
      );
      break;
    case "cancel":
      result = await cancelMeeting(actor, meetingId, get("reason"), seen);
      break;
    case "defer":
      result = await deferAgendaItem(actor, itemId, get("reason"), seen);
      break;
    case "withdraw_speak":
      result = await withdrawSpeakRequest(actor, itemId);
      break;
    case "respond":
      result = await respondToInvitation(actor, meetingId, {
        response: get("response") as "attending",
        reason: get("reason"),
        delegateEmail: get("delegateEmail"),
      });
      break;
    case "comment":
    case "speak":
      result = await addContribution(actor, itemId, { kind: op, text: get("text") });
      break;
    case "open_session":
      result = await openSession(actor, meetingId, undefined, seen);
      break;
    case "close_session":
      result = await closeSession(actor, meetingId, undefined, seen);
      break;
    case "set_current":
      result = await setCurrentItem(actor, itemId, seen);
      break;
    case "next_speaker":
    case "speaker_done":
      result = await advanceSpeakers(actor, itemId, op === "next_speaker" ? "next" : "done", seen);
      break;
    case "open_vote":
      result = await openVote(actor, itemId, undefined, seen);
      break;
    case "close_vote":
      result = await closeVote(actor, itemId, undefined, seen);
      break;
    case "check_in":
      result = await checkIn(actor, meetingId, get("presence") === "remote" ? "remote" : "in_room");
      break;
    case "vote": {
      const password = formData.get("password");
      result = await castVote(actor, itemId, {
        choice: get("choice"),
        proof: { password: typeof password === "string" ? password : "" },
      });
      break;
    }
    case "conclude":
      result = await concludeItem(actor, itemId, get("conclusion"), undefined, seen);
      break;
    case "draft_minutes":
      result = await draftMinutes(actor, meetingId, { changeNote: get("changeNote") }, seen);
      break;
    case "save_minutes":
      result = await saveMinutes(actor, meetingId, get("minutesId"), get("body"), seen);
      break;
    case "approve_minutes":
      result = await approveMinutes(actor, meetingId, get("minutesId"), undefined, seen);
      break;
    case "publish_minutes":
      result = await publishMinutes(actor, meetingId, get("minutesId"), undefined, seen);
      break;
    case "publish_conclusion":
      result = await publishConclusion(
        actor,
        meetingId,
        {
          number: get("number"),
          issuedOn: get("issuedOn"),
          summaryVi: get("summaryVi"),
          summaryEn: get("summaryEn"),
        },
        undefined,
        seen,
      );
      break;
    case "send_dossier": {
      const sent = await sendDossierToAgenda(actor, { dossierCode: get("dossierCode"), itemId });
      // Back to the dossier's page, whatever happened: the outcome shows there.
      target = returnTo.startsWith(`/${safeLang}/staff/dossiers/`) ? returnTo : `/${safeLang}/staff`;
      result = sent;
      break;
    }
    default:
      result = { ok: false, error: "invalid_state" };
  }

  const outcome: Outcome = result.ok
    ? { op, done: true }
    : {
        op,
        done: false,
        error: result.error,
        issues: result.issues ?? {},
        values: Object.fromEntries(
          keptFields.filter((name) => formData.has(name)).map((name) => [name, get(name).slice(0, 2000)]),
        ),
        ...(itemId ? { itemId } : {}),
      };
  redirect(
    `${target}?${encodeOutcome(outcome)}#${result.ok ? "top" : `form-${op}${itemId ? `-${itemId}` : ""}`}`,
  );
}
