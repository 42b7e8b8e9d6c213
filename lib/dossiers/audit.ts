import "server-only";
import { and, asc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { dossierEvents, dossiers } from "@/db/schema/dossiers";
import { verifyChain, type ChainBreak, type StoredEvent } from "./chain";

/*
 * `npm run audit:verify`: walks dossiers' histories and checks their hash chains (chain.ts). The
 * chain shows an event edited, deleted or moved; the last event's state, which must be the
 * dossier's own, shows the newest events cut off (nothing comes after them to point back).
 */

export type BrokenLink = Omit<ChainBreak, "problem"> & {
  dossierCode: string | null;
  dossierId: string;
  /** chain.ts's problems, or "head": the last event does not lead to the dossier's current state. */
  problem: ChainBreak["problem"] | "head";
};

export type ChainReport =
  | { ok: true; dossiers: number; events: number }
  | { ok: false; dossiers: number; events: number; broken: BrokenLink };

type DossierHead = { id: string; code: string | null; status: string };

function checkDossier(dossier: DossierHead, events: StoredEvent[]): BrokenLink | null {
  const checked = verifyChain(events);
  if (!checked.ok) {
    const { eventId, problem, expected, found } = checked;
    return { eventId, problem, expected, found, dossierId: dossier.id, dossierCode: dossier.code };
  }
  const last = events.at(-1);
  // A draft has no history yet; every other dossier's last event leads to where it is now.
  if ((last?.toStatus ?? "draft") !== dossier.status) {
    return {
      dossierId: dossier.id,
      dossierCode: dossier.code,
      eventId: last?.id ?? 0,
      problem: "head",
      expected: dossier.status,
      found: last?.toStatus ?? null,
    };
  }
  return null;
}

async function eventsOf(q: Queryable, ids: string[]): Promise<Map<string, StoredEvent[]>> {
  const rows = await q
    .select()
    .from(dossierEvents)
    .where(inArray(dossierEvents.dossierId, ids))
    .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.id));
  const byDossier = new Map<string, StoredEvent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byDossier.get(row.dossierId)!.push(row);
  return byDossier;
}

/**
 * Checks one dossier (by code) or every dossier with a code, a batch at a time in id order, and
 * stops at the first broken link. null: no dossier has that code.
 */
export async function verifyEventChains(
  options: { code?: string; batch?: number } = {},
  db?: Queryable,
): Promise<ChainReport | null> {
  const q = db ?? (await getDb());
  const batch = options.batch ?? 500;
  const head = { id: dossiers.id, code: dossiers.code, status: dossiers.status };
  let checkedDossiers = 0;
  let checkedEvents = 0;
  let after: string | null = null;
  for (;;) {
    const found: DossierHead[] = options.code
      ? await q.select(head).from(dossiers).where(eq(dossiers.code, options.code))
      : await q
          .select(head)
          .from(dossiers)
          .where(and(isNotNull(dossiers.code), after ? gt(dossiers.id, after) : undefined))
          .orderBy(asc(dossiers.id))
          .limit(batch);
    if (options.code && found.length === 0) return null;
    if (found.length === 0) break;
    const events = await eventsOf(
      q,
      found.map((d) => d.id),
    );
    for (const dossier of found) {
      const history = events.get(dossier.id)!;
      const broken = checkDossier(dossier, history);
      checkedDossiers += 1;
      checkedEvents += history.length;
      if (broken) return { ok: false, dossiers: checkedDossiers, events: checkedEvents, broken };
    }
    if (options.code || found.length < batch) break;
    after = found.at(-1)!.id;
  }
  return { ok: true, dossiers: checkedDossiers, events: checkedEvents };
}
