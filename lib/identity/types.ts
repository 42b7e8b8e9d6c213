export const staffRoles = ["receiver", "specialist", "head", "agency_admin", "system_admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that see an agency's dossiers; a system administrator administers and sees none. */
export const caseworkRoles: readonly StaffRole[] = ["receiver", "specialist", "head", "agency_admin"];

export type AgencyRole = { agencyId: string; role: StaffRole };

/** Who is acting. Every service takes one and scopes what it reads and writes by it. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "applicant"; userId: string; name: string; organisationIds: string[] }
  | { kind: "staff"; userId: string; name: string; roles: AgencyRole[] };

export function hasRole(actor: Actor, agencyId: string, role: StaffRole): boolean {
  return actor.kind === "staff" && actor.roles.some((r) => r.agencyId === agencyId && r.role === role);
}

/** The agencies whose dossiers this actor works on. */
export function caseworkAgencyIds(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return [...new Set(actor.roles.filter((r) => caseworkRoles.includes(r.role)).map((r) => r.agencyId))];
}
