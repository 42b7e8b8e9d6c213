import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { memberRoles } from "@/lib/organisations/rules";
import { getOrganisation } from "@/lib/organisations/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { addressLine } from "@/components/organisations/addressChoices";
import { SummaryList } from "@/components/ui/SummaryList";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { requireApplicant } from "../../dossiers/_shared/applicant";
import { NotApplicant } from "../../dossiers/_shared/NotApplicant";
import { inviteAction, removeMemberAction, revokeAction, setRoleAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: null };

const doneKeys: Record<string, string> = {
  created: "create.done",
  saved: "detail.saved",
  roleSaved: "detail.roleSaved",
  removed: "detail.removed",
  revoked: "detail.revoked",
  invited: "detail.invited",
  notMailed: "detail.inviteNotMailed",
  joined: "invitation.accepted",
};
const errorCodes = [
  "forbidden",
  "not_found",
  "last_owner",
  "invitation_not_found",
  "invalid_input",
  "failed",
];

/**
 * An organisation as its members see it: the particulars, the members and their roles; for its
 * owners, changing the particulars and roles, removing members, inviting by e-mail and revoking
 * invitations. Every form is a plain post (JavaScript off works). Not a member: not found.
 */
export default async function OrganisationPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const applicant = await requireApplicant(lang, `/${lang}/organisations/${id}`);
  if (!applicant) return <NotApplicant lang={lang} />;
  const found = await getOrganisation(applicant, id);
  if (!found.ok) notFound();
  const organisation = found.value;
  const t = await getT(lang, "organisations");
  const owner = organisation.role === "owner";
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  const done = doneKeys[single(query.done)];
  const errorCode = single(query.error);
  const errorField = single(query.field).replace(/[^a-zA-Z0-9-]/g, "");
  const error = errorCodes.includes(errorCode) && errorField ? { code: errorCode, field: errorField } : null;
  const errorMessage = error
    ? t(`errors.${error.code === "invalid_input" ? "roleRequired" : error.code}`)
    : null;
  const title = `${organisation.name} – ${t("common:siteName")}`;
  const invitedEmail = single(query.email);

  const memberRows = organisation.members.map((member) => {
    const self = member.userId === applicant.userId;
    const name = `${member.fullName}${self ? ` ${t("detail.you")}` : ""}`;
    const fieldError =
      error && (error.field === `role-${member.userId}` || error.field === `remove-${member.userId}`);
    return {
      key: member.userId,
      cells: {
        // The e-mail under the name: one column fewer on a phone.
        name: (
          <>
            {name}
            {member.email ? (
              <>
                <br />
                <span className="small muted">{member.email}</span>
              </>
            ) : null}
          </>
        ),
        role: t(`roles.${member.role}`),
        actions: owner ? (
          <div className={fieldError ? "field field--error" : undefined}>
            {fieldError ? (
              <p className="field__error" id={`${error!.field}-error`}>
                {errorMessage}
              </p>
            ) : null}
            <form action={setRoleAction.bind(null, lang, organisation.id)} className="inline-form">
              <input type="hidden" name="userId" value={member.userId} />
              <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                {t("detail.changeRoleOf", { name: member.fullName })}
              </label>
              <select
                className="select"
                id={`role-${member.userId}`}
                name="role"
                defaultValue={member.role}
                aria-describedby={fieldError ? `${error!.field}-error` : undefined}
              >
                {memberRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
              <Button variant="secondary">
                {t("detail.saveRole")}
                <span className="visually-hidden">: {member.fullName}</span>
              </Button>
            </form>
            <form action={removeMemberAction.bind(null, lang, organisation.id)} className="inline-form">
              <input type="hidden" name="userId" value={member.userId} />
              <Button variant="warning" id={`remove-${member.userId}`}>
                {t("detail.remove")}
                <span className="visually-hidden">: {member.fullName}</span>
              </Button>
            </form>
          </div>
        ) : null,
      },
    };
  });

  return (
    <>
      {owner ? null : <title>{title}</title>}
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[{ href: `/${lang}/organisations`, text: t("title") }, { text: organisation.name }]}
      />
      <h1>{organisation.name}</h1>
      {done ? (
        <Notice tone={done === "detail.inviteNotMailed" ? "warning" : "success"}>
          {t(done, { email: invitedEmail, organisation: organisation.name })}
        </Notice>
      ) : null}
      <h2>{t("detail.particulars")}</h2>
      <SummaryList
        rows={[
          { key: t("fields.taxCode"), value: organisation.taxCode },
          { key: t("fields.address"), value: await addressLine(organisation.address) },
          {
            key: t("fields.legalRepresentative"),
            value: [organisation.legalRepresentative, organisation.legalRepresentativeTitle]
              .filter(Boolean)
              .join(", "),
          },
          { key: t("fields.phoneShort"), value: organisation.phone ?? "" },
          { key: t("fields.emailShort"), value: organisation.email ?? "" },
        ]}
      />
      {owner ? (
        <p>
          <Link href={`/${lang}/organisations/${organisation.id}/edit`}>{t("detail.edit")}</Link>
        </p>
      ) : null}
      <p>
        <Link href={`/${lang}/dossiers`}>{t("detail.dossiers")}</Link>
      </p>
      <h2>{t("detail.members")}</h2>
      <DataTable
        columns={[
          { key: "name", header: t("detail.memberColumns.name") },
          { key: "role", header: t("detail.memberColumns.role") },
          ...(owner ? [{ key: "actions", header: t("detail.memberColumns.actions") }] : []),
        ]}
        rows={memberRows}
      />
      {owner ? (
        <OrganisationForm
          lang={lang}
          title={title}
          otherErrors={error && errorMessage ? [{ href: `#${error.field}`, message: errorMessage }] : []}
          heading={t("detail.invite")}
          lead={t("detail.inviteLead")}
          fields={[
            {
              kind: "text",
              name: "inviteEmail",
              type: "email",
              label: t("detail.inviteEmail"),
              autoComplete: "off",
              spellCheck: false,
            },
            {
              kind: "radios",
              name: "inviteRole",
              label: t("detail.inviteRole"),
              options: (["filer", "viewer"] as const).map((role) => ({
                value: role,
                label: t(`roles.${role}`),
                hint: t(`roleHints.${role}`),
              })),
            },
          ]}
          submitLabel={t("detail.inviteSubmit")}
          action={inviteAction.bind(null, lang, organisation.id)}
        />
      ) : null}
      {owner ? (
        <>
          <h2>{t("detail.invitations")}</h2>
          {organisation.invitations.length === 0 ? (
            <p>{t("detail.noInvitations")}</p>
          ) : (
            <DataTable
              columns={[
                { key: "email", header: t("detail.invitationColumns.email") },
                { key: "role", header: t("detail.invitationColumns.role") },
                { key: "expires", header: t("detail.invitationColumns.expires") },
                { key: "actions", header: t("detail.invitationColumns.actions") },
              ]}
              rows={organisation.invitations.map((invitation) => ({
                key: invitation.id,
                cells: {
                  email: invitation.email,
                  role: t(`roles.${invitation.role}`),
                  expires: formatDate(invitation.expiresAt, lang),
                  actions: (
                    <form action={revokeAction.bind(null, lang, organisation.id)} className="inline-form">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button variant="secondary" id={`revoke-${invitation.id}`}>
                        {t("detail.revoke")}
                        <span className="visually-hidden">: {invitation.email}</span>
                      </Button>
                    </form>
                  ),
                },
              }))}
            />
          )}
        </>
      ) : null}
    </>
  );
}
