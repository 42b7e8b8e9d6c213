import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getT, resolveLang, type T } from "@/lib/i18n/server";
import { mayManageTasks } from "@/lib/tasks/rules";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Lang } from "@/lib/i18n/settings";
import { getMeetingView, type MeetingView } from "@/lib/meetings/meetings";
import type { VoteCount } from "@/lib/meetings/rules";
import { deferrable, openForSpeakers } from "@/lib/meetings/agendaRules";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { fieldId, formView, OpForm, summaryErrors } from "@/components/meetings/forms";
import { LiveSession } from "@/components/meetings/LiveSession.client";
import { decodeOutcome, type Outcome } from "@/components/meetings/outcome";
import styles from "@/components/meetings/meetings.module.css";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";
import { meetingAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // The page renders its own <title> (below): after a post and its redirect the metadata's title did
  // not always reach the page (axe found none), the element always does.
  return { title: null };
}

type Ctx = { lang: Lang; t: T; view: MeetingView; outcome: Outcome | null; errorPrefix: string };

/**
 * One meeting, before, during and after: what each person may do shows as plain forms (they work
 * with JavaScript off; the page comes back after each post). With JavaScript on, the session part
 * refreshes itself when the meeting changes (LiveSession polls a small JSON route).
 */
export default async function MeetingPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const actor = await requireStaff(lang, `/${lang}/workspace/meetings/${id}`);
  if (!actor) notFound();
  const view = await getMeetingView(actor, id);
  if (!view) notFound();
  const outcome = decodeOutcome(query.outcome);
  const ctx: Ctx = { lang, t, view, outcome, errorPrefix: tCommon("errorTitlePrefix") };
  const { meeting } = view;
  const status = meeting.status;
  const doneKey =
    outcome?.done === true
      ? outcome.op === "publish"
        ? "published"
        : outcome.op === "vote"
          ? "voted"
          : outcome.op === "cancel"
            ? "cancelled"
            : outcome.op === "defer"
              ? "deferred"
              : outcome.op === "withdraw_speak"
                ? "withdrawn"
                : outcome.op === "create"
                  ? "created"
                  : "saved"
      : null;
  const rows = [
    { key: t("meetings.details.body"), value: localized(lang, view.body) },
    { key: t("meetings.details.startsAt"), value: formatDateTime(meeting.startsAt, lang) },
    ...(meeting.place ? [{ key: t("meetings.details.place"), value: meeting.place }] : []),
    ...(meeting.onlineUrl
      ? [
          {
            key: t("meetings.details.online"),
            value: (
              <a href={meeting.onlineUrl} rel="noopener noreferrer">
                {t("meetings.details.joinOnline")}
              </a>
            ),
          },
        ]
      : []),
    { key: t("meetings.details.status"), value: t(`meetings.status.${status}`) },
  ];
  return (
    <>
      <title>{`${meeting.code} – ${meeting.title} – ${tCommon("siteName")}`}</title>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[
          { href: `/${lang}/workspace/meetings`, text: t("meetings.listTitle") },
          { text: meeting.code },
        ]}
      />
      <span className="muted">{meeting.code}</span>
      <h1 id="top" tabIndex={-1}>
        {meeting.title}
      </h1>
      <ErrorSummary title={t("meetings.errorTitle")} errors={summaryErrors(outcome, t)} />
      {doneKey ? <Notice tone="success">{t(`meetings.done.${doneKey}`)}</Notice> : null}
      <p>{t("meetings.yourRole", { role: t(`meetings.role.${view.role}`) })}</p>
      <SummaryList rows={rows} />
      {view.cancelled ? (
        <Notice tone="warning">
          {t("meetings.cancel.notice", {
            at: formatDateTime(view.cancelled.at, lang),
            reason: view.cancelled.reason,
          })}
        </Notice>
      ) : null}

      {status === "in_session" ? (
        <LiveSession
          meetingId={meeting.id}
          version={meeting.version}
          labels={{
            live: t("meetings.session.live"),
            refresh: t("meetings.session.refresh"),
            yes: t("meetings.vote.yes"),
            no: t("meetings.vote.no"),
            abstain: t("meetings.vote.abstain"),
          }}
        />
      ) : null}

      {view.mayAttend && (status === "planned" || status === "published") ? <Invitation {...ctx} /> : null}
      {view.mayAttend && status === "in_session" ? <CheckIn {...ctx} /> : null}
      {view.mayRun && (status === "published" || status === "in_session") ? (
        <SessionControls {...ctx} />
      ) : null}
      {view.mayRun || view.mayPrepare ? <Answers {...ctx} /> : null}

      <h2>{t("meetings.agenda.title")}</h2>
      {view.items.length === 0 ? <p className="muted">{t("meetings.agenda.empty")}</p> : null}
      {view.items.map((item, index) => (
        <AgendaItem
          key={item.id}
          {...ctx}
          item={item}
          first={index === 0}
          last={index === view.items.length - 1}
        />
      ))}

      {view.mayPrepare && (status === "planned" || status === "published") ? <Prepare {...ctx} /> : null}
      {view.mayCancel && (status === "planned" || status === "published") ? <Cancel {...ctx} /> : null}
      {status === "closed" ? <Minutes {...ctx} /> : null}
    </>
  );
}

