import "server-only";
import crypto from "node:crypto";
import { createI18n } from "@/lib/i18n/instance";
import { formatDate } from "@/lib/i18n/format";
import { languages, type Lang } from "@/lib/i18n/settings";
import { configuredTransport, messageDomain, type MailTransport } from "./mail";
import { escapeHtml } from "./templates";

/*
 * The e-mail inviting someone to an organisation (notice kind "organisation.invited"). Unlike the
 * dossier notices it does not go through the outbox: its link carries the invitation's secret
 * token, which the database never holds (only its SHA-256), and the invitee may have no account
 * yet. It is sent once the invitation is committed; if sending fails, the owner is told and may
 * invite again (a new invitation replaces the old one).
 */

export const invitationKind = "organisation.invited";

export type InvitationMail = {
  to: string;
  organisationName: string;
  inviterName: string;
  role: "filer" | "viewer";
  link: string;
  expiresAt: Date;
};

/** Both languages, Vietnamese first: the invitee's own choice of language is not known yet. */
export function renderInvitation(mail: InvitationMail): { subject: string; text: string; html: string } {
  const parts = languages.map((lang: Lang) => {
    const t = createI18n(lang).getFixedT(lang, "notify");
    const values = {
      organisation: mail.organisationName,
      inviter: mail.inviterName,
      role: t(`invitation.roles.${mail.role}`),
      date: formatDate(mail.expiresAt, lang),
    };
    return {
      lang,
      subject: t("invitation.subject", values),
      body: t("invitation.body", values),
      role: t("invitation.roleLine", values),
      expires: t("invitation.expires", values),
      action: t("invitation.action"),
      ignore: t("invitation.ignore"),
    };
  });
  const subject = parts.map((p) => p.subject).join(" / ");
  const text = parts
    .flatMap((p) => [p.body, p.role, "", `${p.action}: ${mail.link}`, p.expires, p.ignore, "", "--", ""])
    .join("\n");
  const e = escapeHtml;
  const html = [
    "<!DOCTYPE html>",
    '<html lang="vi"><head><meta charset="utf-8"><title>' + e(subject) + "</title></head>",
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;">',
    ...parts.map(
      (p) =>
        `<div lang="${p.lang}" style="max-width:600px;margin:0 auto 24px;"><h1 style="font-size:22px;">${e(p.subject)}</h1>` +
        `<p>${e(p.body)}</p><p>${e(p.role)}</p>` +
        `<p><a href="${e(mail.link)}" style="color:#1d70b8;">${e(p.action)}</a></p>` +
        `<p>${e(p.expires)}</p><p style="color:#505a5f;">${e(p.ignore)}</p></div>`,
    ),
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}

export async function sendInvitation(mail: InvitationMail, transport?: MailTransport): Promise<void> {
  const rendered = renderInvitation(mail);
  await (transport ?? configuredTransport()).send({
    to: mail.to,
    ...rendered,
    messageId: `<invitation.${crypto.randomUUID()}@${messageDomain()}>`,
  });
}
