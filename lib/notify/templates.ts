import type { Lang } from "@/lib/i18n/settings";

/*
 * What a notice says, in its reader's language (issue 8). The shape is shared by the e-mail
 * worker (delivery.ts), the inbox (inbox.ts) and the daily digest; the words live in
 * locales/{vi,en}/notify.json.
 */

/** Who reads the notice: the language and the greeting, and whether links go to the staff pages. */
export type NoticeRecipient = { fullName: string; locale: Lang; isStaff: boolean };

/** One message, ready for any channel. `link` is absolute. */
export type RenderedNotice = { subject: string; text: string; html: string; link: string };

/** A dossier in a staff member's daily digest. */
export type DigestEntry = {
  code: string;
  procedureName: string;
  dueAt: Date;
  overdue: boolean;
};

/** The page a notice about a dossier leads to, for this reader. */
export function noticeLink(
  payload: Record<string, unknown>,
  recipient: NoticeRecipient,
  baseUrl: string,
): string {
  const code = typeof payload.code === "string" ? payload.code : null;
  const base = baseUrl.replace(/\/$/, "");
  if (!code) return `${base}/${recipient.locale}`;
  const area = recipient.isStaff ? "staff/dossiers" : "dossiers";
  return `${base}/${recipient.locale}/${area}/${encodeURIComponent(code)}`;
}

/** One line saying what happened (the e-mail's subject, the inbox row's title). */
export function noticeSubject(kind: string, payload: Record<string, unknown>, locale: Lang): string {
  const code = typeof payload.code === "string" ? payload.code : "";
  return locale === "vi" ? `Hồ sơ ${code}: ${kind}` : `Dossier ${code}: ${kind}`;
}

/** The whole message. */
export function renderNotice(
  kind: string,
  payload: Record<string, unknown>,
  recipient: NoticeRecipient,
  baseUrl: string,
): RenderedNotice {
  const subject = noticeSubject(kind, payload, recipient.locale);
  const link = noticeLink(payload, recipient, baseUrl);
  return {
    subject,
    text: `${subject}\n\n${link}\n`,
    html: `<p>${subject}</p><p><a href="${link}">${link}</a></p>`,
    link,
  };
}

/** A staff member's morning list of dossiers due soon or overdue. */
export function renderDigest(
  recipient: NoticeRecipient,
  entries: DigestEntry[],
  baseUrl: string,
): RenderedNotice {
  const link = `${baseUrl.replace(/\/$/, "")}/${recipient.locale}/staff`;
  const lines = entries.map((entry) => `${entry.code} ${entry.procedureName} ${entry.dueAt.toISOString()}`);
  const subject =
    recipient.locale === "vi" ? "Hồ sơ sắp đến hạn và quá hạn" : "Dossiers due soon and overdue";
  return { subject, text: [subject, ...lines, link].join("\n"), html: `<p>${subject}</p>`, link };
}
