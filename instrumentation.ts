/**
 * Runs once when the server starts (not at build time): opens the database, applies migrations, and
 * seeds the demo data (db/startup.ts); a server that cannot open its database exits with status 1.
 * PGlite can be opened by one process only, so the seed must run inside the server process.
 * Then it starts the notification worker (lib/notify/worker.ts) unless PORTAL_WORKER=0.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { openAtStartup } = await import("./db/startup");
  await openAtStartup();
  if (process.env.PORTAL_WORKER === "0") return;
  try {
    const { startWorkerWithServer } = await import("./lib/notify/worker");
    await startWorkerWithServer();
  } catch (error) {
    // The portal serves without its worker rather than not at all; the log says why.
    console.error(
      `The notification worker did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
