import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { recordAudit } from "@/lib/audit/service";
import { refreshSearchTextOfAgency } from "@/lib/catalog/service";
import { localDate } from "@/lib/calendar/rules";
import { adminScope, inScope, type AdminScope } from "@/lib/identity/adminRules";
import type { Actor } from "@/lib/identity/types";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import { searchable } from "@/lib/text/normalize";
import { hasEnded, makesCycle, successorProblem, treeOrder, type TreeNode } from "./rules";
import { agencySchema, type AgencyCommand, type AgencyInput } from "./schema";

/*
 * The agency register for administrators. Agencies are reference data every module reads; only
 * this module writes them, and every write is audited with the row before and after.
 */

export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyError = "forbidden" | "not_found" | "invalid_input";

/** The agency tree (id and parent), for scopes. */
export async function agencyTree(db?: Queryable): Promise<TreeNode[]> {
  const source = db ?? (await getDb());
  return source.select({ id: agencies.id, parentId: agencies.parentId }).from(agencies);
}

/** What the actor administers, or null: the one place pages and services ask. */
export async function scopeFor(actor: Actor, db?: Queryable): Promise<AdminScope | null> {
  if (actor.kind !== "staff") return null;
  return adminScope(actor, await agencyTree(db));
}

export type AgencyListItem = {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  level: string;
  address: string | null;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  ended: boolean;
  successor: { id: string; code: string; nameVi: string; nameEn: string } | null;
};

/**
 * The agencies the actor administers, as a tree (each followed by its children, with a depth for
 * indentation). A search keeps the matches and shows them flat, since their parents may not match.
 */
export async function listAgencies(
  actor: Actor,
  options: { q?: string; today?: string } = {},
): Promise<Result<AgencyListItem[], "forbidden">> {
  const db = await getDb();
  const all = await db.select().from(agencies).orderBy(asc(agencies.code));
  const scope = adminScope(actor, all);
  if (!scope) return err("forbidden");
  const today = options.today ?? localDate(new Date());
  const byId = new Map(all.map((row) => [row.id, row]));
  const query = searchable(options.q ?? "");
  const visible = all.filter(
    (row) =>
      inScope(scope, row.id) &&
      (!query || searchable(`${row.code} ${row.nameVi} ${row.nameEn}`).includes(query)),
  );
  const ordered = query ? visible.map((node) => ({ node, depth: 0 })) : treeOrder(visible);
  return ok(
    ordered.map(({ node, depth }) => {
      const successor = node.successorId ? byId.get(node.successorId) : undefined;
      return {
        id: node.id,
        code: node.code,
        nameVi: node.nameVi,
        nameEn: node.nameEn,
        kind: node.kind,
        level: node.level,
        address: node.address,
        depth,
        validFrom: node.validFrom,
        validTo: node.validTo,
        ended: hasEnded(node, today),
        successor: successor
          ? { id: successor.id, code: successor.code, nameVi: successor.nameVi, nameEn: successor.nameEn }
          : null,
      };
    }),
  );
}

/** One agency the actor administers. */
export async function getAgency(
  actor: Actor,
  id: string,
): Promise<Result<AgencyRow, "forbidden" | "not_found">> {
  if (!z.uuid().safeParse(id).success) return err("not_found");
  const db = await getDb();
  const scope = await scopeFor(actor, db);
  if (!scope) return err("forbidden");
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  if (!row || !inScope(scope, row.id)) return err("not_found");
  return ok(row);
}

/** Every agency by name, for choosing a parent or a successor (any agency may succeed a merged one). */
export async function agencyChoices(): Promise<
  { id: string; code: string; nameVi: string; nameEn: string; validTo: string | null }[]
> {
  const db = await getDb();
  return db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameVi: agencies.nameVi,
      nameEn: agencies.nameEn,
      validTo: agencies.validTo,
    })
    .from(agencies)
    .orderBy(asc(agencies.code));
}

/** How many agencies the actor administers. */
export async function countAgencies(actor: Actor): Promise<number> {
  const db = await getDb();
  const scope = await scopeFor(actor, db);
  if (!scope) return 0;
  if (scope.all) return (await agencyTree(db)).length;
  return scope.agencyIds.size;
}

