import { sql } from "drizzle-orm";
import { eventHash, type ChainedFields } from "@/lib/dossiers/chain";
import type { Db } from "./client";

/**
 * Chains the dossier events stored without a hash: those written before the hash chain existed
 * (a database migrated from an earlier version) and by `npm run bench:scale`. Run after the
 * migrations (db/client.ts migrate), so a migrated database verifies before it serves anything.
 *
 * Done here in TypeScript rather than in the migration's SQL so that one function
 * (lib/dossiers/chain.ts eventHash) defines the hash: a copy in SQL would have to reproduce the
 * canonical JSON byte for byte (jsonb prints its own key order and spacing). Only events without a
 * hash are written, each chained to the stored hash before it: an event already chained is never
 * re-hashed, so this cannot launder an edit. With nothing to chain it costs one look into an
 * empty partial index.
 */
export async function chainUnhashedEvents(db: Db, batchDossiers = 500): Promise<number> {
  let chained = 0;
  for (;;) {
    const pending = await db.execute<{ dossier_id: string }>(
      sql`select distinct dossier_id from dossier_events where hash is null limit ${batchDossiers}`,
    );
    const ids = pending.rows.map((r) => r.dossier_id);
    if (ids.length === 0) return chained;
    chained += await db.transaction(async (tx) => {
      // The dossiers' row locks, as every append takes them (lib/dossiers/events.ts).
      await tx.execute(sql`select id from dossiers where id in ${ids} for update`);
      const events = await tx.execute<{
        id: string;
        dossier_id: string;
        at: string | Date;
        actor_id: string | null;
        action: string;
        from_status: string | null;
        to_status: string;
        comment: string | null;
        details: Record<string, unknown> | string | null;
        hash: string | null;
      }>(
        sql`select id, dossier_id, at, actor_id, action, from_status, to_status, comment, details, hash
            from dossier_events where dossier_id in ${ids} order by dossier_id, id`,
      );
      const updates: { id: string; prevHash: string | null; hash: string }[] = [];
      let dossier: string | null = null;
      let previous: string | null = null;
      for (const row of events.rows) {
        if (row.dossier_id !== dossier) {
          dossier = row.dossier_id;
          previous = null;
        }
        if (row.hash !== null) {
          previous = row.hash;
          continue;
        }
        const fields: ChainedFields = {
          dossierId: row.dossier_id,
          at: new Date(row.at),
          actorId: row.actor_id,
          action: row.action,
          fromStatus: row.from_status,
          toStatus: row.to_status,
          comment: row.comment,
          details:
            typeof row.details === "string"
              ? (JSON.parse(row.details) as Record<string, unknown>)
              : row.details,
          prevHash: previous,
        };
        const hash = eventHash(fields);
        updates.push({ id: String(row.id), prevHash: previous, hash });
        previous = hash;
      }
      for (let i = 0; i < updates.length; i += 1000) {
        const values = sql.join(
          updates.slice(i, i + 1000).map((u) => sql`(${u.id}::bigint, ${u.prevHash}::text, ${u.hash}::text)`),
          sql`, `,
        );
        await tx.execute(sql`
          update dossier_events e set prev_hash = v.prev_hash, hash = v.hash
          from (values ${values}) as v(id, prev_hash, hash) where e.id = v.id`);
      }
      return updates.length;
    });
  }
}
