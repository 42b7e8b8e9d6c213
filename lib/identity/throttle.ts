import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema/identity";
import { minutesToWait, throttleLimits } from "./rules";

/**
 * Sign-in and sign-up throttling with rate-limiter-flexible's Drizzle store: the counters live in
 * the `rate_limits` table, so every instance of the portal shares them, and the same store works
 * on node-postgres and on embedded PGlite (it only needs the drizzle handle). Its PostgreSQL store
 * takes a pg Pool or Client only, and creates its table itself outside the migrations.
 */
type Kind = keyof typeof throttleLimits;
type Limiters = Record<Kind, RateLimiterDrizzle>;

// One set per database handle (tests install a fresh database per file).
const byDb = new WeakMap<Db, Limiters>();

function limiters(db: Db): Limiters {
  let set = byDb.get(db);
  if (!set) {
    const make = (kind: Kind) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: kind,
        points: throttleLimits[kind].points,
        duration: throttleLimits[kind].seconds,
      });
    set = {
      signInPerAccount: make("signInPerAccount"),
      signInPerAddress: make("signInPerAddress"),
      signUpPerAddress: make("signUpPerAddress"),
    };
    byDb.set(db, set);
  }
  return set;
}

/** null when allowed; otherwise how long to wait and which limit said so. */
export type Wait = { retryAfterMinutes: number; scope: Kind } | null;

/**
 * Counts one attempt against the key before the work is done, atomically (one upsert), so a burst
 * of parallel attempts cannot all slip in under the limit. Over the limit: how long to wait.
 */
export async function attempt(kind: Kind, key: string): Promise<Wait> {
  const limiter = limiters(await getDb())[kind];
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { retryAfterMinutes: minutesToWait(error.msBeforeNext), scope: kind };
  }
}

/** Gives back the attempt counted by `attempt` (a success is not a failure). */
export async function refund(kind: Kind, key: string): Promise<void> {
  await limiters(await getDb())[kind].reward(key, 1);
}

/** Clears the key's counter (a successful sign-in clears its account's). */
export async function reset(kind: Kind, key: string): Promise<void> {
  await limiters(await getDb())[kind].delete(key);
}
