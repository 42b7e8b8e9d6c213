/**
 * Runs once when the server starts (not at build time): opens the database, applies migrations, and
 * seeds the demo data into an empty database when PORTAL_DEMO_SEED=1 (set by `npm start`).
 * PGlite can be opened by one process only, so the seed must run inside the server process.
 *
 * A server that cannot open its database (the embedded one held by another process, a wrong
 * DATABASE_URL, a failed migration) says why and exits with status 1 at once: left running it would
 * answer 500 to every request while looking healthy to whoever started it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { getDb } = await import("./db/client");
    const db = await getDb();
    if (process.env.PORTAL_DEMO_SEED === "1") {
      const { seedDemo } = await import("./db/seed");
      const started = Date.now();
      const { seeded } = await seedDemo(db);
      if (seeded) console.log(`Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    console.error(`The portal cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
