import { bigserial, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Security-relevant acts outside a dossier's own history: sign-ins, refused access. Append-only. */
export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid("actor_id"),
  action: text("action").notNull(),
  details: jsonb("details").$type<Record<string, unknown>>(),
});