function ResultLine({ t, result }: { t: T; result: VoteCount }) {
  return (
    <p>
      {t("meetings.result.line", {
        yes: result.yes,
        no: result.no,
        abstain: result.abstain,
        present: result.present,
        members: result.votingMembers,
        needed: result.needed,
      })}{" "}
      <strong>
        {result.quorum ? t("meetings.result.quorum") : t("meetings.result.noQuorum")} —{" "}
        {t(`meetings.outcome.${result.outcome}`)}
      </strong>
    </p>
  );
}

function AgendaItem({
  lang,
  t,
  view,
  outcome,
  errorPrefix,
  item,
  first,
  last,
}: Ctx & { item: MeetingView["items"][number]; first: boolean; last: boolean }) {
  const status = view.meeting.status;
  const current = view.meeting.currentItemId === item.id;
  const base = {
    action: meetingAction,
    lang,
    meetingId: view.meeting.id,
    version: view.meeting.version,
    itemId: item.id,
  };
  const comment = formView(outcome, "comment", item.id, t);
  const conclude = formView(outcome, "conclude", item.id, t);
  const vote = formView(outcome, "vote", item.id, t);
  const defer = formView(outcome, "defer", item.id, t);
  const headingId = `item-${item.id}`;
  const canContribute = view.mayAttend && (status === "published" || status === "in_session");
  const speaking = item.speakers.find((speaker) => speaker.status === "speaking");
  return (
    <section aria-labelledby={headingId} className={styles.item}>
      <h3 id={headingId}>
        {item.position}. {item.title}
      </h3>
      <p>
        {t(`meetings.itemStatus.${item.status}`)}
        {current ? ` — ${t("meetings.agenda.current")}` : ""}
      </p>
      {item.deferReason ? <p>{t("meetings.defer.reasonShown", { reason: item.deferReason })}</p> : null}
      {item.summary ? <p>{item.summary}</p> : null}
      {item.presenter ? (
        <p>
          {t("meetings.agenda.presenter")}: {item.presenter}
        </p>
      ) : null}
      <h4>{t("meetings.agenda.documents")}</h4>
      {item.documents.length === 0 ? (
        <p className="muted">{t("meetings.agenda.noDocuments")}</p>
      ) : (
        <ul>
          {item.documents.map((document) => (
            <li key={document.id}>
              <a href={`/api/v1/workspace/files/${document.id}`}>{document.fileName}</a>
            </li>
          ))}
        </ul>
      )}
      {item.dossiers.length > 0 ? (
        <>
          <h4>{t("meetings.agenda.dossiers")}</h4>
          <ul>
            {item.dossiers.map((dossier) => (
              <li key={dossier.code}>
                {dossier.code}
                {dossier.returned ? ` — ${t("meetings.agenda.returned")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.comments.length > 0 ? (
        <>
          <h4>{t("meetings.agenda.comments")}</h4>
          <ul>
            {item.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author}</strong>: {c.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.speakers.length > 0 ? (
        <>
          <h4>{t("meetings.agenda.speakers")}</h4>
          <ol>
            {item.speakers.map((speaker) => (
              <li key={speaker.id}>
                {speaker.name} — {t(`meetings.agenda.speakerStatus.${speaker.status}`)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {item.result ? (
        <>
          <h4>{t("meetings.agenda.result")}</h4>
          <ResultLine t={t} result={item.result} />
        </>
      ) : null}
      {item.status === "voting" ? <p>{t("meetings.vote.cast", { count: item.votesCast })}</p> : null}
      {item.conclusion ? (
        <>
          <h4>{t("meetings.agenda.conclusion")}</h4>
          <p>{item.conclusion}</p>
          {item.status === "decided" && view.role !== "guest" && mayManageTasks(view.role) ? (
            <p>
              <Link href={`/${lang}/workspace/tasks/new?source=agenda_item:${item.id}`}>
                {t("meetings.agenda.giveTasks")}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}

      {view.mayPrepare && (status === "planned" || status === "published") ? (
        <div className={styles.actions}>
          {!first ? (
            <OpForm {...base} op="move_up" inline>
              <Button variant="secondary" aria-label={t("meetings.agenda.moveUp", { title: item.title })}>
                {t("meetings.agenda.up")}
              </Button>
            </OpForm>
          ) : null}
          {!last ? (
            <OpForm {...base} op="move_down" inline>
              <Button variant="secondary" aria-label={t("meetings.agenda.moveDown", { title: item.title })}>
                {t("meetings.agenda.down")}
              </Button>
            </OpForm>
          ) : null}
        </div>
      ) : null}

      {view.mayRun && status === "in_session" ? (
        <div className={styles.actions}>
          {!current && (item.status === "pending" || item.status === "discussing") ? (
            <OpForm {...base} op="set_current" inline>
              <Button variant="secondary">{t("meetings.session.setCurrent")}</Button>
            </OpForm>
          ) : null}
          {item.speakers.some((s) => s.status === "waiting") ? (
            <OpForm {...base} op="next_speaker" inline>
              <Button variant="secondary">{t("meetings.session.nextSpeaker")}</Button>
            </OpForm>
          ) : null}
          {speaking ? (
            <OpForm {...base} op="speaker_done" inline>
              <Button variant="secondary">{t("meetings.session.speakerDone")}</Button>
            </OpForm>
          ) : null}
          {item.status === "pending" || item.status === "discussing" ? (
            <OpForm {...base} op="open_vote" inline>
              <Button>{t("meetings.session.openVote")}</Button>
            </OpForm>
          ) : null}
          {item.status === "voting" ? (
            <OpForm {...base} op="close_vote" inline>
              <Button>{t("meetings.session.closeVote")}</Button>
            </OpForm>
          ) : null}
        </div>
      ) : null}

      {view.mayVote && item.status === "voting" ? (
        item.myVote ? (
          <p>
            <strong>{t("meetings.vote.yours", { choice: t(`meetings.vote.${item.myVote}`) })}</strong>
          </p>
        ) : view.me.presence ? (
          <OpForm {...base} op="vote" label={t("meetings.vote.title", { title: item.title })}>
            {vote.formError && !vote.error("password") && !vote.error("choice") ? (
              <Notice tone="warning">{vote.formError}</Notice>
            ) : null}
            <fieldset className={vote.error("choice") ? "field field--error" : "field"}>
              <legend className="field__label">{t("meetings.vote.title", { title: item.title })}</legend>
              <div className="radios" id={fieldId("vote", item.id, "choice")}>
                {(["yes", "no", "abstain"] as const).map((choice) => (
                  <label className="radio" key={choice}>
                    <input type="radio" name="choice" value={choice} required />
                    {t(`meetings.vote.${choice}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextField
              id={fieldId("vote", item.id, "password")}
              name="password"
              type="password"
              autoComplete="current-password"
              label={t("meetings.vote.password")}
              error={vote.error("password")}
              errorPrefix={errorPrefix}
              required
            />
            <Button>{t("meetings.vote.submit")}</Button>
          </OpForm>
        ) : null
      ) : null}

      {view.mayRun &&
      (status === "in_session" || status === "closed") &&
      (item.status === "decided" || item.status === "discussing") ? (
        <OpForm {...base} op="conclude">
          <TextArea
            id={fieldId("conclude", item.id, "conclusion")}
            name="conclusion"
            label={t("meetings.conclude.label")}
            hint={item.dossiers.length > 0 ? t("meetings.conclude.dossierNote") : undefined}
            defaultValue={conclude.value("conclusion") ?? item.conclusion ?? ""}
            error={conclude.error("conclusion")}
            errorPrefix={errorPrefix}
          />
          <Button variant="secondary">{t("meetings.conclude.submit")}</Button>
        </OpForm>
      ) : null}

      {view.mayCancel &&
      (status === "planned" || status === "published" || status === "in_session") &&
      deferrable(item.status) ? (
        <details className={styles.item} open={defer.formError !== undefined}>
          <summary>{t("meetings.defer.open", { title: item.title })}</summary>
          <OpForm {...base} op="defer" label={t("meetings.defer.open", { title: item.title })}>
            <TextArea
              id={fieldId("defer", item.id, "reason")}
              name="reason"
              rows={2}
              label={t("meetings.defer.reason")}
              hint={item.dossiers.length > 0 ? t("meetings.defer.dossierNote") : undefined}
              defaultValue={defer.value("reason")}
              error={defer.error("reason")}
              errorPrefix={errorPrefix}
            />
            <Button variant="secondary">{t("meetings.defer.submit")}</Button>
          </OpForm>
        </details>
      ) : null}

      {canContribute && item.status !== "deferred" && item.status !== "decided" ? (
        <div className={styles.actions}>
          <OpForm {...base} op="comment" label={t("meetings.contribute.comment")}>
            <TextArea
              id={fieldId("comment", item.id, "text")}
              name="text"
              rows={3}
              label={t("meetings.contribute.comment")}
              defaultValue={comment.value("text")}
              error={comment.error("text")}
              errorPrefix={errorPrefix}
            />
            <Button variant="secondary">{t("meetings.contribute.send")}</Button>
          </OpForm>
          {item.mySpeakWaiting ? (
            <OpForm {...base} op="withdraw_speak" inline>
              <Button variant="secondary">{t("meetings.contribute.withdraw")}</Button>
            </OpForm>
          ) : openForSpeakers(item.status) ? (
            <OpForm {...base} op="speak" inline>
              <Button variant="secondary">{t("meetings.contribute.speak")}</Button>
            </OpForm>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Invitation({ lang, t, view, outcome, errorPrefix }: Ctx) {
  const form = formView(outcome, "respond", undefined, t);
  const id = (field: string) => fieldId("respond", undefined, field);
  const current = form.value("response") ?? view.me.response ?? "attending";
  return (
    <section aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t("meetings.invitation.title")}</h2>
      {view.me.response ? (
        <p>{t("meetings.invitation.yours", { response: t(`meetings.invitation.${view.me.response}`) })}</p>
      ) : null}
      <OpForm
        action={meetingAction}
        lang={lang}
        op="respond"
        meetingId={view.meeting.id}
        version={view.meeting.version}
      >
        <fieldset className="field">
          <legend className="field__label">{t("meetings.invitation.response")}</legend>
          <div className="radios" id={id("response")}>
            {(["attending", "absent", "delegated"] as const).map((response) => (
              <label className="radio" key={response}>
                <input type="radio" name="response" value={response} defaultChecked={current === response} />
                {t(`meetings.invitation.${response}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id={id("reason")}
          name="reason"
          label={t("meetings.invitation.reason")}
          defaultValue={form.value("reason")}
          error={form.error("reason")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id={id("delegateEmail")}
          name="delegateEmail"
          type="email"
          label={t("meetings.invitation.delegateEmail")}
          defaultValue={form.value("delegateEmail")}
          error={form.error("delegateEmail")}
          errorPrefix={errorPrefix}
        />
        <Button>{t("meetings.invitation.submit")}</Button>
      </OpForm>
    </section>
  );
}

function CheckIn({ lang, t, view }: Ctx) {
  return (
    <section aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t("meetings.session.checkIn")}</h2>
      {view.me.presence ? (
        <p>
          {t("meetings.session.checkedIn", { presence: t(`meetings.session.presence.${view.me.presence}`) })}
        </p>
      ) : (
        <OpForm
          action={meetingAction}
          lang={lang}
          op="check_in"
          meetingId={view.meeting.id}
          version={view.meeting.version}
        >
          <div className={styles.actions}>
            <Button variant="secondary" name="presence" value="in_room">
              {t("meetings.session.inRoom")}
            </Button>
            <Button name="presence" value="remote">
              {t("meetings.session.remote")}
            </Button>
          </div>
        </OpForm>
      )}
    </section>
  );
}

function SessionControls({ lang, t, view }: Ctx) {
  const present = view.attendance.filter((row) => row.presence).length;
  return (
    <section aria-labelledby="session-title">
      <h2 id="session-title">{t("meetings.session.title")}</h2>
      {view.meeting.status === "in_session" ? (
        <p>{t("meetings.session.present", { count: present })}</p>
      ) : null}
      <OpForm
        action={meetingAction}
        lang={lang}
        op={view.meeting.status === "published" ? "open_session" : "close_session"}
        meetingId={view.meeting.id}
        version={view.meeting.version}
        inline
      >
        <Button>
          {view.meeting.status === "published" ? t("meetings.session.open") : t("meetings.session.close")}
        </Button>
      </OpForm>
    </section>
  );
}

function Answers({ t, view }: Ctx) {
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t("meetings.invitation.responses")}</h2>
      {view.attendance.length > 0 ? (
        <ul>
          {view.attendance.map((row) => (
            <li key={row.userId}>
              {row.name}: {t(`meetings.invitation.${row.response}`)}
              {row.reason ? ` (${row.reason})` : ""}
              {row.delegate ? ` — ${t("meetings.invitation.delegate", { name: row.delegate })}` : ""}
              {row.presence ? ` — ${t(`meetings.session.presence.${row.presence}`)}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t("meetings.invitation.notAnswered")}</h3>
      {view.notAnswered.length === 0 ? (
        <p>{t("meetings.invitation.allAnswered")}</p>
      ) : (
        <ul>
          {view.notAnswered.map((person) => (
            <li key={person.id}>{person.name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Prepare({ lang, t, view, outcome, errorPrefix }: Ctx) {
  const add = formView(outcome, "add_item", undefined, t);
  const doc = formView(outcome, "add_document", outcome && !outcome.done ? outcome.itemId : undefined, t);
  const invite = formView(outcome, "invite", undefined, t);
  const publish = formView(outcome, "publish", undefined, t);
  const members = view.members.map((member) => ({ value: member.id, label: member.name }));
  return (
    <section aria-labelledby="prepare-title">
      <h2 id="prepare-title">{t("meetings.prepare.title")}</h2>
      <h3>{t("meetings.prepare.addItem")}</h3>
      <OpForm
        action={meetingAction}
        lang={lang}
        op="add_item"
        meetingId={view.meeting.id}
        version={view.meeting.version}
      >
        <TextField
          id={fieldId("add_item", undefined, "title")}
          name="title"
          label={t("meetings.prepare.itemTitle")}
          defaultValue={add.value("title")}
          error={add.error("title")}
          errorPrefix={errorPrefix}
        />
        <TextArea
          id={fieldId("add_item", undefined, "summary")}
          name="summary"
          rows={3}
          label={t("meetings.prepare.summary")}
          defaultValue={add.value("summary")}
          error={add.error("summary")}
          errorPrefix={errorPrefix}
        />
        <SelectField
          id={fieldId("add_item", undefined, "presenterId")}
          name="presenterId"
          label={t("meetings.prepare.presenter")}
          options={[{ value: "", label: t("meetings.prepare.noPresenter") }, ...members]}
          defaultValue={add.value("presenterId")}
          error={add.error("presenterId")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary">{t("meetings.prepare.addItem")}</Button>
      </OpForm>

      {view.items.length > 0 ? (
        <>
          <h3>{t("meetings.prepare.addDocument")}</h3>
          <form action={meetingAction} id="form-add_document" tabIndex={-1}>
            <input type="hidden" name="lang" value={lang} />
            <input type="hidden" name="op" value="add_document" />
            <input type="hidden" name="meetingId" value={view.meeting.id} />
            <input type="hidden" name="version" value={view.meeting.version} />
            <SelectField
              id="add_document-itemId"
              name="itemId"
              label={t("meetings.prepare.documentFor")}
              options={view.items.map((item) => ({
                value: item.id,
                label: `${item.position}. ${item.title}`,
              }))}
              defaultValue={doc.value("itemId")}
            />
            <div className={doc.error("file") ? "field field--error" : "field"}>
              <label
                className="field__label"
                htmlFor={fieldId(
                  "add_document",
                  outcome && !outcome.done ? outcome.itemId : undefined,
                  "file",
                )}
              >
                {t("meetings.prepare.file")}
              </label>
              <span className="field__hint" id="add_document-file-hint">
                {t("meetings.prepare.classifiedHint")}
              </span>
              {doc.error("file") ? (
                <span className="field__error" id="add_document-file-error">
                  {doc.error("file")}
                </span>
              ) : null}
              <input
                type="file"
                name="file"
                id={fieldId("add_document", outcome && !outcome.done ? outcome.itemId : undefined, "file")}
                aria-describedby={
                  doc.error("file")
                    ? "add_document-file-hint add_document-file-error"
                    : "add_document-file-hint"
                }
                accept="application/pdf,image/jpeg,image/png"
              />
            </div>
            <TextField
              id={fieldId("add_document", undefined, "description")}
              name="description"
              label={t("meetings.prepare.description")}
              defaultValue={doc.value("description")}
            />
            <Button variant="secondary">{t("meetings.prepare.upload")}</Button>
          </form>
        </>
      ) : null}

      <h3>{t("meetings.prepare.inviteGuest")}</h3>
      {view.guests.length > 0 ? (
        <p>
          {t("meetings.prepare.guests")}: {view.guests.map((guest) => guest.name).join(", ")}
        </p>
      ) : null}
      <OpForm
        action={meetingAction}
        lang={lang}
        op="invite"
        meetingId={view.meeting.id}
        version={view.meeting.version}
      >
        <TextField
          id={fieldId("invite", undefined, "email")}
          name="email"
          type="email"
          label={t("meetings.prepare.guestEmail")}
          defaultValue={invite.value("email")}
          error={invite.error("email")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary">{t("meetings.prepare.invite")}</Button>
      </OpForm>

      {view.meeting.status === "planned" ? (
        <>
          <h3>{t("meetings.prepare.publish")}</h3>
          <p>{t("meetings.prepare.publishLead", { days: view.body.documentsAheadDays })}</p>
          {publish.formError ? <Notice tone="warning">{publish.formError}</Notice> : null}
          <OpForm
            action={meetingAction}
            lang={lang}
            op="publish"
            meetingId={view.meeting.id}
            version={view.meeting.version}
          >
            {view.isChair ? (
              <div className="field">
                <label className="radio">
                  <input type="checkbox" name="allowLate" value="yes" />
                  {t("meetings.prepare.allowLate")}
                </label>
              </div>
            ) : null}
            <Button>{t("meetings.prepare.publishButton")}</Button>
          </OpForm>
        </>
      ) : null}
    </section>
  );
}

function Cancel({ lang, t, view, outcome, errorPrefix }: Ctx) {
  const form = formView(outcome, "cancel", undefined, t);
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t("meetings.cancel.title")}</h2>
      <p>
        {t(view.meeting.status === "published" ? "meetings.cancel.leadPublished" : "meetings.cancel.lead")}
      </p>
      <OpForm
        action={meetingAction}
        lang={lang}
        op="cancel"
        meetingId={view.meeting.id}
        version={view.meeting.version}
      >
        <TextArea
          id={fieldId("cancel", undefined, "reason")}
          name="reason"
          rows={3}
          label={t("meetings.cancel.reason")}
          defaultValue={form.value("reason")}
          error={form.error("reason")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary">{t("meetings.cancel.submit")}</Button>
      </OpForm>
    </section>
  );
}

function Minutes({ lang, t, view, outcome, errorPrefix }: Ctx) {
  const open = view.minutes.find((row) => row.status === "draft" || row.status === "approved");
  const published = view.minutes.find((row) => row.status === "published");
  const draft = formView(outcome, "draft_minutes", undefined, t);
  const save = formView(outcome, "save_minutes", undefined, t);
  const registry = formView(outcome, "publish_conclusion", undefined, t);
  const registryId = (field: string) => fieldId("publish_conclusion", undefined, field);
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t("meetings.minutes.title")}</h2>
      <p>
        <a href={`/api/v1/workspace/meetings/${view.meeting.id}/notice?lang=vi`}>
          {t("meetings.notice.download")}
        </a>
        {" · "}
        <a href={`/api/v1/workspace/meetings/${view.meeting.id}/notice?lang=en`}>
          {t("meetings.notice.downloadEn")}
        </a>
      </p>
      {view.minutes.length === 0 ? <p className="muted">{t("meetings.minutes.none")}</p> : null}
      {view.minutes.map((row) => (
        <article key={row.id} aria-labelledby={`minutes-${row.version}`} className={styles.item}>
          <h3 id={`minutes-${row.version}`}>
            {t("meetings.minutes.version", { version: row.version })} —{" "}
            {t(`meetings.minutes.status.${row.status}`)}
          </h3>
          {row.changeNote ? (
            <p>
              {t("meetings.minutes.changeNote")}: {row.changeNote}
            </p>
          ) : null}
          {row.status === "draft" && view.mayPrepare ? (
            <OpForm
              action={meetingAction}
              lang={lang}
              op="save_minutes"
              meetingId={view.meeting.id}
              version={view.meeting.version}
              extra={{ minutesId: row.id }}
            >
              <TextArea
                id={fieldId("save_minutes", undefined, "body")}
                name="body"
                rows={16}
                label={t("meetings.minutes.text")}
                defaultValue={save.value("body") ?? row.body}
                error={save.error("body")}
                errorPrefix={errorPrefix}
              />
              <Button variant="secondary">{t("meetings.minutes.save")}</Button>
            </OpForm>
          ) : (
            <pre className={styles.minutes}>{row.body}</pre>
          )}
          {row.status === "published" ? <p className="muted">{t("meetings.minutes.frozen")}</p> : null}
          {row.status === "draft" && view.isChair ? (
            <OpForm
              action={meetingAction}
              lang={lang}
              op="approve_minutes"
              meetingId={view.meeting.id}
              version={view.meeting.version}
              extra={{ minutesId: row.id }}
              inline
            >
              <Button>{t("meetings.minutes.approve")}</Button>
            </OpForm>
          ) : null}
          {row.status === "approved" && view.mayRun ? (
            <OpForm
              action={meetingAction}
              lang={lang}
              op="publish_minutes"
              meetingId={view.meeting.id}
              version={view.meeting.version}
              extra={{ minutesId: row.id }}
              inline
            >
              <Button>{t("meetings.minutes.publish")}</Button>
            </OpForm>
          ) : null}
        </article>
      ))}
      {view.mayPrepare && !open ? (
        <OpForm
          action={meetingAction}
          lang={lang}
          op="draft_minutes"
          meetingId={view.meeting.id}
          version={view.meeting.version}
        >
          {published ? (
            <TextField
              id={fieldId("draft_minutes", undefined, "changeNote")}
              name="changeNote"
              label={t("meetings.minutes.changeNote")}
              defaultValue={draft.value("changeNote")}
              error={draft.error("changeNote")}
              errorPrefix={errorPrefix}
            />
          ) : null}
          <Button variant="secondary">
            {published ? t("meetings.minutes.correct") : t("meetings.minutes.draft")}
          </Button>
        </OpForm>
      ) : null}
      {published && view.mayRun ? (
        view.minutes.some((row) => row.decisionId) ? (
          <Notice tone="success">{t("meetings.registry.published")}</Notice>
        ) : (
          <>
            <h3>{t("meetings.registry.title")}</h3>
            <p>{t("meetings.registry.privacy")}</p>
            {registry.formError ? <Notice tone="warning">{registry.formError}</Notice> : null}
            <OpForm
              action={meetingAction}
              lang={lang}
              op="publish_conclusion"
              meetingId={view.meeting.id}
              version={view.meeting.version}
            >
              <TextField
                id={registryId("number")}
                name="number"
                label={t("meetings.registry.number")}
                defaultValue={registry.value("number")}
                error={registry.error("number")}
                errorPrefix={errorPrefix}
              />
              <TextField
                id={registryId("issuedOn")}
                name="issuedOn"
                type="date"
                label={t("meetings.registry.issuedOn")}
                defaultValue={registry.value("issuedOn")}
                error={registry.error("issuedOn")}
                errorPrefix={errorPrefix}
              />
              <TextArea
                id={registryId("summaryVi")}
                name="summaryVi"
                rows={3}
                label={t("meetings.registry.summaryVi")}
                defaultValue={registry.value("summaryVi")}
                error={registry.error("summaryVi")}
                errorPrefix={errorPrefix}
              />
              <TextArea
                id={registryId("summaryEn")}
                name="summaryEn"
                rows={3}
                label={t("meetings.registry.summaryEn")}
                defaultValue={registry.value("summaryEn")}
                error={registry.error("summaryEn")}
                errorPrefix={errorPrefix}
              />
              <Button>{t("meetings.registry.submit")}</Button>
            </OpForm>
          </>
        )
      ) : null}
    </section>
  );
}
