/**
 * The one table from the portal's own states to the national portal's status codes 1–10 (DOMAIN.md
 * "The dossier (hồ sơ) and its life"). Reports, the public status API and any sync with the national
 * portal read the code from here, never from a list of their own. Pure: no I/O.
 */
import type { DossierStatus } from "./types";

export const nationalStatusCodes = {
  // A draft is not yet the administration's business: the national portal has no code for it.
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  in_progress: 4,
  // The head's decision is still part of processing for the national portal.
  proposed: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
} as const satisfies Record<DossierStatus, NationalStatusCode | null>;

export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** The national portal's status code (1–10) for a portal state; null for drafts. */
export function nationalStatusCode(status: DossierStatus): NationalStatusCode | null {
  return nationalStatusCodes[status];
}
