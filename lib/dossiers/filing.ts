import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { procedureVersions } from "@/db/schema";
import { getProcedureByCode, type AgencyRef } from "@/lib/catalog/service";
import type { RequiredDocument, TimeLimits } from "@/lib/catalog/types";
import type { FormDefinition } from "@/lib/forms/types";

/*
 * Catalogue reads the applicant's filing pages need. The catalogue is public data, so these take no
 * actor; what a person may do with a dossier is decided in service.ts.
 */

export type FilingAgency = { competent: AgencyRef; receiving: AgencyRef };

/** Where a procedure can be filed: one entry per competent agency (e.g. each commune). */
export async function listFilingAgencies(procedureCode: string): Promise<FilingAgency[]> {
  const procedure = await getProcedureByCode(procedureCode);
  return procedure?.agencies ?? [];
}

export type FilingVersion = {
  id: string;
  form: FormDefinition;
  documents: RequiredDocument[];
  timeLimitHours: TimeLimits;
};

/** The form and documents of the version a draft was started under (not necessarily the current one). */
export async function getFilingVersion(versionId: string): Promise<FilingVersion | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: procedureVersions.id,
      form: procedureVersions.form,
      documents: procedureVersions.documents,
      timeLimitHours: procedureVersions.timeLimitHours,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, versionId))
    .limit(1);
  return row ?? null;
}
