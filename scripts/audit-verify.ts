/**
 * `npm run audit:verify [-- <dossier code>]`: checks the hash chain of one dossier's history, or of
 * every dossier's, in DATABASE_URL or the embedded database. Prints the first broken link (dossier
 * code, event id, the hash expected and the one found) and exits with 1 when there is one, 2 when
 * the code names no dossier.
 */
import { closeDb } from "@/db/client";
import { LockHeldError } from "@/db/lock.mjs";
import { verifyEventChains } from "@/lib/dossiers/audit";

const problems = {
  hash: "the event's fields no longer give its stored hash (the event was edited)",
  previous: "the event does not point at the event before it (an earlier event was deleted, edited or moved)",
  missing: "the event has no hash",
  head: "the last event does not lead to the dossier's current state (the newest events were removed)",
} as const;

async function main(): Promise<number> {
  const code = process.argv
    .slice(2)
    .find((arg) => arg !== "--")
    ?.trim()
    .toUpperCase();
  const started = performance.now();
  const report = await verifyEventChains(code ? { code } : {});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!report) {
    console.error(`No dossier has the code ${code}.`);
    return 2;
  }
  if (report.ok) {
    console.log(
      `The history is intact: ${report.dossiers} dossier(s), ${report.events} event(s), ${seconds} s.`,
    );
    return 0;
  }
  const { broken } = report;
  console.error(
    [
      `Broken link in the history of dossier ${broken.dossierCode ?? broken.dossierId}:`,
      `  event:    ${broken.eventId}`,
      `  problem:  ${problems[broken.problem]}`,
      `  expected: ${broken.expected ?? "(none)"}`,
      `  found:    ${broken.found ?? "(none)"}`,
      `(${report.dossiers} dossier(s) checked before it stopped.)`,
    ].join("\n"),
  );
  return 1;
}

main()
  .then(async (status) => {
    await closeDb();
    process.exitCode = status;
  })
  .catch(async (error: unknown) => {
    // The portal holds the embedded database: say so plainly, not with a stack trace.
    console.error(error instanceof LockHeldError ? error.message : error);
    // The database may never have opened (the lock): nothing to close then.
    await closeDb().catch(() => undefined);
    process.exitCode = 1;
  });
