import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDossierDetail } from "@/lib/dossiers/service";
import type { Actor } from "@/lib/identity/types";
import { fileDossier, openWorld, type World } from "../support/fixtures";

// The route resolves the actor from the session; here the test decides who is asking.
const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));

const { GET } = await import("@/app/api/v1/attachments/[id]/route");

let close: () => Promise<void>;
let world: World;

beforeAll(async () => {
  ({ world, close } = await openWorld());
});

afterAll(async () => {
  await close();
});

const download = (id: string) =>
  GET(new Request(`http://localhost/api/v1/attachments/${id}`), { params: Promise.resolve({ id }) });

describe("GET /api/v1/attachments/[id]", () => {
  it("sends the bytes with the stored type and a safe, Vietnamese-friendly file name", async () => {
    const filed = await fileDossier(world.applicantA, "1.001193");
    const detail = await getDossierDetail(world.applicantA, { id: filed.id });
    const attachment = detail.ok ? detail.value.attachments[0]! : null;

    session.actor = world.applicantA;
    const response = await download(attachment!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"giay chung sinh.pdf\"; filename*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf",
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(attachment!.size);
    expect(new TextDecoder().decode(body.slice(0, 8))).toBe("%PDF-1.4");

    session.actor = world.receiver;
    expect((await download(attachment!.id)).status).toBe(200);

    for (const outsider of [world.applicantB, world.otherReceiver, { kind: "anonymous" } as Actor]) {
      session.actor = outsider;
      const refused = await download(attachment!.id);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ error: "not_found" });
    }
  });

  it("answers 404 JSON for an unknown or malformed id", async () => {
    session.actor = world.applicantA;
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", "..%2F..%2Fetc%2Fpasswd"]) {
      const response = await download(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found" });
    }
  });
});
