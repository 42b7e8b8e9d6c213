import "server-only";
import { getDatabaseKind, migrationState, type DatabaseKind } from "@/db/client";

export type Health = { database: DatabaseKind; migrations: { applied: number; available: number } };

/** What an operator or load balancer needs: which database answers, and whether it is migrated. */
export async function checkHealth(): Promise<Health> {
  const [database, migrations] = await Promise.all([getDatabaseKind(), migrationState()]);
  return { database, migrations };
}
