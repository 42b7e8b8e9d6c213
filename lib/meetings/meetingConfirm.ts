import "server-only";
import type { Actor } from "@/lib/identity/types";
import { passwordMatches } from "@/lib/identity/reconfirm";
import { err, ok, type Result } from "@/lib/result";

/**
 * A member confirms an act of theirs (a vote) by typing their password again. The seam
 * `confirmIdentity(actor, proof)` of WORKSPACE.md: today a password, later a digital signature.
 * What it returns is stored with the act (votes.confirmation). To be replaced by
 * lib/meetings/confirm.ts (ws-opinions) at merge: same signature.
 */
export type IdentityProof = { password: string };
export type Confirmation = { method: "password"; at: string };

export async function confirmIdentity(
  actor: Actor,
  proof: IdentityProof,
  now: Date = new Date(),
): Promise<Result<Confirmation, "identity_not_confirmed">> {
  if (actor.kind !== "staff") return err("identity_not_confirmed");
  if (!(await passwordMatches(actor.userId, proof.password))) return err("identity_not_confirmed");
  return ok({ method: "password", at: now.toISOString() });
}
