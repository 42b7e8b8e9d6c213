import { formFields } from "@/lib/forms/definition";
import type { FormDefinition, Prefill } from "@/lib/forms/types";

/* What a new draft starts with: the form's fields that name a `prefill`, from the particulars given. */

export type Particulars = {
  organisation?: {
    name: string;
    taxCode: string;
    address: { province?: string; commune?: string; street?: string } | null;
    legalRepresentative: string | null;
  } | null;
  applicant?: {
    fullName: string;
    idNumber?: string | null;
    phone?: string | null;
    email?: string | null;
  } | null;
};

function valueOf(prefill: Prefill, particulars: Particulars): unknown {
  const { organisation, applicant } = particulars;
  switch (prefill) {
    case "organisation.name":
      return organisation?.name;
    case "organisation.taxCode":
      return organisation?.taxCode;
    case "organisation.address": {
      const address = organisation?.address;
      if (!address) return undefined;
      const kept = Object.fromEntries(
        Object.entries(address).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
      );
      return Object.keys(kept).length > 0 ? kept : undefined;
    }
    case "organisation.legalRepresentative":
      return organisation?.legalRepresentative;
    case "applicant.fullName":
      return applicant?.fullName;
    case "applicant.idNumber":
      return applicant?.idNumber;
    case "applicant.phone":
      return applicant?.phone;
    case "applicant.email":
      return applicant?.email;
  }
}

/**
 * The answers a draft starts with: each top-level field with a `prefill` whose particular is known
 * (an organisation's when filing for one; the applicant's own always). The applicant may change them.
 * An address prefill goes only to an address field, a text prefill only to a field that stores text.
 */
export function prefillAnswers(form: FormDefinition, particulars: Particulars): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of formFields(form)) {
    if (!field.prefill) continue;
    const value = valueOf(field.prefill, particulars);
    if (value === undefined || value === null || value === "") continue;
    const isAddress = typeof value === "object";
    if (isAddress !== (field.type === "address")) continue;
    if (field.type === "group" || field.type === "document") continue;
    answers[field.name] = value;
  }
  return answers;
}
