import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { dossiers } from "@/db/schema";
import { findFilingTarget } from "@/lib/catalog/service";
import { validateAnswers } from "@/lib/forms/schema";
import { getUserName } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { err, ok } from "@/lib/result";
import { findDossier, ownedBy } from "./queries";
import { startDraftSchema, type StartDraftCommand } from "./schema";
import { invalid, loadProcedureVersion } from "./transaction";
import type { Result } from "./types";

/* Drafts: the applicant's own, unsubmitted dossiers (no code, no history yet). */

const saveAnswersSchema = z.object({ dossierId: z.uuid(), formData: z.record(z.string(), z.unknown()) });

/** Applicant: a new draft of the procedure's current version. */
export async function startDraft(
  actor: Actor,
  command: StartDraftCommand,
): Promise<Result<{ dossierId: string }>> {
  if (actor.kind !== "applicant") return err("forbidden");
  const parsed = startDraftSchema.safeParse(command);
  if (!parsed.success) return invalid(parsed.error);
  const { procedureCode, competentAgencyId } = parsed.data;
  const db = await getDb();

  const found = await findFilingTarget(procedureCode, db);
  if (!found) return err("not_found");
  const { places } = found;
  if (places.length === 0) return err("not_found");
  const place =
    competentAgencyId !== undefined
      ? places.find((p) => p.competentAgencyId === competentAgencyId)
      : places.length === 1
        ? places[0]
        : undefined;
  if (!place) return err("invalid_input", { competentAgencyId: ["errors.agencyRequired"] });

  const applicantName = await getUserName(actor.userId, db);
  if (applicantName === null) return err("not_found");

  const now = new Date();
  const [created] = await db
    .insert(dossiers)
    .values({
      procedureId: found.procedureId,
      procedureVersionId: found.versionId,
      applicantId: actor.userId,
      receivingAgencyId: place.receivingAgencyId,
      competentAgencyId: place.competentAgencyId,
      status: "draft",
      channel: 2,
      applicantName,
      formData: {},
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: dossiers.id });
  // The history starts at submission: a draft is not yet the administration's business.
  return ok({ dossierId: created!.id });
}

/** Applicant: stores the answers as given (nothing lost); returns field issues when invalid. */
export async function saveDraftAnswers(
  actor: Actor,
  input: { dossierId: string; formData: Record<string, unknown> },
): Promise<Result<{ valid: boolean }>> {
  const parsed = saveAnswersSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { dossierId, formData } = parsed.data;
  const db = await getDb();
  const row = await findDossier(db, and(eq(dossiers.id, dossierId), ownedBy(actor)) as SQL);
  if (!row) return err("not_found");
  if (row.status !== "draft") return err("invalid_transition");

  // Guarded by the status, so answers never land on a dossier submitted in the meantime.
  const saved = await db
    .update(dossiers)
    .set({ formData, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, "draft")))
    .returning({ id: dossiers.id });
  if (saved.length === 0) return err("invalid_transition");

  const version = await loadProcedureVersion(db, row.procedureVersionId);
  const checked = validateAnswers(version.form, formData);
  return checked.ok ? ok({ valid: true }) : err("invalid_input", checked.issues);
}
