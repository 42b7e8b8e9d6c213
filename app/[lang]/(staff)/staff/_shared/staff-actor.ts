import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";

export type StaffActor = Extract<Actor, { kind: "staff" }>;

/**
 * The signed-in officer, or: anonymous -> the sign-in page (back here afterwards); an applicant ->
 * null, and the page says plainly that this part is for civil servants.
 */
export async function requireStaff(lang: Lang, returnTo: string): Promise<StaffActor | null> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor.kind === "staff" ? actor : null;
}
