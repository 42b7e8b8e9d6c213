import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { signInUrl } from "@/lib/forms/callbackUrl";
import type { Actor } from "@/lib/identity/types";
import type { Lang } from "@/lib/i18n/settings";

export type ApplicantActor = Extract<Actor, { kind: "applicant" }>;

/**
 * The applicant of this request. Anonymous readers go to sign-in and come back to this page; staff
 * get null (the page says staff accounts cannot file).
 */
export async function requireApplicant(lang: Lang, returnTo?: string): Promise<ApplicantActor | null> {
  const actor = await getActor();
  if (actor.kind === "applicant") return actor;
  if (actor.kind === "staff") return null;
  const here = returnTo ?? (await headers()).get("x-portal-url") ?? `/${lang}/dossiers`;
  redirect(signInUrl(lang, here));
}
