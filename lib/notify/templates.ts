import type { i18n, TFunction } from "i18next";
import { createI18n } from "@/lib/i18n/instance";
import { formatDate, formatDateTime, formatVnd } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";

/*
 * What a notice says, in its reader's language (issue 8). The shape is shared by the e-mail
 * worker (delivery.ts), the inbox (inbox.ts) and the daily digest; the words live in
 * locales/{vi,en}/notify.json.
 *
 * Pure apart from reading the locale files: no database, no clock. Every value that comes from a
 * payload is escaped before it reaches the HTML (a comment is the officer's free text, a
 * procedure name the catalogue's), and a value of the wrong type is left out rather than shown
 * as "undefined" or "NaN".
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

/**
 * Every kind of notice the portal writes (lib/dossiers/rules.ts), each worded in notify.json for
 * the applicant and for staff. tests/integration/notify-templates.test.ts fails when the rules
 * write a kind this list lacks; a kind not listed still renders, with the generic wording.
 */
export const noticeKinds = [
  "dossier.submitted",
  "dossier.accepted",
  "dossier.supplement_requested",
  "dossier.supplemented",
  "dossier.refused",
  "dossier.assigned",
  "dossier.released",
  "dossier.consulted",
  "dossier.consultation_answered",
  "dossier.transferred",
  "dossier.delay_proposed",
  "dossier.delayed",
  "dossier.delay_approved",
  "dossier.delay_rejected",
  "dossier.proposed",
  "dossier.decided",
  "dossier.payment_requested",
  "dossier.paid",
  "dossier.returned",
  "dossier.decision_published",
  "dossier.withdrawn",
  "dossier.stopped",
  // The officials' workspace (lib/meetings, lib/dossiers/committee).
  "dossier.committee_concluded",
  "meeting.published",
  "meeting.cancelled",
  // The officials' workspace (lib/tasks): a task given to an officer, due soon, overdue.
  "task.assigned",
  "task.due_soon",
  "task.overdue",
  // The officials' workspace: written opinion forms (lib/meetings/opinions.ts).
  "opinion.approval_requested",
  "opinion.returned",
  "opinion.approved",
  "opinion.opened",
  "opinion.reminder",
  "opinion.reminder_support",
  "opinion.closed",
  "opinion.conclusion_drafted",
  "opinion.concluded",
  "opinion.withdrawn",
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export function isNoticeKind(kind: string): kind is NoticeKind {
  return (noticeKinds as readonly string[]).includes(kind);
}

/**
 * Kinds worded differently by what the details say: the outcome of a decision (the result is ready,
 * or the request was not granted) and how a result was handed over.
 */
const variantOf: Partial<Record<NoticeKind, (details: Record<string, unknown>) => string | null>> = {
  "dossier.decided": (details) => oneOf(details.outcome, ["approved", "denied"]),
  "dossier.returned": (details) => oneOf(details.method, ["desk", "post", "online"]),
};

/** Actions whose comment is the applicant's own words, not a message to them. */
const applicantsOwnWords = new Set(["submit", "supplement", "withdraw"]);

// ---------------------------------------------------------------------------------------------
// Small pure helpers (unit-tested in tests/unit/notify-templates.test.ts)

/** Text for HTML: every character that could open markup or end an attribute, escaped. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Free text (a comment, a reason) as HTML: escaped, its line breaks kept. */
export function escapeMultiline(value: string): string {
  return escapeHtml(value.replace(/\r\n?/g, "\n")).replace(/\n/g, "<br>\n");
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A non-empty string from a payload, trimmed; anything else (a number, an object, "") is null. */
export function textOf(value: unknown, max = 4000): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** A date a payload carries (an ISO string, or YYYY-MM-DD): null when it is not a real date. */
export function dateOf(value: unknown): Date | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A whole, non-negative amount of đồng, or null. */
export function amountOf(value: unknown): number | null {
  const amount = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof amount === "number" && Number.isFinite(amount) && amount >= 0 ? Math.round(amount) : null;
}

const objectOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const stripSlash = (url: string) => url.replace(/\/+$/, "");

// ---------------------------------------------------------------------------------------------
// The words

const instances = new Map<Lang, { i18n: i18n; t: TFunction }>();

/** The notify namespace in this language (one instance per language: the strings never change). */
function instance(lang: Lang) {
  let found = instances.get(lang);
  if (!found) {
    const created = createI18n(lang);
    found = { i18n: created, t: created.getFixedT(lang, "notify") };
    instances.set(lang, found);
  }
  return found;
}

const translate = (lang: Lang): TFunction => instance(lang).t;

/** Whether the reader's language (or Vietnamese, its fallback) has this key of notify.json. */
function exists(lang: Lang, key: string): boolean {
  return instance(lang).i18n.exists(key, { ns: "notify", lng: lang });
}

type Audience = "applicant" | "staff";

/**
 * The most specific wording there is: the kind's variant for this reader, the variant, the kind for
 * this reader, the kind; then the generic message. Never a bare key.
 */
function wording(
  lang: Lang,
  kind: string,
  variant: string | null,
  audience: Audience | null,
  field: "subject" | "body" | "next",
): string {
  const candidates: string[] = [];
  if (isNoticeKind(kind)) {
    const base = `kinds.${kind}`;
    if (variant) {
      if (audience) candidates.push(`${base}.variants.${variant}.${audience}.${field}`);
      candidates.push(`${base}.variants.${variant}.${field}`);
    }
    if (audience) candidates.push(`${base}.${audience}.${field}`);
    candidates.push(`${base}.${field}`);
  }
  if (audience) candidates.push(`generic.${audience}.${field}`);
  candidates.push(`generic.${field}`);
  return candidates.find((key) => exists(lang, key)) ?? `generic.${field}`;
}

function variantFor(kind: string, payload: Record<string, unknown>): string | null {
  if (!isNoticeKind(kind)) return null;
  return variantOf[kind]?.(objectOf(payload.details)) ?? null;
}

function codeOf(payload: Record<string, unknown>): string | null {
  return textOf(payload.code, 100);
}

// ---------------------------------------------------------------------------------------------
// Links

/** A notice about a task of the officials' workspace (lib/tasks), not a dossier. */
const isTaskNotice = (payload: Record<string, unknown>) => payload.subject === "task";

/** What a notice is about, as its inbox row names it ("Dossier …", "Meeting …", "Task …"). */
export type NoticeSubjectKind = "dossier" | "meeting" | "opinion" | "task";

export function noticeSubjectKind(kind: string, payload: Record<string, unknown>): NoticeSubjectKind {
  if (isTaskNotice(payload) || kind.startsWith("task.")) return "task";
  if (kind.startsWith("opinion.")) return "opinion";
  if (kind.startsWith("meeting.")) return "meeting";
  return "dossier";
}

/** The page a notice about a dossier leads to, for this reader. */
export function noticeLink(
  payload: Record<string, unknown>,
  recipient: NoticeRecipient,
  baseUrl: string,
): string {
  const code = typeof payload.code === "string" ? payload.code : null;
  const base = baseUrl.replace(/\/$/, "");
  // A notice of the officials' workspace names its page (a meeting's), under the reader's language.
  const page =
    typeof payload.link === "string" && /^\/workspace\/[a-z0-9/-]+$/.test(payload.link) ? payload.link : null;
  if (page) return `${base}/${recipient.locale}${page}`;
  // A notice of the officials' workspace leads to its page there (an opinion form).
  if (
    payload.area === "workspace" &&
    typeof payload.formId === "string" &&
    /^[0-9a-f-]{36}$/i.test(payload.formId)
  )
    return `${base}/${recipient.locale}/workspace/opinions/${payload.formId}`;
  if (!code) return `${base}/${recipient.locale}`;
  if (isTaskNotice(payload)) return `${base}/${recipient.locale}/workspace/tasks/${encodeURIComponent(code)}`;
  const area = recipient.isStaff ? "staff/dossiers" : "dossiers";
  return `${base}/${recipient.locale}/${area}/${encodeURIComponent(code)}`;
}

/** Where a person changes their language and channels. */
export function accountLink(locale: Lang, baseUrl: string): string {
  return `${stripSlash(baseUrl)}/${locale}/account`;
}

// ---------------------------------------------------------------------------------------------
// One notice

/** One line saying what happened (the e-mail's subject, the inbox row's title). */
export function noticeSubject(kind: string, payload: Record<string, unknown>, locale: Lang): string {
  const t = translate(locale);
  const code = codeOf(payload) ?? t("noCode");
  return t(wording(locale, kind, variantFor(kind, payload), null, "subject"), { code });
}

/** A labelled value of the message ("Result due: 14:00 05/12/2026"). */
type Fact = { label: string; value: string };

/** What the payload says that the reader may want, in their language, each value checked. */
function factsOf(payload: Record<string, unknown>, lang: Lang, kind: string): Fact[] {
  const t = translate(lang);
  const details = objectOf(payload.details);
  const facts: Fact[] = [];
  const add = (labelKey: string, value: string | null) => {
    if (value) facts.push({ label: t(`labels.${labelKey}`), value });
  };
  const when = (value: unknown) => {
    const date = dateOf(value);
    return date ? formatDateTime(date, lang) : null;
  };
  const opinion = kind.startsWith("opinion.");
  add(isTaskNotice(payload) ? "taskCode" : opinion ? "formCode" : "code", codeOf(payload));
  if (isTaskNotice(payload)) {
    add("taskTitle", textOf(payload.title, 500));
    add("deadline", when(details.deadline));
  }
  if (opinion) add("formTitle", textOf(payload.title, 300));
  const procedure = objectOf(payload.procedure);
  add(
    "procedure",
    textOf(lang === "vi" ? procedure.nameVi : procedure.nameEn, 500) ?? textOf(procedure.nameVi, 500),
  );
  const status = textOf(payload.status, 50);
  if (status && /^[a-z_]+$/.test(status)) {
    const key = `dossiers:status.${status}`;
    const label = translate(lang)(key);
    if (label !== key && label !== `status.${status}`) add("status", label);
  }
  const day = (value: unknown) => {
    const date = dateOf(value);
    return date ? formatDate(date, lang) : null;
  };
  // An apology names the new date; any other step that moved the date names it as "dueAt".
  add("newDueAt", when(details.newDueAt));
  add(opinion ? "answerBy" : "dueAt", when(details.dueAt));
  add("originalDueAt", when(details.originalDueAt));
  add("previousDueAt", when(details.previousDueAt));
  add("reason", textOf(details.reason));
  const amount = amountOf(details.amountVnd);
  add("amountVnd", amount === null ? null : formatVnd(amount, lang));
  add("legalBasis", textOf(details.legalBasis, 1000));
  if (kind === "dossier.paid") {
    const method = oneOf(details.method, ["online", "desk"]);
    add("paymentMethod", method ? t(`paymentMethods.${method}`) : null);
  }
  add("receiptNumber", textOf(details.receiptNumber, 100));
  add("transactionId", textOf(details.transactionId, 200));
  if (kind === "dossier.returned") {
    const method = oneOf(details.method, ["desk", "post", "online"]);
    add("returnMethod", method ? t(`returnMethods.${method}`) : null);
  }
  add("trackingNumber", textOf(details.trackingNumber, 100));
  // A request for more names the documents it needs (lib/dossiers/requestedDocuments).
  if (Array.isArray(details.requestedDocuments)) {
    const names = details.requestedDocuments
      .map((document) => textOf(objectOf(document).name, 200))
      .filter((name): name is string => Boolean(name));
    add("requestedDocuments", names.length > 0 ? names.join("; ") : null);
  }
  add("decisionNumber", textOf(details.number, 100));
  add("issuedOn", day(details.issuedOn));
  return facts;
}

/** The parts every message has, in the reader's language, unescaped. */
type Parts = {
  lang: Lang;
  subject: string;
  greeting: string;
  body: string;
  facts: Fact[];
  comment: { label: string; text: string } | null;
  nextHeading: string;
  next: string;
  linkLabel: string;
  link: string;
  footer: { automatic: string; preferences: string; account: string };
};

function greetingFor(recipient: NoticeRecipient): string {
  const t = translate(recipient.locale);
  const name = textOf(recipient.fullName, 200);
  return name ? t("greeting", { name }) : t("greetingNoName");
}

function footerFor(lang: Lang, baseUrl: string): Parts["footer"] {
  const t = translate(lang);
  return {
    automatic: t("footer.automatic"),
    preferences: t("footer.preferences"),
    account: accountLink(lang, baseUrl),
  };
}

/** The whole message. */
export function renderNotice(
  kind: string,
  payload: Record<string, unknown>,
  recipient: NoticeRecipient,
  baseUrl: string,
): RenderedNotice {
  const lang = recipient.locale;
  const t = translate(lang);
  const audience: Audience = recipient.isStaff ? "staff" : "applicant";
  const variant = variantFor(kind, payload);
  const comment = textOf(payload.comment);
  const action = textOf(payload.action, 50);
  const parts: Parts = {
    lang,
    subject: noticeSubject(kind, payload, lang),
    greeting: greetingFor(recipient),
    body: t(wording(lang, kind, variant, audience, "body")),
    facts: factsOf(payload, lang, kind),
    comment: comment
      ? {
          label: t(action && applicantsOwnWords.has(action) ? "yourNote" : "officerMessage"),
          text: comment,
        }
      : null,
    nextHeading: t("nextHeading"),
    next: t(wording(lang, kind, variant, audience, "next")),
    linkLabel: t(
      isTaskNotice(payload)
        ? "openTask"
        : kind.startsWith("opinion.")
          ? "openOpinionForm"
          : kind.startsWith("meeting.")
            ? "openMeeting"
            : "openDossier",
    ),
    link: noticeLink(payload, recipient, baseUrl),
    footer: footerFor(lang, baseUrl),
  };
  return { subject: parts.subject, text: noticeText(parts), html: noticeHtml(parts), link: parts.link };
}

function noticeText(parts: Parts): string {
  const lines = [parts.greeting, "", parts.body, ""];
  for (const fact of parts.facts) lines.push(`${fact.label}: ${fact.value}`);
  if (parts.comment) lines.push("", `${parts.comment.label}:`, parts.comment.text);
  lines.push("", `${parts.nextHeading}:`, parts.next, "", `${parts.linkLabel}: ${parts.link}`);
  lines.push("", "--", parts.footer.automatic, `${parts.footer.preferences} ${parts.footer.account}`, "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The HTML shell: one column, inline styles (mail clients drop <style>), real headings and a data
// table with row headers so a screen reader can follow it, a link that says where it goes.

const font = "font-family:Arial,Helvetica,sans-serif;";
const style = {
  body: `margin:0;padding:0;background:#f3f2f1;${font}`,
  wrapper: `max-width:600px;margin:0 auto;background:#ffffff;color:#0b0c0c;${font}font-size:16px;line-height:1.5;`,
  banner: `margin:0;padding:16px 24px;background:#c8102e;color:#ffffff;font-size:18px;font-weight:bold;`,
  content: "padding:24px;",
  h1: "margin:0 0 16px;font-size:22px;line-height:1.3;color:#0b0c0c;",
  h2: "margin:24px 0 8px;font-size:18px;line-height:1.3;color:#0b0c0c;",
  p: "margin:0 0 16px;",
  table: "border-collapse:collapse;width:100%;margin:0 0 16px;",
  th: "text-align:left;vertical-align:top;padding:8px 12px 8px 0;border-bottom:1px solid #b1b4b6;font-weight:bold;width:40%;",
  td: "text-align:left;vertical-align:top;padding:8px 0;border-bottom:1px solid #b1b4b6;",
  quote: "margin:0 0 16px;padding:8px 16px;border-left:5px solid #b1b4b6;background:#f3f2f1;",
  button:
    "display:inline-block;padding:10px 16px;background:#00703c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:0;",
  link: "color:#1d70b8;text-decoration:underline;word-break:break-all;",
  footer: "padding:16px 24px;font-size:14px;color:#505a5f;border-top:1px solid #b1b4b6;",
};

function htmlDocument(lang: Lang, subject: string, inner: string, footer: Parts["footer"]): string {
  const e = escapeHtml;
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    "</head>",
    `<body style="${style.body}">`,
    `<div role="article" aria-label="${e(subject)}" lang="${lang}" style="${style.wrapper}">`,
    `<p style="${style.banner}">${e(translate(lang)("sender"))}</p>`,
    `<div style="${style.content}">`,
    inner,
    "</div>",
    `<div style="${style.footer}">`,
    `<p style="${style.p}">${e(footer.automatic)}</p>`,
    `<p style="margin:0;">${e(footer.preferences)} <a href="${e(footer.account)}" style="${style.link}">${e(footer.account)}</a></p>`,
    "</div>",
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function noticeHtml(parts: Parts): string {
  const e = escapeHtml;
  const t = translate(parts.lang);
  const inner: string[] = [
    `<h1 style="${style.h1}">${e(parts.subject)}</h1>`,
    `<p style="${style.p}">${e(parts.greeting)}</p>`,
    `<p style="${style.p}">${e(parts.body)}</p>`,
  ];
  if (parts.facts.length > 0) {
    inner.push(
      `<table style="${style.table}">`,
      `<caption style="text-align:left;font-weight:bold;padding:0 0 8px;">${e(t("factsCaption"))}</caption>`,
    );
    for (const fact of parts.facts)
      inner.push(
        `<tr><th scope="row" style="${style.th}">${e(fact.label)}</th><td style="${style.td}">${e(fact.value)}</td></tr>`,
      );
    inner.push("</table>");
  }
  if (parts.comment) {
    inner.push(
      `<h2 style="${style.h2}">${e(parts.comment.label)}</h2>`,
      `<blockquote style="${style.quote}">${escapeMultiline(parts.comment.text)}</blockquote>`,
    );
  }
  inner.push(
    `<h2 style="${style.h2}">${e(parts.nextHeading)}</h2>`,
    `<p style="${style.p}">${e(parts.next)}</p>`,
    `<p style="${style.p}"><a href="${e(parts.link)}" style="${style.button}">${e(parts.linkLabel)}</a></p>`,
    `<p style="${style.p}font-size:14px;">${e(t("linkIntro"))}<br><a href="${e(parts.link)}" style="${style.link}">${e(parts.link)}</a></p>`,
  );
  return htmlDocument(parts.lang, parts.subject, inner.join("\n"), parts.footer);
}

// ---------------------------------------------------------------------------------------------
// The daily digest

/** Overdue first, then the soonest due; within each, the oldest due date first. */
export function sortDigestEntries(entries: readonly DigestEntry[]): DigestEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueAt.getTime() - b.dueAt.getTime() ||
      a.code.localeCompare(b.code),
  );
}

/** A staff member's morning list of dossiers due soon or overdue. */
export function renderDigest(
  recipient: NoticeRecipient,
  entries: DigestEntry[],
  baseUrl: string,
): RenderedNotice {
  const lang = recipient.locale;
  const t = translate(lang);
  const base = stripSlash(baseUrl);
  const link = `${base}/${lang}/staff`;
  const sorted = sortDigestEntries(entries);
  const overdue = sorted.filter((entry) => entry.overdue);
  const dueSoon = sorted.filter((entry) => !entry.overdue);
  const subject =
    sorted.length === 0
      ? t("digest.subjectNone")
      : t("digest.subject", { overdue: overdue.length, dueSoon: dueSoon.length });
  const greeting = greetingFor(recipient);
  const footer = footerFor(lang, baseUrl);
  const dossierLink = (code: string) => `${base}/${lang}/staff/dossiers/${encodeURIComponent(code)}`;
  const due = (entry: DigestEntry) => (dateOf(entry.dueAt) ? formatDateTime(entry.dueAt, lang) : "");
  const groups = [
    { heading: t("digest.overdueHeading", { count: overdue.length }), rows: overdue },
    { heading: t("digest.dueSoonHeading", { count: dueSoon.length }), rows: dueSoon },
  ].filter((group) => group.rows.length > 0);

  const text: string[] = [greeting, "", sorted.length === 0 ? t("digest.none") : t("digest.intro")];
  for (const group of groups) {
    text.push("", `${group.heading}:`);
    for (const entry of group.rows)
      text.push(
        `- ${entry.code} – ${entry.procedureName} – ${t("digest.columns.dueAt")}: ${due(entry)}`,
        `  ${dossierLink(entry.code)}`,
      );
  }
  text.push(
    "",
    t("digest.next"),
    link,
    "",
    "--",
    footer.automatic,
    `${footer.preferences} ${footer.account}`,
    "",
  );

  const e = escapeHtml;
  const inner: string[] = [
    `<h1 style="${style.h1}">${e(subject)}</h1>`,
    `<p style="${style.p}">${e(greeting)}</p>`,
    `<p style="${style.p}">${e(sorted.length === 0 ? t("digest.none") : t("digest.intro"))}</p>`,
  ];
  for (const group of groups) {
    inner.push(
      `<table style="${style.table}">`,
      `<caption style="text-align:left;font-weight:bold;font-size:18px;padding:16px 0 8px;">${e(group.heading)}</caption>`,
      `<thead><tr><th scope="col" style="${style.th}width:auto;">${e(t("digest.columns.code"))}</th><th scope="col" style="${style.th}width:auto;">${e(t("digest.columns.procedure"))}</th><th scope="col" style="${style.th}width:auto;">${e(t("digest.columns.dueAt"))}</th></tr></thead>`,
      "<tbody>",
    );
    for (const entry of group.rows)
      inner.push(
        `<tr><td style="${style.td}padding-right:12px;"><a href="${e(dossierLink(entry.code))}" style="${style.link}">${e(entry.code)}</a></td><td style="${style.td}padding-right:12px;">${e(entry.procedureName)}</td><td style="${style.td}">${e(due(entry))}</td></tr>`,
      );
    inner.push("</tbody>", "</table>");
  }
  inner.push(
    `<p style="${style.p}">${e(t("digest.next"))}</p>`,
    `<p style="${style.p}"><a href="${e(link)}" style="${style.button}">${e(t("digest.openQueue"))}</a></p>`,
  );
  return {
    subject,
    text: text.join("\n"),
    html: htmlDocument(lang, subject, inner.join("\n"), footer),
    link,
  };
}
