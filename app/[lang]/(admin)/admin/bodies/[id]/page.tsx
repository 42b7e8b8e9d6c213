import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { getBody } from "@/lib/meetings/bodies";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { MemberName } from "@/components/workspace/MemberName";
import { WorkspaceForm } from "@/components/workspace/WorkspaceForm";
import { archiveFormFields, bodyFormFields, memberFormFields } from "@/components/workspace/bodyFields";
import { requireAdmin } from "../../_shared/admin";
import { archiveBodyAction, removeMemberAction, saveBodyAction, setMemberAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: null };
}

const notices = new Set(["bodyCreated", "bodySaved", "memberSaved", "memberRemoved", "bodyArchived"]);

/**
 * One body: its members with their roles and titles, its rule, and archiving it. An archived body
 * is read-only: its members are listed, nothing can be changed.
 */
export default async function BodyPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const admin = await requireAdmin(lang, `/${lang}/admin/bodies/${encodeURIComponent(id)}`);
  if (!admin) return <NotAdmin lang={lang} actor={await getActor()} />;
  const found = await getBody(admin.actor, id);
  if (!found.ok && found.error === "forbidden") return <NotAdmin lang={lang} actor={admin.actor} />;
  if (!found.ok) notFound();
  const body = found.value;
  const name = localized(lang, body);
  const done = typeof query.done === "string" && notices.has(query.done) ? query.done : null;
  return (
    <>
      <AdminBreadcrumbs
        lang={lang}
        items={[{ href: `/${lang}/admin/bodies`, text: t("bodies.title") }, { text: name }]}
      />
      <h1>{name}</h1>
      {done ? (
        <Notice tone="success">
          <p>{t(`bodies.done.${done}`)}</p>
        </Notice>
      ) : null}
      {body.archived ? (
        <Notice tone="info">
          <p>{t("bodies.archivedOn", { date: formatDate(body.archived.at, lang) })}</p>
          {body.archived.reason ? (
            <p>{t("bodies.archivedReason", { reason: body.archived.reason })}</p>
          ) : null}
          <p>{t("bodies.archivedReadOnly")}</p>
        </Notice>
      ) : null}
      {body.problem && !body.archived ? (
        <Notice tone="warning">
          <p>{t(`bodies.problems.${body.problem}`)}</p>
        </Notice>
      ) : null}
      <h2>{t("bodies.membersTitle")}</h2>
      {body.members.length === 0 ? (
        <p>{t("bodies.noMembers")}</p>
      ) : (
        <DataTable
          caption={t("bodies.membersCaption", { name })}
          columns={[
            { key: "name", header: t("bodies.columns.member") },
            { key: "role", header: t("bodies.columns.role") },
            { key: "title", header: t("bodies.columns.title") },
            ...(body.archived ? [] : [{ key: "action", header: t("bodies.columns.action") }]),
          ]}
          rows={body.members.map((member) => ({
            key: member.userId,
            cells: {
              name: <MemberName name={member.fullName} detail={member.email} />,
              role: t(`roles.${member.role}`),
              title: member.title ?? "–",
              action:
                body.archived || member.role === "chair" ? (
                  "–"
                ) : (
                  <WorkspaceForm
                    lang={lang}
                    heading={t("bodies.removeHeading", { name: member.fullName })}
                    headingLevel={3}
                    idPrefix={`remove-${member.userId}`}
                    fields={[]}
                    submit={t("bodies.remove")}
                    variant="warning"
                    action={removeMemberAction.bind(null, lang, body.id, member.userId)}
                  />
                ),
            },
          }))}
        />
      )}
      {body.archived ? (
        <title>{`${name} – ${tCommon("siteName")}`}</title>
      ) : (
        <>
          <WorkspaceForm
            lang={lang}
            ownsTitle
            title={`${name} – ${tCommon("siteName")}`}
            heading={t("bodies.memberFormTitle")}
            intro={t("bodies.memberFormIntro")}
            idPrefix="member"
            fields={memberFormFields(t)}
            submit={t("bodies.saveMember")}
            action={setMemberAction.bind(null, lang, body.id)}
          />
          <WorkspaceForm
            lang={lang}
            heading={t("bodies.ruleTitle")}
            idPrefix="body"
            fields={bodyFormFields(t, body)}
            submit={t("bodies.save")}
            variant="secondary"
            action={saveBodyAction.bind(null, lang, body.id)}
          />
          {body.openWork.forms + body.openWork.meetings > 0 ? (
            <section aria-labelledby="archive-title">
              <h2 id="archive-title">{t("bodies.archiveTitle")}</h2>
              <Notice tone="warning">
                <p>{t("bodies.archiveBlocked", body.openWork)}</p>
              </Notice>
            </section>
          ) : (
            <WorkspaceForm
              lang={lang}
              heading={t("bodies.archiveTitle")}
              intro={t("bodies.archiveIntro")}
              idPrefix="archive"
              fields={archiveFormFields(t)}
              submit={t("bodies.archive")}
              variant="warning"
              action={archiveBodyAction.bind(null, lang, body.id)}
            />
          )}
        </>
      )}
    </>
  );
}
