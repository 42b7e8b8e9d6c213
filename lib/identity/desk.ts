import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema/identity";
import { recordAudit } from "@/lib/audit/service";

/*
 * Applicants who come to the desk in person (lib/dossiers/desk.ts files their dossier). The receiving
 * officer finds them by personal ID number, e-mail or phone, or creates them without a password;
 * they claim that account later by signing up with the same details (accounts.ts registerCitizen,
 * `claimable` and `claimMatches` below).
 */

export type DeskApplicantDetails = {
  idNumber?: string;
  email?: string;
  phone?: string;
  fullName?: string;
};

/** What went wrong, keyed by the intake form's field (message keys of the "staff" namespace). */
export type DeskApplicantError = { field: "idNumber" | "email" | "phone" | "fullName"; message: string };

export type DeskApplicant = { id: string; fullName: string; created: boolean };

type UserRow = typeof users.$inferSelect;

async function one(q: Queryable, where: SQL): Promise<UserRow | null> {
  const [row] = await q.select().from(users).where(where).limit(2);
  return row ?? null;
}

/**
 * Finds the applicant by ID number, then e-mail, then phone (a phone only when it is the one detail
 * given and exactly one citizen has it), or creates them. Details that point at two different people,
 * or at a civil servant's account, are refused rather than guessed. Runs in the caller's transaction.
 */
export async function findOrCreateDeskApplicant(
  q: Queryable,
  officerId: string,
  details: DeskApplicantDetails,
): Promise<{ ok: true; value: DeskApplicant } | { ok: false; error: DeskApplicantError }> {
  const email = details.email?.toLowerCase();
  const byId = details.idNumber ? await one(q, eq(users.idNumber, details.idNumber)) : null;
  const byEmail = email ? await one(q, eq(users.email, email)) : null;
  if (byId && byEmail && byId.id !== byEmail.id) {
    return { ok: false, error: { field: "email", message: "intake.errors.emailOtherPerson" } };
  }
  let found = byId ?? byEmail;
  if (!found && !details.idNumber && !email && details.phone) {
    const byPhone = await q
      .select()
      .from(users)
      .where(and(eq(users.phone, details.phone), eq(users.kind, "citizen")))
      .limit(2);
    if (byPhone.length > 1)
      return { ok: false, error: { field: "idNumber", message: "intake.errors.phoneShared" } };
    found = byPhone[0] ?? null;
  }
  if (found) {
    if (found.kind !== "citizen" || found.disabledAt) {
      return {
        ok: false,
        error: { field: byId ? "idNumber" : "email", message: "intake.errors.notApplicant" },
      };
    }
    if (details.idNumber && found.idNumber && found.idNumber !== details.idNumber) {
      return { ok: false, error: { field: "idNumber", message: "intake.errors.idNumberOtherPerson" } };
    }
    // The officer has seen the ID card: record the number on an account that had none.
    if (details.idNumber && !found.idNumber) {
      await q.update(users).set({ idNumber: details.idNumber }).where(eq(users.id, found.id));
    }
    return { ok: true, value: { id: found.id, fullName: found.fullName, created: false } };
  }
  // A new applicant: the ID number is what lets them claim the account safely later.
  if (!details.idNumber)
    return { ok: false, error: { field: "idNumber", message: "intake.errors.idNumberToCreate" } };
  if (!details.fullName)
    return { ok: false, error: { field: "fullName", message: "intake.errors.nameToCreate" } };
  const [created] = await q
    .insert(users)
    .values({
      email: email ?? null,
      phone: details.phone ?? null,
      idNumber: details.idNumber,
      fullName: details.fullName,
      kind: "citizen",
      passwordHash: null,
      deskCreatedBy: officerId,
    })
    .returning({ id: users.id, fullName: users.fullName });
  await recordAudit(
    { action: "account.created_at_desk", actorId: officerId, details: { userId: created!.id } },
    q,
  );
  return { ok: true, value: { id: created!.id, fullName: created!.fullName, created: true } };
}

/** +84 and the leading 0 are the same Vietnamese number. */
const samePhone = (phone: string) => phone.replace(/^\+84/, "0");

/** An account the desk opened that nobody has signed up for yet. */
export function claimable(
  user: Pick<UserRow, "passwordHash" | "deskCreatedBy" | "kind" | "disabledAt">,
): boolean {
  return (
    user.passwordHash === null && user.deskCreatedBy !== null && user.kind === "citizen" && !user.disabledAt
  );
}

/**
 * Whether a sign-up may take over a desk-created account: every detail the desk recorded must be
 * given again, the same. The desk always records the ID number, so an e-mail alone never claims;
 * an e-mail or phone the desk recorded must match too.
 */
export function claimMatches(
  user: Pick<UserRow, "idNumber" | "email" | "phone">,
  signUp: { idNumber?: string; email: string; phone: string },
): boolean {
  if (!user.idNumber || user.idNumber !== signUp.idNumber) return false;
  if (user.email !== null && user.email !== signUp.email.toLowerCase()) return false;
  if (user.phone !== null && samePhone(user.phone) !== samePhone(signUp.phone)) return false;
  return true;
}
