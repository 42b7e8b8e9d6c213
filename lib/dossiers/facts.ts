import "server-only";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import type { DossierStatus } from "./types";

/**
 * A few facts about dossiers another module names by id (lib/payments: whose dossier a payment is
 * for, and its code for links and references). No authorisation here: callers decide what to show,
 * and every change still goes through transition(), which scopes by the actor.
 */
export type DossierFacts = {
  id: string;
  code: string | null;
  applicantId: string;
  organisationId: string | null;
  status: DossierStatus;
};

const uuid = z.uuid();

export async function dossierFacts(
  ids: readonly string[],
  q?: Queryable,
): Promise<Map<string, DossierFacts>> {
  const wanted = [...new Set(ids)].filter((id) => uuid.safeParse(id).success);
  if (wanted.length === 0) return new Map();
  const db = q ?? (await getDb());
  const rows = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      applicantId: dossiers.applicantId,
      organisationId: dossiers.organisationId,
      status: dossiers.status,
    })
    .from(dossiers)
    .where(inArray(dossiers.id, wanted));
  return new Map(rows.map((row) => [row.id, { ...row, status: row.status as DossierStatus }]));
}
