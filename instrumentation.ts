/**
 * Runs once when the server starts (not at build time): opens the database, applies migrations, and
 * seeds the demo data (db/startup.ts); a server that cannot open its database exits with status 1.
 * PGlite can be opened by one process only, so the seed must run inside the server process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { openAtStartup } = await import("./db/startup");
  await openAtStartup();
}
