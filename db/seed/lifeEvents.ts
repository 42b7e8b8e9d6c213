import type { Db, Queryable } from "@/db/client";
import { catalogueHasLifeEvents, refreshSearchText, setProcedureTags } from "@/lib/catalog/service";
import { demoProcedureTags } from "./data/lifeEvents";

/**
 * The catalogue's audiences and life events (db/seed/data/lifeEvents.ts), and search texts that
 * name the agencies: called by the seed once the procedures and their agencies are in.
 */
export async function tagDemoCatalogue(db: Queryable): Promise<void> {
  await setProcedureTags(demoProcedureTags, db);
  await refreshSearchText(db);
}

/**
 * A database seeded before procedures had life events: tag it once, at start-up. Does nothing when
 * any procedure already has a life event (an administrator's choices stay), or when none of the
 * mapped codes is in the catalogue.
 */
export async function tagCatalogueIfUntagged(db: Db): Promise<boolean> {
  if (await catalogueHasLifeEvents(db)) return false;
  return db.transaction(async (tx) => {
    const ids = await setProcedureTags(demoProcedureTags, tx);
    if (ids.length === 0) return false;
    await refreshSearchText(tx);
    return true;
  });
}
