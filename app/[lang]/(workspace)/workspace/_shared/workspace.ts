import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import type { Actor } from "@/lib/identity/types";
import type { Lang } from "@/lib/i18n/settings";
import { seatsOf, type Seat } from "@/lib/meetings/access";

export type WorkspaceActor = Extract<Actor, { kind: "staff" }>;

/**
 * The signed-in member of a deciding body and their seats, or: anonymous -> the sign-in page (back
 * here afterwards); anyone else (a citizen, an officer of no body) -> the 404, as for a page that
 * does not exist: the workspace is not theirs to know of.
 */
export async function requireMember(
  lang: Lang,
  returnTo: string,
): Promise<{ actor: WorkspaceActor; seats: Seat[] }> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (actor.kind !== "staff") notFound();
  const seats = await seatsOf(actor);
  if (seats.length === 0) notFound();
  return { actor, seats };
}

/** A service's refusal as the form's answer (components/workspace/refusal.ts). */
export { refusal } from "@/components/workspace/refusal";
