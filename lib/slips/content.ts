/**
 * What each slip says, laid out as blocks for pdf.ts to draw: the headings and wording of the
 * official forms (Circular 01/2018/TT-VPCP, carried on by 03/2025), filled from the dossier. Pure:
 * the words come from the "slips" locale through `t`, the facts from the caller.
 */
import {
  delayDetails,
  handOvers,
  triggerEvent,
  type HandOver,
  type Party,
  type SlipEvent,
  type SlipNumber,
  type SlipReader,
} from "./rules";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type Block =
  | { kind: "text"; text: string; bold?: boolean; italic?: boolean; align?: "left" | "center" | "justify" }
  /** The agency's or the applicant's own words (reasons, requests), set apart. */
  | { kind: "quote"; text: string }
  | { kind: "field"; label: string; value: string }
  | {
      kind: "table";
      /** Widths are shares of the text width; they add up to 1. */
      columns: { header: string; width: number; align?: "left" | "center" }[];
      rows: string[][];
      empty: string;
    }
  | { kind: "signatures"; columns: { title: string; hint: string; name: string | null }[] };

export type SlipDocument = {
  page: "A5" | "A4-landscape";
  lang: "vi" | "en";
  /** The issuing agency, top left, as the forms write it (upper case). */
  agency: string;
  /** Top right under the motto: the place-less date line of the document. */
  dateLine: string;
  /** The nation's name and motto, top right. */
  nation: string;
  motto: string;
  title: string;
  code: string | null;
  /** "Mã hồ sơ: …", under the title. */
  codeLine: string | null;
  pageLabel: (page: number, pages: number) => string;
  qr: { url: string; caption: string } | null;
  /** A courtesy translation says it is one. */
  note: string | null;
  blocks: Block[];
};

type Named = { nameVi: string; nameEn: string };

export type SlipDossier = {
  code: string;
  applicantName: string;
  channel: 1 | 2 | 3;
  procedure: Named & { code: string };
  receivingAgency: Named;
  competentAgency: Named;
  acceptedAt: Date | null;
  dueAt: Date | null;
};

export type ReceivedDocument = { name: string; originals: number; copies: number; files: number };

export type SlipInput = {
  slip: SlipNumber;
  lang: "vi" | "en";
  reader: SlipReader;
  dossier: SlipDossier;
  /** Every event the reader may see, any order. */
  events: readonly SlipEvent[];
  documents: readonly ReceivedDocument[];
  /** The procedure's time limit for this dossier's channel, in working days (slip 01). */
  timeLimitDays: number | null;
  lookupUrl: string;
  now: Date;
  assigneeName: (userId: string) => string | null;
};

const pad = (value: number) => String(value).padStart(2, "0");