/** The columns an administrator sets, as stored (the audit's before and after). */
function snapshot(row: AgencyRow) {
  return {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    parentId: row.parentId,
    kind: row.kind,
    level: row.level,
    address: row.address,
    validFrom: row.validFrom,
    validTo: row.validTo,
    successorId: row.successorId,
    bankBin: row.bankBin,
    bankAccountNumber: row.bankAccountNumber,
    bankAccountName: row.bankAccountName,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === "23505";
}

/**
 * The checks that need the other agencies: the code is free, the parent exists, is not the agency
 * itself or under it, and is in the actor's scope; the successor is valid (rules.successorProblem).
 */
async function problems(
  db: Queryable,
  scope: AdminScope,
  id: string | null,
  command: AgencyCommand,
  current: AgencyRow | null,
): Promise<Record<string, string[]>> {
  const all = await db.select().from(agencies);
  const byId = new Map(all.map((row) => [row.id, row]));
  const issues: Record<string, string[]> = {};
  if (all.some((row) => row.code === command.code && row.id !== id))
    issues.code = ["admin:fieldErrors.codeTaken"];
  const parentChanged = !current || current.parentId !== command.parentId;
  if (command.parentId) {
    if (!byId.has(command.parentId)) issues.parentId = ["admin:fieldErrors.parentId"];
    else if (id && makesCycle(all, id, command.parentId)) issues.parentId = ["admin:fieldErrors.parentCycle"];
    else if (parentChanged && !inScope(scope, command.parentId))
      issues.parentId = ["admin:fieldErrors.parentScope"];
  } else if (parentChanged && !scope.all) {
    // An agency administrator works under their own agency: a new top-level agency is the system's.
    issues.parentId = ["admin:fieldErrors.parentScope"];
  }
  if (command.successorId) {
    const successor = byId.get(command.successorId) ?? null;
    if (!successor) issues.successorId = ["admin:fieldErrors.successorId"];
    else {
      const problem = successorProblem(
        { id, validFrom: command.validFrom, validTo: command.validTo },
        successor,
        (other) => byId.get(other)?.successorId ?? null,
      );
      if (problem) issues.successorId = [`admin:fieldErrors.${problem}`];
    }
  }
  return issues;
}

/** Adds an agency. An agency administrator may add one only under an agency they administer. */
export async function createAgency(
  actor: Actor,
  input: AgencyInput,
): Promise<Result<{ id: string }, AgencyError>> {
  const parsed = agencySchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const command = parsed.data;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const scope = await scopeFor(actor, tx);
      if (!scope || actor.kind !== "staff") return err("forbidden");
      const issues = await problems(tx, scope, null, command, null);
      if (Object.keys(issues).length > 0) return err("invalid_input", issues);
      const [row] = await tx.insert(agencies).values(command).returning();
      await recordAudit(
        {
          action: "agency.created",
          actorId: actor.userId,
          details: { agencyId: row!.id, code: row!.code, before: null, after: snapshot(row!) },
        },
        tx,
      );
      return ok({ id: row!.id });
    });
  } catch (error) {
    // Two administrators adding the same code at once: the unique index decides.
    if (isUniqueViolation(error)) return err("invalid_input", { code: ["admin:fieldErrors.codeTaken"] });
    throw error;
  }
}

/** Changes an agency the actor administers; the audit keeps the columns before and after. */
export async function updateAgency(
  actor: Actor,
  id: string,
  input: AgencyInput,
): Promise<Result<{ id: string }, AgencyError>> {
  if (!z.uuid().safeParse(id).success) return err("not_found");
  const parsed = agencySchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const command = parsed.data;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const scope = await scopeFor(actor, tx);
      if (!scope || actor.kind !== "staff") return err("forbidden");
      // Locked so two administrators editing at once are applied one after the other, each audited.
      const [current] = await tx.select().from(agencies).where(eq(agencies.id, id)).for("update");
      if (!current || !inScope(scope, current.id)) return err("not_found");
      const issues = await problems(tx, scope, id, command, current);
      if (Object.keys(issues).length > 0) return err("invalid_input", issues);
      const [row] = await tx.update(agencies).set(command).where(eq(agencies.id, id)).returning();
      const before = snapshot(current);
      const after = snapshot(row!);
      // A new name is found by the catalogue's search (its procedures' search text names it).
      if (current.nameVi !== row!.nameVi || current.nameEn !== row!.nameEn)
        await refreshSearchTextOfAgency(tx, id);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await recordAudit(
          {
            action: "agency.updated",
            actorId: actor.userId,
            details: { agencyId: id, code: row!.code, before, after },
          },
          tx,
        );
      }
      return ok({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return err("invalid_input", { code: ["admin:fieldErrors.codeTaken"] });
    throw error;
  }
}

/** Names of agencies by id (for the staff pages and the audit page). */
export async function agencyNames(): Promise<Map<string, { code: string; nameVi: string; nameEn: string }>> {
  const rows = await agencyChoices();
  return new Map(rows.map((row) => [row.id, row]));
}
