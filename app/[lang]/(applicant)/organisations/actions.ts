"use server";

import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getActor } from "@/lib/identity/actor";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText, formTexts } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import {
  acceptInvitation,
  createOrganisation,
  inviteMember,
  removeMember,
  revokeInvitation,
  setMemberRole,
  updateOrganisation,
  type OrganisationError,
} from "@/lib/organisations/service";
import { originOf } from "@/lib/payments/checkout";
import type { FormState } from "@/components/forms/formState";

/* The organisation pages' server actions: each adapts the posted form to one service call. */

const particularNames = [
  "name",
  "taxCode",
  "province",
  "commune",
  "street",
  "legalRepresentative",
  "legalRepresentativeTitle",
  "phone",
  "email",
] as const;

const langOf = (lang: string): Lang => (isLang(lang) ? lang : "vi");

async function applicantOr(lang: Lang, back: string) {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, back));
  return actor;
}

function refused(
  values: Record<string, string>,
  result: { error: OrganisationError; issues?: Record<string, string[]> },
  firstField: string,
): FormState {
  if (result.issues && Object.keys(result.issues).length > 0) {
    // A nested key ("address.street", "address.province") is shown at its input ("street", "province").
    const issues: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(result.issues)) issues[key.replace(/^address\./, "")] = list;
    return { values, issues };
  }
  return {
    values,
    issues: {},
    formError: `organisations:errors.${result.error}`,
    formErrorField: firstField,
  };
}

function particularsOf(data: FormData) {
  const values = formTexts(data, particularNames) as Record<string, string>;
  for (const name of particularNames) values[name] ??= "";
  return {
    values,
    input: {
      name: values.name!,
      taxCode: values.taxCode!,
      address: { province: values.province, commune: values.commune, street: values.street },
      legalRepresentative: values.legalRepresentative!,
      legalRepresentativeTitle: values.legalRepresentativeTitle,
      phone: values.phone,
      email: values.email,
    },
  };
}

export async function createOrganisationAction(
  lang: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations`);
  const { values, input } = particularsOf(data);
  const result = await createOrganisation(actor, input);
  if (result.ok) redirect(`/${page}/organisations/${result.value.id}?done=created`);
  return refused(values, result, "name");
}

export async function updateOrganisationAction(
  lang: string,
  organisationId: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/${organisationId}/edit`);
  const { values, input } = particularsOf(data);
  const result = await updateOrganisation(actor, organisationId, input);
  if (result.ok) redirect(`/${page}/organisations/${organisationId}?done=saved`);
  return refused(values, result, "name");
}

async function origin(): Promise<string | undefined> {
  return originOf(await headers()) ?? undefined;
}

export async function inviteAction(
  lang: string,
  organisationId: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/${organisationId}`);
  const values = { email: formText(data, "inviteEmail"), role: formText(data, "inviteRole") };
  const result = await inviteMember(actor, organisationId, values, { baseUrl: await origin(), lang: page });
  if (result.ok) {
    const query = new URLSearchParams({
      done: result.value.mailed ? "invited" : "notMailed",
      email: values.email,
    });
    redirect(`/${page}/organisations/${organisationId}?${query}`);
  }
  const shown = { inviteEmail: values.email, inviteRole: values.role };
  if (result.issues) {
    const issues: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(result.issues))
      issues[key === "role" ? "inviteRole" : "inviteEmail"] = list;
    return { values: shown, issues };
  }
  return refused(shown, result, "inviteEmail");
}

/** The small forms of the members' and invitations' tables: post, then back to the page with what happened. */
function back(
  page: Lang,
  organisationId: string,
  outcome: { done: string } | { error: string; field: string },
) {
  redirect(`/${page}/organisations/${organisationId}?${new URLSearchParams(outcome)}`);
}

export async function setRoleAction(lang: string, organisationId: string, data: FormData): Promise<void> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/${organisationId}`);
  const userId = formText(data, "userId");
  const result = await setMemberRole(actor, organisationId, userId, formText(data, "role"));
  back(
    page,
    organisationId,
    result.ok ? { done: "roleSaved" } : { error: result.error, field: `role-${userId}` },
  );
}

export async function removeMemberAction(
  lang: string,
  organisationId: string,
  data: FormData,
): Promise<void> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/${organisationId}`);
  const userId = formText(data, "userId");
  const result = await removeMember(actor, organisationId, userId);
  back(
    page,
    organisationId,
    result.ok ? { done: "removed" } : { error: result.error, field: `remove-${userId}` },
  );
}

export async function revokeAction(lang: string, organisationId: string, data: FormData): Promise<void> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/${organisationId}`);
  const invitationId = formText(data, "invitationId");
  const result = await revokeInvitation(actor, organisationId, invitationId);
  back(
    page,
    organisationId,
    result.ok ? { done: "revoked" } : { error: result.error, field: `revoke-${invitationId}` },
  );
}

export async function acceptAction(lang: string, token: string): Promise<FormState> {
  const page = langOf(lang);
  const actor = await applicantOr(page, `/${page}/organisations/invitations/${token}`);
  const result = await acceptInvitation(actor, token);
  if (result.ok) redirect(`/${page}/organisations/${result.value.organisationId}?done=joined`);
  return {
    values: {},
    issues: {},
    formError: `organisations:errors.${result.error}`,
    formErrorField: "accept",
  };
}
