import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getInvitation } from "@/lib/organisations/service";
import { Notice } from "@/components/ui/Notice";
import { OrganisationForm } from "@/components/organisations/OrganisationForm";
import { requireApplicant } from "../../../dossiers/_shared/applicant";
import { acceptAction } from "../../actions";

type Props = { params: Promise<{ lang: string; token: string }> };

export const metadata: Metadata = { title: null };

/**
 * The link of an invitation e-mail. Only after sign-in (a signed-out reader signs in and comes back
 * here), and only for the account whose e-mail address was invited.
 */
export default async function InvitationPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { token } = await params;
  const here = `/${lang}/organisations/invitations/${encodeURIComponent(token)}`;
  const t = await getT(lang, "organisations");
  const title = `${t("invitation.title")} – ${t("common:siteName")}`;
  const applicant = await requireApplicant(lang, here);
  if (!applicant)
    return (
      <>
        <title>{title}</title>
        <h1>{t("invitation.title")}</h1>
        <p>{t("invitation.staff")}</p>
      </>
    );
  const found = await getInvitation(applicant, token);
  if (!found.ok)
    return (
      <>
        <title>{title}</title>
        <h1>{t("invitation.title")}</h1>
        <Notice tone="warning">{t("invitation.notFound")}</Notice>
        <p>
          <Link href={`/${lang}/organisations`}>{t("title")}</Link>
        </p>
      </>
    );
  const invitation = found.value;
  const closed = invitation.state !== "pending";
  return (
    <>
      {closed || !invitation.forThisAccount ? <title>{title}</title> : null}
      <h1>{t("invitation.title")}</h1>
      <p className="lead">
        {t("invitation.lead", {
          organisation: invitation.organisationName,
          role: t(`roles.${invitation.role}`),
        })}
      </p>
      {closed ? (
        <Notice tone="warning">
          {t(
            `errors.${invitation.state === "accepted" ? "invitation_used" : invitation.state === "revoked" ? "invitation_revoked" : "invitation_expired"}`,
          )}
        </Notice>
      ) : !invitation.forThisAccount ? (
        <Notice tone="warning">{t("invitation.wrongAccount")}</Notice>
      ) : (
        <>
          <p>{t("invitation.expires", { date: formatDate(invitation.expiresAt, lang) })}</p>
          <OrganisationForm
            lang={lang}
            title={title}
            fields={[]}
            submitLabel={t("invitation.accept")}
            submitId="accept"
            action={acceptAction.bind(null, lang, token)}
          />
        </>
      )}
    </>
  );
}
