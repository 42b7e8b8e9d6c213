import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema/identity";
import { isLang, type Lang } from "@/lib/i18n/settings";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import type { Actor } from "./types";
import { preferencesSchema, type PreferencesInput } from "./schema";

/*
 * A signed-in person's own settings (issue 8): the language of their notices and the channels they
 * want them on. Every read and write is of the actor's own row: nobody changes another's settings
 * here (an administrator's pages are elsewhere).
 */

export type Preferences = {
  fullName: string;
  email: string | null;
  locale: Lang;
  notifyByEmail: boolean;
  notifyInInbox: boolean;
};

export type PreferencesError = "forbidden" | "not_found" | "invalid_input";

const columns = {
  fullName: users.fullName,
  email: users.email,
  locale: users.locale,
  notifyByEmail: users.notifyByEmail,
  notifyInInbox: users.notifyInInbox,
};

const toPreferences = (row: {
  fullName: string;
  email: string | null;
  locale: string;
  notifyByEmail: boolean;
  notifyInInbox: boolean;
}): Preferences => ({ ...row, locale: isLang(row.locale) ? row.locale : "vi" });

/** The actor's own details and settings; anonymous: forbidden. */
export async function getPreferences(actor: Actor): Promise<Result<Preferences, PreferencesError>> {
  if (actor.kind === "anonymous") return err("forbidden");
  const db = await getDb();
  const [row] = await db.select(columns).from(users).where(eq(users.id, actor.userId)).limit(1);
  return row ? ok(toPreferences(row)) : err("not_found");
}

/** Changes the actor's own language and channels; the input is checked again here. */
export async function updatePreferences(
  actor: Actor,
  input: PreferencesInput | Record<string, unknown>,
): Promise<Result<Preferences, PreferencesError>> {
  if (actor.kind === "anonymous") return err("forbidden");
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error, { fallback: "errors.invalid" }));
  const db = await getDb();
  const [row] = await db.update(users).set(parsed.data).where(eq(users.id, actor.userId)).returning(columns);
  return row ? ok(toPreferences(row)) : err("not_found");
}
