import "server-only";
import { redirect } from "next/navigation";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { getActor } from "@/lib/identity/actor";
import type { Actor } from "@/lib/identity/types";
import type { Lang } from "@/lib/i18n/settings";

export type SignedInActor = Exclude<Actor, { kind: "anonymous" }>;

/** Anyone signed in, applicant or civil servant; someone who is not goes to sign-in and comes back. */
export async function requireSignedIn(lang: Lang, returnTo: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, returnTo));
  return actor;
}
