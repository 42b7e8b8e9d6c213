/** `npm run db:seed`: seeds the demo data into DATABASE_URL, or the embedded database, when it is empty. */
import { closeDb, getDb } from "@/db/client";
import { seedDemo } from "@/db/seed";

async function main(): Promise<void> {
  const db = await getDb();
  const started = performance.now();
  const { seeded } = await seedDemo(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    seeded ? `Demo data seeded in ${seconds} s.` : "The database already has agencies: nothing to seed.",
  );
}

main()
  .then(closeDb)
  .catch(async (error: unknown) => {
    console.error(error);
    await closeDb();
    process.exitCode = 1;
  });
