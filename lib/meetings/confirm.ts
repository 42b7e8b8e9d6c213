import "server-only";
import type { Queryable } from "@/db/client";
import { passwordMatches } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";

/**
 * How a member confirms an answer or a vote. Today: their password typed again. The seam for a
 * digital signature later (a USB token or a remote signing service): a new kind of proof, checked
 * here, and the same confirmation record kept with the answer.
 */
export type IdentityProof = { method: "password"; password: string };

/** What is kept with the answer or the vote (opinion_answers.confirmation, votes.confirmation). */
export type Confirmation = { method: "password"; at: string };

export type ConfirmError = "not_confirmed";

export async function confirmIdentity(
  actor: Actor,
  proof: IdentityProof,
  options: { now?: Date; db?: Queryable } = {},
): Promise<Result<Confirmation, ConfirmError>> {
  if (actor.kind !== "staff") return err("not_confirmed");
  if (proof.method !== "password" || typeof proof.password !== "string" || proof.password.length === 0)
    return err("not_confirmed");
  if (!(await passwordMatches(actor.userId, proof.password.slice(0, 200), options.db)))
    return err("not_confirmed");
  return ok({ method: "password", at: (options.now ?? new Date()).toISOString() });
}
