import "server-only";
import { getProcedureByCode, getProcedureVersion, type AgencyRef } from "@/lib/catalog/service";
import type { HandlingStep, RequiredDocument, TimeLimits } from "@/lib/catalog/types";
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
  /** The inter-agency chain, when agencies handle a part in turn (liên thông). */
  handlingChain: HandlingStep[] | null;
};

/** The form and documents of the version a draft was started under (not necessarily the current one). */
export async function getFilingVersion(versionId: string): Promise<FilingVersion | null> {
  // The catalogue owns its tables: read the version through its module.
  const version = await getProcedureVersion(versionId);
  if (!version) return null;
  return {
    id: version.id,
    form: version.form,
    documents: version.documents,
    timeLimitHours: version.timeLimitHours,
    handlingChain: version.handlingChain,
  };
}
