import { mayDo, type BodyRole } from "@/lib/meetings/roles";

/*
 * Which dossier a deciding body takes onto its agenda (pure; lib/dossiers/committee.ts applies it in
 * the transaction that sends the dossier, and lib/meetings lists only agenda items that pass it).
 */

/** Why a body does not take a dossier: its procedure is decided by the agency alone, or another agency's. */
export type CommitteeRefusal = "not_committee" | "wrong_agency";

/**
 * A dossier goes to a body's agenda only when its procedure needs the committee's (collective)
 * decision, and the body may decide for the dossier's competent agency: a body of one agency (a
 * department's leadership) takes that agency's dossiers only; a body of no agency (the provincial
 * people's committee) decides for every agency.
 */
export function committeeRefusal(
  dossier: { needsCommitteeDecision: boolean; competentAgencyId: string },
  body: { agencyId: string | null },
): CommitteeRefusal | null {
  if (!dossier.needsCommitteeDecision) return "not_committee";
  if (body.agencyId !== null && body.agencyId !== dossier.competentAgencyId) return "wrong_agency";
  return null;
}

/** Whether a body decides for an agency (the agency part of committeeRefusal). */
export function bodyDecidesFor(body: { agencyId: string | null }, agencyId: string): boolean {
  return body.agencyId === null || body.agencyId === agencyId;
}

/**
 * How the staff dossier page shows one piece of a body's work on the dossier to an official: with a
 * link for the body's members who may open it (a draft opinion form only to who prepares or
 * approves it), as a plain line for other staff who see the dossier, or not at all (a draft form is
 * not yet the body's work).
 */
export function committeeEntryShown(
  role: BodyRole | null,
  entry: { kind: "agenda_item" } | { kind: "opinion_form"; status: string },
): "linked" | "plain" | "hidden" {
  if (entry.kind === "agenda_item") return role ? "linked" : "plain";
  if (entry.status === "draft" || entry.status === "withdrawn")
    return mayDo(role, "prepare") ? "linked" : "hidden";
  if (entry.status === "awaiting_approval")
    return mayDo(role, "prepare") || mayDo(role, "approve") ? "linked" : "hidden";
  return role ? "linked" : "plain";
}
