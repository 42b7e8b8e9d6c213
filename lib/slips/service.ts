import "server-only";
import { workingDaysFor } from "@/lib/calendar/rules";
import type { TimeLimits } from "@/lib/catalog/types";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { getDossierDetail } from "@/lib/dossiers/service";
import { createI18n } from "@/lib/i18n/instance";
import { getUserName } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { receivedDocuments, registerDocument, slipDocument, type Translate } from "./content";
import { renderPdf } from "./pdf";
import { readRegister } from "./register";
import { lookupUrl, mayRead, slipFileName, type RegisterPeriod, type SlipNumber } from "./rules";

/*
 * The official slips as PDF files. Who may have one is decided here, from the dossier reads of
 * lib/dossiers (scoped by the actor): whoever cannot see the dossier, or may not have that slip, or
 * asks for one whose event has not happened, gets "not_found" alike, so nothing says it exists.
 */

export { registerAgencies, type RegisterAgency } from "./register";

export type SlipFile = { fileName: string; bytes: Buffer };

const translator = (lang: "vi" | "en"): Translate => {
  const t = createI18n(lang).getFixedT(lang, "slips");
  return (key, values) => t(key, values);
};

/** One slip (01–06) of a dossier, in Vietnamese (the official slip) or as an English courtesy copy. */
export async function renderDossierSlip(
  actor: Actor,
  input: { code: string; slip: SlipNumber; lang: "vi" | "en"; origin: string },
  now = new Date(),
): Promise<Result<SlipFile, "not_found">> {
  if (actor.kind === "anonymous") return err("not_found");
  const reader = actor.kind === "staff" ? "staff" : "applicant";
  if (!mayRead(input.slip, reader)) return err("not_found");
  const detail = await getDossierDetail(actor, { code: input.code });
  if (!detail.ok || !detail.value.dossier.code) return err("not_found");
  const { dossier, events, attachments } = detail.value;
  const code = dossier.code!;

  const [version, assignees] = await Promise.all([
    input.slip === "01" ? getFilingVersion(dossier.procedureVersionId) : null,
    input.slip === "06" ? assigneeNames(events) : new Map<string, string>(),
  ]);
  const document = slipDocument(
    {
      slip: input.slip,
      lang: input.lang,
      reader,
      dossier: { ...dossier, code },
      events,
      documents: receivedDocuments(version?.documents ?? [], attachments, input.lang),
      timeLimitDays: version ? timeLimitDays(version.timeLimitHours, dossier.channel) : null,
      lookupUrl: lookupUrl(input.origin, input.lang, code),
      now,
      assigneeName: (id) => assignees.get(id) ?? null,
    },
    translator(input.lang),
  );
  if (!document) return err("not_found");
  const bytes = await renderPdf(document, { title: `${document.title} – ${code}`, author: document.agency });
  return ok({ fileName: slipFileName(input.slip, code, input.lang), bytes });
}

const channels = { 1: "desk", 2: "online", 3: "post" } as const;

/** The procedure's limit for the dossier's channel, as slip 01 states it (working days). */
function timeLimitDays(limits: TimeLimits, channel: 1 | 2 | 3): number | null {
  const hours = limits[channels[channel]] ?? limits.online ?? limits.desk;
  return hours ? workingDaysFor(hours) : null;
}

/** The names of the officers a dossier was assigned to, for slip 06 (staff only). */
async function assigneeNames(events: { action: string; details: Record<string, unknown> | null }[]) {
  const ids = new Set(
    events
      .filter((event) => event.action === "assign" && typeof event.details?.assigneeId === "string")
      .map((event) => event.details!.assigneeId as string),
  );
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].map(async (id) => {
      const name = await getUserName(id);
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/** The dossier tracking register (07) of one agency for a period: its own staff only. */
export async function renderRegister(
  actor: Actor,
  input: { agencyCode: string; period: RegisterPeriod; lang: "vi" | "en" },
  now = new Date(),
): Promise<Result<SlipFile, "not_found">> {
  if (actor.kind !== "staff") return err("not_found");
  const register = await readRegister(actor, input.agencyCode, input.period);
  if (!register) return err("not_found");
  const document = registerDocument(
    {
      lang: input.lang,
      agency: register.agency,
      period: input.period,
      rows: register.rows,
      total: register.total,
      now,
    },
    translator(input.lang),
  );
  const bytes = await renderPdf(document, {
    title: `${document.title} – ${register.agency.code}`,
    author: document.agency,
  });
  const key = `${register.agency.code}-${input.period.from}-${input.period.to}`;
  return ok({ fileName: slipFileName("07", key, input.lang), bytes });
}
