/**
 * Who may publish a dossier's decision in the public register, and when (pure: no I/O). The one
 * definition: lib/dossiers/rules.ts asks it for the `publish_decision` action (so it comes back in
 * allowedActions with the dossier detail), and publishing goes through that transition.
 */
import { hasRole, type Actor } from "@/lib/identity/types";
import type { DossierStatus, Outcome } from "@/lib/dossiers/types";

/** What the rule needs to know about a dossier. */
export type PublishableDossier = {
  status: DossierStatus;
  outcome: Outcome | null;
  competentAgencyId: string;
  /** a decision of this dossier is already in the register (one per dossier) */
  decisionPublished: boolean;
};

/** Why a dossier's decision cannot be published now; null when it can. */
export type PublishRefusal = "not_decided" | "already_published";

/** Decided (done, or its result returned, with an outcome) and not published yet. */
export function publishRefusal(dossier: PublishableDossier): PublishRefusal | null {
  const decided = (dossier.status === "done" || dossier.status === "returned") && dossier.outcome !== null;
  if (!decided) return "not_decided";
  if (dossier.decisionPublished) return "already_published";
  return null;
}

/** A head of the competent agency: the one who signed the decision publishes it. */
export function isDecisionPublisher(dossier: PublishableDossier, actor: Actor): boolean {
  return hasRole(actor, dossier.competentAgencyId, "head");
}

/** Whether this actor may publish this dossier's decision now. */
export function mayPublishDecision(dossier: PublishableDossier, actor: Actor): boolean {
  return publishRefusal(dossier) === null && isDecisionPublisher(dossier, actor);
}
