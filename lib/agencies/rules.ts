/**
 * Pure rules of the agency register (no I/O): the electronic identifier's format, the tree, and
 * what a merger's successor must be. lib/agencies/service.ts applies them inside its transaction.
 */

export const agencyKinds = [
  "province_centre",
  "commune_centre",
  "department",
  "commune_committee",
  "police",
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** Levels of government since 1 July 2025 (no districts any more). */
export const agencyLevels = ["province", "commune"] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

/**
 * The electronic identifier of an agency in the national document exchange, e.g. 000.00.01.H33:
 * three, two and two digits, then the letter of the tier (H province, G ministry…) and two digits.
 * It prefixes every dossier code the agency receives, so nothing else is accepted.
 */
export const agencyCodePattern = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** People type codes in lower case or with spaces around: the stored form is trimmed upper case. */
export function normalizeAgencyCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isAgencyCode(code: string): boolean {
  return agencyCodePattern.test(normalizeAgencyCode(code));
}

export type TreeNode = { id: string; parentId: string | null };

/** The agency and every agency under it, at any depth (an agency admin's scope). */
export function descendantsAndSelf(nodes: readonly TreeNode[], rootIds: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node.id);
    children.set(node.parentId, list);
  }
  const found = new Set<string>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

/** Whether making `parentId` the parent of `agencyId` would put the agency under itself. */
export function makesCycle(nodes: readonly TreeNode[], agencyId: string, parentId: string | null): boolean {
  if (!parentId) return false;
  return descendantsAndSelf(nodes, [agencyId]).has(parentId);
}

/**
 * The tree in reading order: each agency followed by its children (by code), with its depth for
 * indentation. Agencies whose parent is not in the list (filtered out, or outside one's scope) are
 * roots.
 */
export function treeOrder<T extends TreeNode & { code: string }>(
  nodes: readonly T[],
): { node: T; depth: number }[] {
  const ids = new Set(nodes.map((node) => node.id));
  const byParent = new Map<string | null, T[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(node);
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const ordered: { node: T; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const node of byParent.get(parent) ?? []) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      ordered.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** Dates are ISO days (YYYY-MM-DD), compared as text. */
export type Validity = { validFrom: string | null; validTo: string | null };

/** Whether an agency is in force on a day. */
export function inForceOn(agency: Validity, day: string): boolean {
  return (
    (agency.validFrom === null || agency.validFrom <= day) &&
    (agency.validTo === null || agency.validTo >= day)
  );
}

/** Whether an agency ended before `today` (it then shows its successor). */
export function hasEnded(agency: Validity, today: string): boolean {
  return agency.validTo !== null && agency.validTo < today;
}

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export type SuccessorProblem =
  "successorNeedsEnd" | "successorSelf" | "successorNotInForce" | "successorCycle";

/**
 * A successor takes over the dossiers and the code's work when an agency ends (a merger), so it
 * must be another agency, the agency must have an end date, and the successor must be in force on
 * the day after that end date. A chain that comes back to the agency (A → B → A) is refused.
 */
export function successorProblem(
  agency: { id: string | null } & Validity,
  successor: ({ id: string; successorId: string | null } & Validity) | null,
  successorOf: (id: string) => string | null,
): SuccessorProblem | null {
  if (!successor) return null;
  if (agency.id !== null && successor.id === agency.id) return "successorSelf";
  if (agency.validTo === null) return "successorNeedsEnd";
  if (!inForceOn(successor, nextDay(agency.validTo))) return "successorNotInForce";
  if (agency.id !== null) {
    const seen = new Set<string>([successor.id]);
    let next = successor.successorId;
    while (next) {
      if (next === agency.id) return "successorCycle";
      if (seen.has(next)) break;
      seen.add(next);
      next = successorOf(next);
    }
  }
  return null;
}
