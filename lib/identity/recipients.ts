import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { users } from "@/db/schema/identity";
import { isLang, type Lang } from "@/lib/i18n/settings";

/** What notices need to know of a person: where and how to write to them (lib/notify). */
export type NoticeRecipientFacts = {
  id: string;
  email: string | null;
  fullName: string;
  locale: Lang;
  isStaff: boolean;
  notifyByEmail: boolean;
  notifyInInbox: boolean;
  disabled: boolean;
};

/** The people with these ids, by id (unknown ids are left out), read in the caller's transaction. */
export async function noticeRecipients(
  db: Queryable | null,
  ids: readonly string[],
): Promise<Map<string, NoticeRecipientFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const source = db ?? (await getDb());
  const rows = await source
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      kind: users.kind,
      notifyByEmail: users.notifyByEmail,
      notifyInInbox: users.notifyInInbox,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        email: row.email,
        fullName: row.fullName,
        locale: isLang(row.locale) ? row.locale : "vi",
        isStaff: row.kind === "staff",
        notifyByEmail: row.notifyByEmail,
        notifyInInbox: row.notifyInInbox,
        disabled: row.disabledAt !== null,
      },
    ]),
  );
}
