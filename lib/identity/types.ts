export const staffRoles = ["receiver", "specialist", "head", "agency_admin", "system_admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that see an agency's dossiers; a system administrator administers and sees none. */
export const caseworkRoles: readonly StaffRole[] = ["receiver", "specialist", "head", "agency_admin"];

export type AgencyRole = { agencyId: string; role: StaffRole };

/** owner (manages members, files) | filer (files and continues dossiers) | viewer (sees them). */
export type OrganisationRole = "owner" | "filer" | "viewer";
export type Membership = { id: string; role: OrganisationRole };

/** Who is acting. Every service takes one and scopes what it reads and writes by it. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "applicant";
      userId: string;
      name: string;
      /** Every organisation the person is a member of (any role). */
      organisationIds: string[];
      /**
       * Their memberships with roles, loaded from the database on every request (lib/identity/accounts
       * actorForUser), so a removed member has none on their next request. An actor built by hand
       * without it (tests, seed) counts each of organisationIds as a filer.
       */
      organisations?: Membership[];
    }
  | { kind: "staff"; userId: string; name: string; roles: AgencyRole[] };

export function hasRole(actor: Actor, agencyId: string, role: StaffRole): boolean {
  return actor.kind === "staff" && actor.roles.some((r) => r.agencyId === agencyId && r.role === role);
}

/** The agencies whose dossiers this actor works on. */
export function caseworkAgencyIds(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return [...new Set(actor.roles.filter((r) => caseworkRoles.includes(r.role)).map((r) => r.agencyId))];
}

/** The applicant's organisation memberships with their roles. */
export function membershipsOf(actor: Actor): Membership[] {
  if (actor.kind !== "applicant") return [];
  return actor.organisations ?? actor.organisationIds.map((id) => ({ id, role: "filer" as const }));
}

/** The organisations whose drafts and dossiers the actor starts, continues and submits (owner, filer). */
export function filingOrganisationIds(actor: Actor): string[] {
  return membershipsOf(actor)
    .filter((m) => m.role === "owner" || m.role === "filer")
    .map((m) => m.id);
}

/** The organisations whose submitted dossiers the actor sees (every member). */
export function seeingOrganisationIds(actor: Actor): string[] {
  return membershipsOf(actor).map((m) => m.id);
}

/**
 * What an applicant may do with a dossier (pure): "act" (continue, submit, answer, pay, withdraw),
 * "see", or nothing. A dossier filed in an organisation's name belongs to the organisation: its
 * members by role, whoever started it (a removed member loses it at once); any other dossier is
 * its applicant's.
 */
export function applicantAccess(
  actor: Actor,
  dossier: { applicantId: string; organisationId: string | null; status?: string },
): "act" | "see" | null {
  if (actor.kind !== "applicant") return null;
  if (dossier.organisationId === null) return dossier.applicantId === actor.userId ? "act" : null;
  if (filingOrganisationIds(actor).includes(dossier.organisationId)) return "act";
  if (dossier.status !== "draft" && seeingOrganisationIds(actor).includes(dossier.organisationId))
    return "see";
  return null;
}
