"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import {
  createStaffAccount,
  grantRole,
  resetStaffPassword,
  revokeRole,
  setAccountEnabled,
  type StaffAdminError,
} from "@/lib/identity/staff";
import type { RoleGrantInput, StaffAccountInput } from "@/lib/identity/schema";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { textValues } from "@/components/forms/formState";
import { formHeading, type AdminFormState } from "@/components/admin/adminForms";

const langOf = (lang: string) => (isLang(lang) ? lang : "vi");
const accountPage = (lang: string, userId: string) =>
  `/${langOf(lang)}/admin/staff/${encodeURIComponent(userId)}`;

/** The service's answer as the form's: issues by field when it names them, else one for the whole form. */
function failure(
  values: Record<string, string>,
  fields: readonly string[],
  error: StaffAdminError | "failed",
  issues?: Record<string, string[]>,
): AdminFormState {
  const known = Object.fromEntries(Object.entries(issues ?? {}).filter(([field]) => fields.includes(field)));
  if (Object.keys(known).length > 0) return { values, issues: known };
  return { values, issues: {}, formError: `admin:errors.${error}`, formErrorField: formHeading };
}

const accountFields = ["fullName", "email", "phone", "agencyId", "role"] as const;

/** A new staff account; the generated password is shown once, in the answer (never in an address). */
export async function createStaffAction(
  lang: string,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, accountFields);
  let result: Awaited<ReturnType<typeof createStaffAccount>>;
  try {
    result = await createStaffAccount(await getActor(), values as StaffAccountInput);
  } catch (error) {
    console.error("creating a staff account failed", error);
    return failure(values, accountFields, "failed");
  }
  if (!result.ok) return failure(values, accountFields, result.error, result.issues);
  return {
    values: {},
    issues: {},
    done: { message: "done.accountCreated", secret: result.value.password },
  };
}

const roleFields = ["agencyId", "role"] as const;

export async function grantRoleAction(
  lang: string,
  userId: string,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, roleFields);
  let result: Awaited<ReturnType<typeof grantRole>>;
  try {
    result = await grantRole(await getActor(), userId, values as RoleGrantInput);
  } catch (error) {
    console.error("granting a role failed", error);
    return failure(values, roleFields, "failed");
  }
  if (result.ok) redirect(`${accountPage(lang, userId)}?done=roleGranted`);
  return failure(values, roleFields, result.error, result.issues);
}

/** A new password, shown once in the answer; the person's sessions have ended. */
export async function resetPasswordAction(lang: string, userId: string): Promise<AdminFormState> {
  let result: Awaited<ReturnType<typeof resetStaffPassword>>;
  try {
    result = await resetStaffPassword(await getActor(), userId);
  } catch (error) {
    console.error("resetting a password failed", error);
    return failure({}, [], "failed");
  }
  if (!result.ok) return failure({}, [], result.error);
  return { values: {}, issues: {}, done: { message: "done.passwordReset", secret: result.value.password } };
}

/** Disable or enable (a button form): back to the account page with a notice or the problem. */
export async function setEnabledAction(lang: string, userId: string, data: FormData): Promise<void> {
  const enabled = formText(data, "enabled") === "true";
  let outcome: string;
  try {
    const result = await setAccountEnabled(await getActor(), userId, enabled);
    outcome = result.ok ? `done=${enabled ? "accountEnabled" : "accountDisabled"}` : `error=${result.error}`;
  } catch (error) {
    console.error("enabling or disabling an account failed", error);
    outcome = "error=failed";
  }
  redirect(`${accountPage(lang, userId)}?${outcome}`);
}

/** Revoke one role (a button form per role). */
export async function revokeRoleAction(lang: string, userId: string, data: FormData): Promise<void> {
  let outcome: string;
  try {
    const result = await revokeRole(await getActor(), userId, {
      agencyId: formText(data, "agencyId"),
      role: formText(data, "role") as RoleGrantInput["role"],
    });
    outcome = result.ok ? "done=roleRevoked" : `error=${result.error}`;
  } catch (error) {
    console.error("revoking a role failed", error);
    outcome = "error=failed";
  }
  redirect(`${accountPage(lang, userId)}?${outcome}`);
}
