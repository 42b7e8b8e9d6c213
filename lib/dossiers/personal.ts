import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { dossiers } from "@/db/schema/dossiers";
import { personalDataOf, type PersonalDatum } from "@/lib/forms/personal";
import { loadProcedureVersion } from "./transaction";

/**
 * A dossier's own personal data: its applicant's name and the answers its form definition marks
 * as personal (names, identity and phone numbers, e-mails, home addresses). For checks that keep it
 * out of public text; the caller has already been allowed to act on the dossier.
 */
export async function dossierPersonalData(q: Queryable, dossierId: string): Promise<PersonalDatum[]> {
  const [row] = await q
    .select({
      applicantName: dossiers.applicantName,
      formData: dossiers.formData,
      procedureVersionId: dossiers.procedureVersionId,
    })
    .from(dossiers)
    .where(eq(dossiers.id, dossierId))
    .limit(1);
  if (!row) return [];
  const version = await loadProcedureVersion(q, row.procedureVersionId);
  return personalDataOf(version.form, row.formData, row.applicantName);
}
