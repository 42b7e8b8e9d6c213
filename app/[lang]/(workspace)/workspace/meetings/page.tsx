import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { listMeetings, listPreparedBodies } from "@/lib/meetings/meetings";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { fieldId, formView, OpForm, summaryErrors } from "@/components/meetings/forms";
import { decodeOutcome } from "@/components/meetings/outcome";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";
import { meetingAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  return { title: t("meetings.listTitle") };
}

/** The meetings an officer sits in or is invited to; the secretary creates one here. */
export default async function MeetingsPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const actor = await requireStaff(lang, `/${lang}/workspace/meetings`);
  if (!actor)
    return (
      <>
        <h1>{t("meetings.listTitle")}</h1>
        <p>{t("meetings.notStaff")}</p>
      </>
    );
  const [rows, prepared] = await Promise.all([listMeetings(actor), listPreparedBodies(actor)]);
  const outcome = decodeOutcome(query.outcome);
  const form = formView(outcome, "create", undefined, t);
  const id = (field: string) => fieldId("create", undefined, field);
  const errorPrefix = tCommon("errorTitlePrefix");
  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[{ href: `/${lang}/staff`, text: t("staff:queue.title") }, { text: t("meetings.listTitle") }]}
      />
      <h1 id="top">{t("meetings.listTitle")}</h1>
      <ErrorSummary title={t("meetings.errorTitle")} errors={summaryErrors(outcome, t)} />
      <p>{t("meetings.lead")}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("meetings.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("meetings.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetings.columns.code")}</th>
                <th scope="col">{t("meetings.columns.title")}</th>
                <th scope="col">{t("meetings.columns.startsAt")}</th>
                <th scope="col">{t("meetings.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.code}</td>
                  <td>
                    <Link href={`/${lang}/workspace/meetings/${row.id}`}>{row.title}</Link>
                    <br />
                    <span className="muted">
                      {localized(lang, { nameVi: row.bodyNameVi, nameEn: row.bodyNameEn })}
                    </span>
                  </td>
                  <td>{formatDateTime(row.startsAt, lang)}</td>
                  <td>{t(`meetings.status.${row.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {prepared.length > 0 ? (
        <section aria-labelledby="new-meeting-title">
          <h2 id="new-meeting-title">{t("meetings.create.title")}</h2>
          {form.formError && Object.keys(outcome && !outcome.done ? outcome.issues : {}).length === 0 ? (
            <Notice tone="warning">{form.formError}</Notice>
          ) : null}
          <OpForm action={meetingAction} lang={lang} op="create" meetingId="" version={0}>
            <SelectField
              id={id("bodyId")}
              name="bodyId"
              label={t("meetings.create.body")}
              options={prepared.map((body) => ({ value: body.id, label: localized(lang, body) }))}
              defaultValue={form.value("bodyId")}
              error={form.error("bodyId")}
              errorPrefix={errorPrefix}
            />
            <TextField
              id={id("title")}
              name="title"
              label={t("meetings.create.meetingTitle")}
              defaultValue={form.value("title")}
              error={form.error("title")}
              errorPrefix={errorPrefix}
            />
            <TextField
              id={id("startsAt")}
              name="startsAt"
              type="datetime-local"
              label={t("meetings.create.startsAt")}
              hint={t("meetings.create.startsAtHint")}
              defaultValue={form.value("startsAt")}
              error={form.error("startsAt")}
              errorPrefix={errorPrefix}
            />
            <TextField
              id={id("place")}
              name="place"
              label={t("meetings.create.place")}
              defaultValue={form.value("place")}
              error={form.error("place")}
              errorPrefix={errorPrefix}
            />
            <TextField
              id={id("onlineUrl")}
              name="onlineUrl"
              type="url"
              label={t("meetings.create.onlineUrl")}
              hint={t("meetings.create.onlineUrlHint")}
              defaultValue={form.value("onlineUrl")}
              error={form.error("onlineUrl")}
              errorPrefix={errorPrefix}
            />
            <Button>{t("meetings.create.submit")}</Button>
          </OpForm>
        </section>
      ) : null}
    </>
  );
}
