/**
 * `npm run worker`: the notification worker on its own (lib/notify/worker.ts), for deployments that
 * run the app servers with PORTAL_WORKER=0. On a PostgreSQL server (DATABASE_URL) any number of
 * these may run: pg-boss and the deliveries' row locks keep each message to one sender. On the
 * embedded database the app server already runs the worker, and holds the database.
 */
import { closeDb, getDb } from "@/db/client";
import { LockHeldError } from "@/db/lock.mjs";
import { startWorker } from "@/lib/notify/worker";
import { configuredTransport } from "@/lib/notify/mail";

async function main(): Promise<void> {
  await getDb();
  const worker = await startWorker();
  console.log(`Notification worker running (${worker.kind}, e-mail to ${configuredTransport().describe})`);
  const stop = async () => {
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  // Keeps the process alive: the worker's own timers do not.
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  if (error instanceof LockHeldError)
    console.error(
      `${error.message}\nThe embedded database is held by the portal, which runs the worker itself.`,
    );
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
