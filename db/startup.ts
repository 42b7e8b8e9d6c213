import { getDb } from "./client";

/**
 * What the server does once when it starts (instrumentation.ts): opens the database, applies the
 * migrations, fills the administrative units when their table is empty, and seeds the demo data into an empty database when PORTAL_DEMO_SEED=1.
 *
 * A server that cannot open its database (the embedded one held by another process, a wrong
 * DATABASE_URL, a failed migration) says why and exits with status 1 at once: left running it would
 * answer 500 to every request while looking healthy to whoever started it.
 */
export async function openAtStartup(): Promise<void> {
  try {
    const db = await getDb();
    // Reference data every database needs (address answers): inserted once, when the table is empty.
    const { seedAdministrativeUnits } = await import("./seed/places");
    await seedAdministrativeUnits(db);
    if (process.env.PORTAL_DEMO_SEED === "1") {
      const { seedDemo } = await import("./seed");
      const started = Date.now();
      const { seeded } = await seedDemo(db);
      if (seeded) console.log(`Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    console.error(`The portal cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
