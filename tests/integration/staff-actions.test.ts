import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { emptyFormState as empty } from "@/components/forms/formState";
import { getDossierDetail, listQueue } from "@/lib/dossiers/service";
import { actorForUser } from "@/lib/identity/accounts";
import type { Actor } from "@/lib/identity/types";
import { openTestDatabase } from "../support/database";

// The page's one server action, with the request's plumbing replaced: who is signed in, and the
// redirect Next.js would throw.
const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));
vi.mock("next/cache", () => ({ refresh: () => {} }));

const { staffAction } = await import("@/app/[lang]/(staff)/staff/dossiers/[code]/actions");

let close: () => Promise<void>;
let receiver: Actor;
let citizen: Actor;

async function actorByEmail(email: string): Promise<Actor> {
  const { getDb } = await import("@/db/client");
  const [user] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return actorForUser(user!.id);
}

function form(entries: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, String(value));
  return data;
}

beforeAll(async () => {
  let db;
  ({ db, close } = await openTestDatabase());
  await seedDemo(db);
  receiver = await actorByEmail("receiver@demo.hungyen.gov.vn");
  citizen = await actorByEmail("citizen@demo.hungyen.gov.vn");
});

afterAll(async () => {
  await close();
});

beforeEach(() => {
  session.actor = receiver;
});

async function newDossier() {
  const queue = await listQueue(receiver, { bucket: "new" });
  const dossier = queue.rows[0];
  if (!dossier?.code) throw new Error("the seed has no new dossier");
  return { code: dossier.code, version: dossier.version };
}

describe("the staff dossier action", () => {
  it("refuses a refusal without reasons, naming the field, and changes nothing", async () => {
    const { code, version } = await newDossier();
    const state = await staffAction("en", empty, form({ action: "refuse", code, version, comment: "  " }));
    expect(state).toEqual({
      form: "refuse",
      values: { comment: "  " },
      issues: { comment: ["staff:fieldErrors.refuse"] },
    });
    const detail = await getDossierDetail(receiver, { code });
    expect(detail.ok && detail.value.dossier.status).toBe("submitted");
  });

  it("accepts and goes back to the dossier with a notice", async () => {
    const { code, version } = await newDossier();
    await expect(
      staffAction("vi", empty, form({ action: "accept", code, version, comment: "" })),
    ).rejects.toThrow(`REDIRECT /vi/staff/dossiers/${encodeURIComponent(code)}?done=accept`);
    const detail = await getDossierDetail(receiver, { code });
    expect(detail.ok && detail.value.dossier.status).toBe("received");
    expect(detail.ok && detail.value.dossier.dueAt).toBeInstanceOf(Date);
  });

  it("a stale version gets the conflict message and keeps what was typed", async () => {
    const { code, version } = await newDossier();
    await expect(staffAction("en", empty, form({ action: "accept", code, version }))).rejects.toThrow(
      /REDIRECT/,
    );
    const typed = "Missing: a clear copy of the ID card";
    const state = await staffAction(
      "en",
      empty,
      form({ action: "request_supplement", code, version, comment: typed }),
    );
    expect(state).toEqual({
      form: "request_supplement",
      values: { comment: typed },
      issues: {},
      formError: "staff:errors.conflict",
      formErrorField: "title",
    });
  });

  it("an applicant posting the form gets 'forbidden', never a change", async () => {
    const { code, version } = await newDossier();
    session.actor = citizen;
    const state = await staffAction("en", empty, form({ action: "accept", code, version }));
    expect(state.formError).toBe("staff:errors.forbidden");
    const detail = await getDossierDetail(receiver, { code });
    expect(detail.ok && detail.value.dossier.status).toBe("submitted");
  });

  it("an unknown action or a tampered form is refused plainly", async () => {
    const { code, version } = await newDossier();
    expect(await staffAction("en", empty, form({ action: "submit", code, version }))).toEqual({
      values: {},
      issues: {},
      formError: "staff:errors.invalid_request",
      formErrorField: "title",
    });
    expect((await staffAction("en", empty, form({ action: "accept", code, version: "x" }))).formError).toBe(
      "staff:errors.invalid_request",
    );
  });
});