/** Date and time parts in Vietnam's time (UTC+7 all year). */
export function vietnamParts(at: Date) {
  const local = new Date(at.getTime() + 7 * 60 * 60 * 1000);
  return {
    day: pad(local.getUTCDate()),
    month: pad(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    hour: pad(local.getUTCHours()),
    minute: pad(local.getUTCMinutes()),
  };
}

/**
 * The day, month and year of a document's date line in Vietnam's time ("ngày 06 tháng 3 năm
 * 2026"): the Vietnamese forms write the month without a leading zero when it is past 2.
 */
export function dateLineParts(lang: "vi" | "en", at: Date) {
  const parts = vietnamParts(at);
  const month = Number(parts.month);
  return { ...parts, month: lang === "en" || month < 3 ? parts.month : String(month) };
}

function dateLine(t: Translate, lang: "vi" | "en", at: Date) {
  return t("pdf.dateLine", dateLineParts(lang, at));
}

/** What every page of every slip carries. */
const frame = (t: Translate) => ({
  nation: t("pdf.nation"),
  motto: t("pdf.motto"),
  pageLabel: (page: number, pages: number) => t("pdf.page", { page, pages }),
});

const nameIn = (lang: "vi" | "en", value: Named) => (lang === "en" ? value.nameEn : value.nameVi);

/** Composes the document of one dossier slip, or null when its event is not (yet) there. */
export function slipDocument(input: SlipInput, t: Translate): SlipDocument | null {
  const { slip, lang, dossier } = input;
  const at = (value: Date | null) => (value ? t("pdf.at", vietnamParts(value)) : "—");
  const short = (value: Date) => t("pdf.short", vietnamParts(value));
  const day = (value: Date | null) => (value ? t("pdf.date", vietnamParts(value)) : "—");
  const procedure = `${nameIn(lang, dossier.procedure)} (${dossier.procedure.code})`;
  const receiving = nameIn(lang, dossier.receivingAgency);
  const competent = nameIn(lang, dossier.competentAgency);
  const event = slip === "06" ? null : triggerEvent(slip, input.events);
  if (slip !== "06" && !event) return null;

  const base = (issuer: string, issuedAt: Date, blocks: Block[]): SlipDocument => ({
    page: "A5",
    lang,
    agency: issuer.toLocaleUpperCase(lang),
    dateLine: dateLine(t, lang, issuedAt),
    ...frame(t),
    title: t(`pdf.s${slip}.title`),
    code: dossier.code,
    codeLine: t("pdf.code", { code: dossier.code }),
    qr: { url: input.lookupUrl, caption: t("pdf.lookup") },
    note: lang === "vi" ? null : t("pdf.translationNote"),
    blocks,
  });
  const applicantField: Block = { kind: "field", label: t("pdf.applicant"), value: dossier.applicantName };
  const procedureField: Block = { kind: "field", label: t("pdf.procedure"), value: procedure };
  // Officers' names reach the applicant nowhere (lib/dossiers/visibility.ts): their copy has the
  // place to sign, not the name.
  const officer = (e: SlipEvent | null) => (input.reader === "staff" ? (e?.actorName ?? null) : null);

  switch (slip) {
    case "01": {
      const accept = event!;
      const dueAt = instantOf(accept.details?.dueAt) ?? dossier.dueAt;
      // The acceptance recorded the limit it counted; the applicant's view of it carries only the date.
      const days = Number(accept.details?.timeLimitDays ?? input.timeLimitDays);
      return base(receiving, accept.at, [
        { kind: "text", text: t("pdf.s01.intro", { agency: receiving }) },
        applicantField,
        procedureField,
        { kind: "text", text: t("pdf.s01.documents"), bold: true },
        {
          kind: "table",
          columns: [
            { header: t("pdf.s01.col.no"), width: 0.08, align: "center" },
            { header: t("pdf.s01.col.name"), width: 0.5 },
            { header: t("pdf.s01.col.originals"), width: 0.14, align: "center" },
            { header: t("pdf.s01.col.copies"), width: 0.13, align: "center" },
            { header: t("pdf.s01.col.files"), width: 0.15, align: "center" },
          ],
          rows: input.documents.map((document, index) => [
            String(index + 1),
            document.name,
            count(document.originals),
            count(document.copies),
            count(document.files),
          ]),
          empty: t("pdf.s01.noDocuments"),
        },
        { kind: "text", text: t("pdf.s01.count") },
        {
          kind: "text",
          text: Number.isFinite(days) && days > 0 ? t("pdf.s01.limit", { days }) : t("pdf.s01.limitUnknown"),
        },
        { kind: "text", text: t("pdf.s01.receivedAt", { at: at(accept.at) }) },
        { kind: "text", text: t("pdf.s01.dueAt", { at: at(dueAt) }), bold: true },
        { kind: "text", text: t("pdf.s01.collectAt", { agency: receiving }) },
        { kind: "text", text: t("pdf.s01.channel", { channel: t(`pdf.channel.${dossier.channel}`) }) },
        {
          kind: "signatures",
          columns: [
            { title: t("pdf.s01.signApplicant"), hint: t("pdf.sign"), name: dossier.applicantName },
            { title: t("pdf.s01.signReceiver"), hint: t("pdf.sign"), name: officer(accept) },
          ],
        },
      ]);
    }
    case "02": {
      const request = event!;
      // Before acceptance the desk asks; after it, the agency that decides.
      const issuer = dossier.acceptedAt && request.at >= dossier.acceptedAt ? competent : receiving;
      return base(issuer, request.at, [
        { kind: "text", text: t("pdf.s02.intro") },
        applicantField,
        procedureField,
        { kind: "text", text: t("pdf.s02.requestedAt", { at: at(request.at) }) },
        { kind: "text", text: t("pdf.s02.body"), bold: true },
        { kind: "quote", text: request.comment?.trim() || "—" },
        { kind: "text", text: t("pdf.s02.contact", { agency: receiving }), align: "justify" },
        { kind: "text", text: t("pdf.thanks"), italic: true },
        signatureOf(t("pdf.s02.sign"), t("pdf.sign"), officer(request)),
      ]);
    }
    case "03": {
      const refusal = event!;
      return base(receiving, refusal.at, [
        { kind: "text", text: t("pdf.s03.intro", { agency: receiving, procedure }), align: "justify" },
        { kind: "field", label: t("pdf.s03.of"), value: dossier.applicantName },
        { kind: "text", text: t("pdf.s03.body", { agency: receiving }), align: "justify" },
        { kind: "quote", text: refusal.comment?.trim() || "—" },
        { kind: "text", text: t("pdf.s03.refusedAt", { at: at(refusal.at) }) },
        { kind: "text", text: t("pdf.s03.closing"), italic: true },
        signatureOf(t("pdf.s03.sign"), t("pdf.sign"), officer(refusal)),
      ]);
    }
    case "04": {
      const apology = event!;
      const delay = delayDetails(apology);
      if (!delay) return null;
      return base(competent, apology.at, [
        {
          kind: "text",
          align: "justify",
          text: t("pdf.s04.intro", {
            acceptedAt: day(dossier.acceptedAt),
            agency: competent,
            procedure,
            applicant: dossier.applicantName,
            originalDueAt: at(delay.originalDueAt),
          }),
        },
        { kind: "text", text: t("pdf.s04.late", { agency: competent }), align: "justify" },
        { kind: "quote", text: delay.reason },
        {
          kind: "text",
          align: "justify",
          text: t("pdf.s04.apology", { agency: competent, newDueAt: at(delay.newDueAt) }),
        },
        { kind: "text", text: t("pdf.s04.closing", { agency: competent }), italic: true, align: "justify" },
        signatureOf(t("pdf.s04.sign"), t("pdf.signHead"), officer(apology)),
      ]);
    }
    case "05": {
      const stop = event!;
      return base(competent, stop.at, [
        {
          kind: "text",
          align: "justify",
          text: t("pdf.s05.intro", {
            agency: competent,
            procedure,
            applicant: dossier.applicantName,
            acceptedAt: day(dossier.acceptedAt),
          }),
        },
        { kind: "text", text: t("pdf.s05.reason"), bold: true },
        { kind: "quote", text: stop.comment?.trim() || "—" },
        { kind: "text", text: t("pdf.s05.stoppedAt", { at: at(stop.at) }) },
        { kind: "text", text: t("pdf.s05.closing"), italic: true },
        signatureOf(t("pdf.s05.sign"), t("pdf.signHead"), officer(stop)),
      ]);
    }
    case "06": {
      const steps = handOvers(input.events, { assignee: input.assigneeName });
      const party = (value: Party) =>
        partyName(value, t, { receiving, competent, applicant: dossier.applicantName });
      return base(receiving, input.now, [
        { kind: "text", text: t("pdf.s06.applicant", { name: dossier.applicantName }) },
        { kind: "text", text: t("pdf.s06.procedure", { procedure }) },
        { kind: "text", text: t("pdf.s06.competent", { agency: competent }) },
        { kind: "text", text: t("pdf.s06.receiving", { agency: receiving }) },
        { kind: "text", text: t("pdf.s06.received", { at: at(dossier.acceptedAt) }) },
        { kind: "text", text: t("pdf.s06.due", { at: at(dossier.dueAt) }), bold: true },
        {
          kind: "table",
          columns: [
            { header: t("pdf.s06.col.no"), width: 0.07, align: "center" },
            { header: t("pdf.s06.col.sender"), width: 0.2 },
            { header: t("pdf.s06.col.receiver"), width: 0.2 },
            { header: t("pdf.s06.col.at"), width: 0.17 },
            { header: t("pdf.s06.col.result"), width: 0.18 },
            { header: t("pdf.s06.col.note"), width: 0.18 },
          ],
          rows: steps.map((step, index) => [
            String(index + 1),
            party(step.sender),
            party(step.receiver),
            short(step.at),
            resultOf(step, t),
            clip(step.note, 160),
          ]),
          empty: t("pdf.s06.empty"),
        },
      ]);
    }
  }
}

function signatureOf(title: string, hint: string, name: string | null): Block {
  return { kind: "signatures", columns: [{ title, hint, name }] };
}

function resultOf(step: HandOver, t: Translate): string {
  const label = t(`pdf.s06.step.${step.action}`);
  return step.timing ? `${label} (${t(`pdf.s06.timing.${step.timing}`)})` : label;
}

export function partyName(
  party: Party,
  t: Translate,
  names: { receiving: string; competent: string; applicant: string },
): string {
  switch (party.kind) {
    case "applicant":
      return t("pdf.s06.applicantRole", { name: names.applicant });
    case "desk":
      return t("pdf.s06.desk", { agency: names.receiving });
    case "head":
      return t("pdf.s06.head", { agency: names.competent });
    case "agency":
      return party.side === "receiving" ? names.receiving : names.competent;
    case "person":
      return party.side ? t("pdf.s06.person", { name: party.name, agency: names[party.side] }) : party.name;
  }
}

const count = (value: number) => (value > 0 ? pad(value) : "—");

function clip(text: string | null, length: number): string {
  if (!text) return "";
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function instantOf(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export type RegisterRow = {
  code: string;
  procedure: Named & { code: string };
  applicantName: string;
  competentAgency: Named;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  status: string;
};

/** Slip 07: the agency's register of dossiers for a period, one row per dossier, A4 landscape. */
export function registerDocument(
  input: {
    lang: "vi" | "en";
    agency: Named;
    period: { from: string; to: string };
    rows: readonly RegisterRow[];
    /** How many dossiers the period holds (more than rows when the list was cut). */
    total: number;
    now: Date;
  },
  t: Translate,
): SlipDocument {
  const { lang } = input;
  const day = (value: Date | null) => (value ? t("pdf.date", vietnamParts(value)) : "");
  const iso = (date: string) => {
    const [year, month, dayOfMonth] = date.split("-");
    return t("pdf.date", { year: year!, month: month!, day: dayOfMonth! });
  };
  const agency = nameIn(lang, input.agency);
  const blocks: Block[] = [
    {
      kind: "text",
      text: t("pdf.s07.period", { from: iso(input.period.from), to: iso(input.period.to) }),
      align: "center",
      italic: true,
    },
    { kind: "text", text: t("pdf.s07.count", { count: input.total }) },
  ];
  if (input.total > input.rows.length) {
    blocks.push({
      kind: "text",
      bold: true,
      text: t("pdf.s07.truncated", { shown: input.rows.length, count: input.total }),
    });
  }
  blocks.push({
    kind: "table",
    columns: [
      { header: t("pdf.s07.col.no"), width: 0.04, align: "center" },
      { header: t("pdf.s07.col.code"), width: 0.165 },
      { header: t("pdf.s07.col.procedure"), width: 0.155 },
      { header: t("pdf.s07.col.applicant"), width: 0.1 },
      { header: t("pdf.s07.col.competent"), width: 0.12 },
      { header: t("pdf.s07.col.received"), width: 0.07, align: "center" },
      { header: t("pdf.s07.col.due"), width: 0.07, align: "center" },
      { header: t("pdf.s07.col.finished"), width: 0.07, align: "center" },
      { header: t("pdf.s07.col.returned"), width: 0.07, align: "center" },
      { header: t("pdf.s07.col.status"), width: 0.09 },
      { header: t("pdf.s07.col.signature"), width: 0.05 },
    ],
    rows: input.rows.map((row, index) => [
      String(index + 1),
      row.code,
      nameIn(lang, row.procedure),
      row.applicantName,
      nameIn(lang, row.competentAgency),
      day(row.acceptedAt ?? row.submittedAt),
      day(row.dueAt),
      day(row.finishedAt),
      day(row.returnedAt),
      t(`dossiers:status.${row.status}`),
      "",
    ]),
    empty: t("pdf.s07.empty"),
  });
  return {
    page: "A4-landscape",
    lang,
    agency: agency.toLocaleUpperCase(lang),
    dateLine: dateLine(t, lang, input.now),
    ...frame(t),
    title: t("pdf.s07.title"),
    code: null,
    codeLine: null,
    // Each row is a dossier of its own: the register carries codes, not one lookup link.
    qr: null,
    note: lang === "vi" ? null : t("pdf.translationNote"),
    blocks,
  };
}

/**
 * Slip 01's list of documents: each document of the procedure the applicant handed in a file for,
 * with the files counted; files under a key the procedure does not name are listed by that key. A
 * paper dossier (no file at all) lists the required documents, which the desk checked by hand.
 */
export function receivedDocuments(
  documents: readonly {
    key: string;
    name: { vi: string; en: string };
    required: boolean;
    originals: number;
    copies: number;
  }[],
  attachments: readonly { documentKey: string }[],
  lang: "vi" | "en",
): ReceivedDocument[] {
  const files = new Map<string, number>();
  for (const attachment of attachments) {
    files.set(attachment.documentKey, (files.get(attachment.documentKey) ?? 0) + 1);
  }
  const known = new Set(documents.map((document) => document.key));
  const listed = documents.filter((document) =>
    files.size === 0 ? document.required : files.has(document.key),
  );
  return [
    ...listed.map((document) => ({
      name: document.name[lang],
      originals: document.originals,
      copies: document.copies,
      files: files.get(document.key) ?? 0,
    })),
    ...[...files.entries()]
      .filter(([key]) => !known.has(key))
      .map(([key, n]) => ({ name: key, originals: 0, copies: 0, files: n })),
  ];
}
