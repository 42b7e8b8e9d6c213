import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { contentValues } from "@/lib/catalog/versionSchema";
import { getVersionState, versionHistory } from "@/lib/catalog/versions";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { ProcedureForm } from "@/components/admin/ProcedureForm";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { requireAdmin } from "../../_shared/admin";
import {
  discardAction,
  publishAction,
  saveCommitteeAction,
  saveContentAction,
  startDraftAction,
} from "./actions";

type Props = {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  // The content form writes the title (with "Error: " in front when the post fails).
  return { title: null };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** One procedure for a system administrator: its draft version's texts, documents, fees, time limits. */
export default async function AdminProcedurePage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { code } = await params;
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const tCommon = await getT(lang, "common");
  const path = `/${lang}/admin/procedures/${encodeURIComponent(code)}`;
  const admin = await requireAdmin(lang, path);
  if (!admin || !admin.scope.all) return <NotAdmin lang={lang} actor={await getActor()} />;
  const found = await getVersionState(admin.actor, code);
  if (!found.ok) notFound();
  const { procedure, current, draft } = found.value;
  const history = await versionHistory(code);
  const name = localized(lang, procedure);
  const title = `${name} – ${tCommon("siteName")}`;
  const done = one(query.done);
  const error = one(query.error);
  const field = (
    input: string,
    kind: "text" | "textarea",
    extra: { hint?: boolean; lang?: "vi" | "en"; short?: boolean } = {},
  ) => ({
    name: input,
    kind,
    label: t(`procedures.content.${input}`),
    ...(extra.hint ? { hint: t(`procedures.content.${input}Hint`) } : {}),
    ...(extra.lang ? { lang: extra.lang } : {}),
    ...(extra.short ? { short: true } : {}),
  });
  const values = draft ? contentValues(draft) : {};
  const withValue = <T extends { name: string }>(spec: T) => ({ ...spec, value: values[spec.name] ?? "" });
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/procedures`, text: t("nav.procedures") }, { text: procedure.code }]}
      />
      {!draft ? <title>{title}</title> : null}
      <h1>
        {name} <span className="nowrap">({procedure.code})</span>
      </h1>
      {done ? (
        <Notice tone="success">
          <p>{t(`procedures.done.${done}`, { version: one(query.version) })}</p>
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="warning">
          <p>{t(`procedures.errors.${error}`)}</p>
        </Notice>
      ) : null}
      <p>
        {current
          ? t("procedures.currentIs", {
              version: current.version,
              date: formatDate(current.publishedAt, lang),
            })
          : t("procedures.noCurrent")}{" "}
        <Link href={`/${lang}/procedures/${encodeURIComponent(procedure.code)}`}>
          {t("procedures.publicPage")}
        </Link>
      </p>
      <section aria-labelledby="committee-title">
        <h2 id="committee-title" tabIndex={-1}>
          {t("procedures.committee.title")}
        </h2>
        <form action={saveCommitteeAction.bind(null, lang, procedure.code)}>
          <p className="field__hint" id="committee-needsCommitteeDecision-hint">
            {t("procedures.committee.hint")}
          </p>
          <div className="radios">
            <label className="radio" htmlFor="committee-needsCommitteeDecision">
              <input
                type="checkbox"
                id="committee-needsCommitteeDecision"
                name="needsCommitteeDecision"
                value="yes"
                defaultChecked={procedure.needsCommitteeDecision}
                aria-describedby="committee-needsCommitteeDecision-hint"
              />
              <span>{t("procedures.committee.label")}</span>
            </label>
          </div>
          <Button variant="secondary">{t("procedures.committee.submit")}</Button>
        </form>
      </section>
      {!draft ? (
        <>
          <p>{t("procedures.noDraft")}</p>
          <form action={startDraftAction.bind(null, lang, procedure.code, "")}>
            <Button>{t("procedures.startDraft")}</Button>
          </form>
        </>
      ) : (
        <>
          <Notice>
            <p>
              {t("procedures.draftIs", {
                version: draft.version,
                saved: formatDateTime(draft.updatedAt, lang),
              })}
            </p>
          </Notice>
          <p>
            <Link href={`${path}/form`} className="button button--secondary" role="button">
              {t("procedures.openBuilder")}
            </Link>
          </p>
          <ProcedureForm
            lang={lang}
            title={title}
            heading={t("procedures.content.title")}
            intro={t("procedures.content.intro")}
            idPrefix="content"
            fields={[
              field("decisionNo", "text"),
              field("onlineDays", "text", { hint: true, short: true }),
              field("deskDays", "text", { short: true }),
              field("postDays", "text", { short: true }),
              field("fees", "textarea", { hint: true }),
              field("documents", "textarea", { hint: true }),
              field("resultVi", "text", { lang: "vi" }),
              field("resultEn", "text", { lang: "en" }),
              field("notesVi", "textarea", { lang: "vi" }),
              field("notesEn", "textarea", { lang: "en" }),
              field("targetGroups", "textarea", { hint: true }),
              field("legalBasis", "textarea", { hint: true }),
              field("channels", "text", { hint: true }),
              field("sourceUrl", "text"),
            ].map(withValue)}
            submit={t("procedures.content.submit")}
            action={saveContentAction.bind(null, lang, procedure.code)}
          />
          <ProcedureForm
            lang={lang}
            title={title}
            ownsTitle={false}
            heading={t("procedures.publish.title")}
            intro={t("procedures.publish.intro", { version: draft.version })}
            idPrefix="publish"
            fields={[
              {
                name: "changeNote",
                kind: "textarea",
                label: t("procedures.publish.changeNote"),
                hint: t("procedures.publish.changeNoteHint"),
              },
            ]}
            submit={t("procedures.publish.submit", { version: draft.version })}
            action={publishAction.bind(null, lang, procedure.code)}
          />
          <h2>{t("procedures.discard.title")}</h2>
          <p>{t("procedures.discard.intro")}</p>
          <form action={discardAction.bind(null, lang, procedure.code)}>
            <Button variant="warning">{t("procedures.discard.submit", { version: draft.version })}</Button>
          </form>
        </>
      )}
      <h2>{t("procedures.history.title")}</h2>
      {history.length > 0 ? (
        <DataTable
          caption={t("procedures.history.caption")}
          scrollLabel={t("procedures.history.caption")}
          columns={[
            { key: "version", header: t("procedures.history.version") },
            { key: "date", header: t("procedures.history.date") },
            { key: "decision", header: t("procedures.history.decision") },
            { key: "note", header: t("procedures.history.note") },
          ]}
          rows={history.map((entry) => ({
            key: String(entry.version),
            cells: {
              version: entry.current
                ? t("procedures.history.current", { version: entry.version })
                : String(entry.version),
              date: <span className="nowrap">{formatDate(entry.publishedAt, lang)}</span>,
              decision: entry.decisionNo ?? "—",
              note: entry.changeNote ?? "—",
            },
          }))}
        />
      ) : (
        <p>{t("procedures.history.none")}</p>
      )}
    </>
  );
}
