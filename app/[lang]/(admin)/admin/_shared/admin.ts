import "server-only";
import { redirect } from "next/navigation";
import { scopeFor } from "@/lib/agencies/service";
import { getActor } from "@/lib/identity/actor";
import type { AdminScope } from "@/lib/identity/adminRules";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";

export type AdminActor = Extract<Actor, { kind: "staff" }>;

/**
 * The signed-in administrator and what they administer, or: anonymous -> the sign-in page (back
 * here afterwards); anyone else -> null, and the page says this part is for administrators.
 */
export async function requireAdmin(
  lang: Lang,
  returnTo: string,
): Promise<{ actor: AdminActor; scope: AdminScope } | null> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (actor.kind !== "staff") return null;
  const scope = await scopeFor(actor);
  return scope ? { actor, scope } : null;
}
