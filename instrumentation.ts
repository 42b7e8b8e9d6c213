/** Opens the database and applies migrations once, when the server starts (not at build time). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/client");
  await getDb();
}
