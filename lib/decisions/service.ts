import "server-only";
import { and, asc, desc, eq, ilike, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { decisions } from "@/db/schema/decisions";
import { localDate } from "@/lib/calendar/rules";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import type { Actor } from "@/lib/identity/types";
import { transition } from "@/lib/dossiers/transitions";
import type { DossierError } from "@/lib/dossiers/types";
import { searchable } from "@/lib/text/normalize";
import { dossierPersonalData } from "@/lib/dossiers/personal";
import { personalDataIssues, publishRefusal } from "./rules";
import { publishDecisionSchema, type PublishDecisionInput } from "./schema";

export type DecisionView = {
  id: string;
  number: string;
  issuedOn: string;
  summaryVi: string;
  summaryEn: string;
  agency: { code: string; nameVi: string; nameEn: string };
  publishedAt: Date;
};

export type DecisionsPage = { rows: DecisionView[]; total: number; page: number; pageSize: number };

/**
 * Errors a head can cause; each is a message key in the "decisions" namespace (publishErrors.<code>).
 * not_found also covers a dossier of another agency: never reveal that it exists.
 */
export type DecisionError =
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "not_decided"
  | "already_published"
  /** the dossier changed since the form was shown */
  | "conflict";
// invalid_input also when a published field holds the dossier's personal data:
// issues { number | summaryVi | summaryEn: ["errors.personalData.<kind>"] } (rules.ts personalDataIssues).

export const decisionsPageSize = 20;

/** What the public register shows of a decision (with the agency that issued it). */
const decisionColumns = {
  id: decisions.id,
  number: decisions.number,
  issuedOn: decisions.issuedOn,
  summaryVi: decisions.summaryVi,
  summaryEn: decisions.summaryEn,
  agency: { code: agencies.code, nameVi: agencies.nameVi, nameEn: agencies.nameEn },
  publishedAt: decisions.publishedAt,
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Published decisions, newest first; every word of q must appear (accents ignored). Public. */
export async function listDecisions(
  query: { q?: string; page?: number; pageSize?: number },
  db?: Queryable,
): Promise<DecisionsPage> {
  const source = db ?? (await getDb());
  const pageSize = query.pageSize ?? decisionsPageSize;
  const page = Math.max(query.page ?? 1, 1);
  const words = query.q ? searchable(query.q).split(" ").filter(Boolean).slice(0, 10) : [];
  const where = and(...words.map((word) => ilike(decisions.searchText, `%${escapeLike(word)}%`)));
  const [rows, [count]] = await Promise.all([
    source
      .select(decisionColumns)
      .from(decisions)
      .innerJoin(agencies, eq(agencies.id, decisions.agencyId))
      .where(where)
      .orderBy(desc(decisions.issuedOn), desc(decisions.publishedAt), asc(decisions.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    source
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(decisions)
      .where(where),
  ]);
  return { rows, total: count?.count ?? 0, page, pageSize };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The decision published for a dossier, or null. Public data (the register shows it to anyone), so it
 * takes no actor: the caller has already been allowed to see the dossier.
 */
export async function getDecisionForDossier(dossierId: string, db?: Queryable): Promise<DecisionView | null> {
  // Postgres rejects a malformed uuid with an error; such an id has no decision.
  if (!uuidPattern.test(dossierId)) return null;
  const source = db ?? (await getDb());
  const [row] = await source
    .select(decisionColumns)
    .from(decisions)
    .innerJoin(agencies, eq(agencies.id, decisions.agencyId))
    .where(eq(decisions.dossierId, dossierId))
    .orderBy(asc(decisions.publishedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Staff: a head of the dossier's competent agency publishes the decision that closed it (approved
 * or denied). It goes through the dossier's transition path (lib/dossiers/transitions): the rule of
 * who may publish (./rules.ts), the version guard, a `publish_decision` event in the dossier's
 * history and a notice to the applicant, with the decision row written in the same transaction.
 * The summary must hold no personal data beyond what the decision itself makes public.
 */
export async function publishDecision(
  actor: Actor,
  input: PublishDecisionInput,
  now: Date = new Date(),
): Promise<Result<DecisionView, DecisionError>> {
  const parsed = publishDecisionSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const command = parsed.data;
  if (command.issuedOn > localDate(now)) return err("invalid_input", { issuedOn: ["errors.dateInFuture"] });
  if (actor.kind !== "staff") return err("forbidden");

  const result = await transition<DecisionView, DecisionError>(
    actor,
    { code: command.dossierCode },
    command.version ?? null,
    { action: "publish_decision", decision: { number: command.number, issuedOn: command.issuedOn } },
    {
      now,
      // The rules refuse in general words; say which of the decision's conditions failed.
      explain: (dossier, refusal) =>
        refusal === "invalid_transition" ? (publishRefusal(dossier) ?? refusal) : refusal,
      work: async (tx, dossier) => {
        // Privacy: nothing published may hold the dossier's personal data (its applicant's name, the
        // names, ID and phone numbers, e-mails and home addresses of its answers). Checked here, on
        // the server, against the dossier's own data; the form shows which field and what kind.
        const leaks = personalDataIssues(
          { number: command.number, summaryVi: command.summaryVi, summaryEn: command.summaryEn },
          await dossierPersonalData(tx, dossier.id),
        );
        if (leaks) return err("invalid_input", leaks);
        // One decision per dossier, also for rows published before publishing left an event.
        const [existing] = await tx
          .select({ id: decisions.id })
          .from(decisions)
          .where(eq(decisions.dossierId, dossier.id))
          .limit(1);
        if (existing) return err("already_published");
        const agency = dossier.competentAgency;
        const searchText = searchable(
          [command.number, command.summaryVi, command.summaryEn, agency.nameVi, agency.nameEn].join(" "),
        );
        const [row] = await tx
          .insert(decisions)
          .values({
            number: command.number,
            issuedOn: command.issuedOn,
            agencyId: agency.id,
            dossierId: dossier.id,
            summaryVi: command.summaryVi,
            summaryEn: command.summaryEn,
            searchText,
            publishedBy: actor.userId,
            publishedAt: now,
          })
          .returning({ id: decisions.id });
        return ok({
          id: row!.id,
          number: command.number,
          issuedOn: command.issuedOn,
          summaryVi: command.summaryVi,
          summaryEn: command.summaryEn,
          agency: { code: agency.code, nameVi: agency.nameVi, nameEn: agency.nameEn },
          publishedAt: now,
        });
      },
    },
  );
  if (result.ok) return ok(result.value.value);
  return err(decisionError(result.error), result.issues);
}

/** The dossier path's errors as this module's (a refused transition is "not decided"). */
function decisionError(error: DecisionError | DossierError): DecisionError {
  switch (error) {
    case "invalid_input":
    case "not_found":
    case "forbidden":
    case "not_decided":
    case "already_published":
    case "conflict":
      return error;
    default:
      return "not_decided";
  }
}
