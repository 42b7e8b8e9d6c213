import net from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { attachments, outbox } from "@/db/schema";
import { scanPendingAttachments, useScanner } from "@/lib/dossiers/attachments";
import { clamdScanner, passThroughScanner } from "@/lib/files/scanner";
import { readStoredFile } from "@/lib/files/storage";
import { renderNotice } from "@/lib/notify/templates";
import type { Actor } from "@/lib/identity/types";
import { expectOk, fileDossier, openWorld, pdfBytes, type World } from "../support/fixtures";
import type { Db } from "@/db/client";

const session = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("@/lib/identity/actor", () => ({ getActor: async () => session.actor }));

const service = await import("@/lib/dossiers/service");
const { GET } = await import("@/app/api/v1/attachments/[id]/route");

const download = async (actor: Actor, id: string) => {
  session.actor = actor;
  return GET(new Request(`http://localhost/api/v1/attachments/${id}`), { params: Promise.resolve({ id }) });
};

const eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/**
 * A fake clamd on a real socket: reads INSTREAM chunks until the zero length, then answers as
 * clamd does (FOUND for the EICAR test string, OK otherwise).
 */
function fakeClamd(): Promise<{ port: number; close: () => Promise<void>; scans: () => number }> {
  let scans = 0;
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command = false;
    const body: Buffer[] = [];
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        expect(buffer.subarray(0, end).toString()).toBe("zINSTREAM");
        buffer = buffer.subarray(end + 1);
        command = true;
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          scans++;
          const content = Buffer.concat(body).toString("latin1");
          socket.end(content.includes(eicar) ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
          return;
        }
        if (buffer.length < 4 + length) return;
        body.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())), scans: () => scans });
    }),
  );
}

/** A port nothing listens on: the scanner is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let close: () => Promise<void>;
let world: World;
let db: Db;
let clamd: Awaited<ReturnType<typeof fakeClamd>>;

beforeAll(async () => {
  ({ world, close, db } = await openWorld());
  clamd = await fakeClamd();
});
afterAll(async () => {
  useScanner(null);
  await clamd.close();
  await close();
});
afterEach(() => useScanner(null));

/** A draft with its answers, ready for files. */
async function draftOf(applicant: World["applicantA"]) {
  const draft = expectOk(await service.startDraft(applicant, { procedureCode: "1.001193" }));
  expectOk(
    await service.saveDraft(applicant, { dossierId: draft.dossierId, answers: { childName: "Bé Na" } }),
  );
  return draft.dossierId;
}

async function attachmentsOf(actor: Actor, id: string) {
  return expectOk(await service.getDossierDetail(actor, { id })).attachments;
}

describe("the scan gate", () => {
  it("keeps a file pending while the scanner is down, serves staff nothing until the sweep finds it clean", async () => {
    useScanner(clamdScanner({ host: "127.0.0.1", port: await closedPort(), timeoutMs: 2000 }));
    const dossierId = await draftOf(world.applicantA);
    const added = expectOk(
      await service.addAttachment(world.applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "chung-sinh.pdf",
        bytes: pdfBytes("scan gate"),
      }),
    );
    expect(added.scanStatus).toBe("pending");
    expectOk(await service.submitDossier(world.applicantA, { dossierId }));

    const staffTry = await download(world.receiver, added.id);
    expect(staffTry.status).toBe(409);
    expect(await staffTry.json()).toEqual({ error: "scan_pending" });
    // The applicant who sent it may read it back.
    expect((await download(world.applicantA, added.id)).status).toBe(200);

    useScanner(clamdScanner({ host: "127.0.0.1", port: clamd.port }));
    const before = clamd.scans();
    expect(await scanPendingAttachments()).toBeGreaterThanOrEqual(1);
    expect(clamd.scans()).toBeGreaterThan(before);
    const [row] = await attachmentsOf(world.receiver, dossierId);
    expect(row).toMatchObject({ scanStatus: "clean", scanReason: null });
    expect((await download(world.receiver, added.id)).status).toBe(200);
  });

  it("marks an infected pending file rejected with the scanner's reason, and serves it to nobody", async () => {
    useScanner(clamdScanner({ host: "127.0.0.1", port: await closedPort(), timeoutMs: 2000 }));
    const dossierId = await draftOf(world.applicantA);
    const added = expectOk(
      await service.addAttachment(world.applicantA, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "nhiem.pdf",
        bytes: pdfBytes(eicar),
      }),
    );
    expectOk(await service.submitDossier(world.applicantA, { dossierId }));
    useScanner(clamdScanner({ host: "127.0.0.1", port: clamd.port }));
    await scanPendingAttachments();
    const [row] = await attachmentsOf(world.receiver, dossierId);
    expect(row).toMatchObject({ scanStatus: "rejected", scanReason: "Eicar-Test-Signature" });
    for (const actor of [world.receiver, world.applicantA]) {
      const response = await download(actor, added.id);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "scan_rejected" });
    }
    // A later sweep leaves it rejected.
    await scanPendingAttachments();
    expect((await attachmentsOf(world.receiver, dossierId))[0]!.scanStatus).toBe("rejected");
  });

  it("refuses an infected file at once when the scanner answers, and keeps a clean one as clean", async () => {
    useScanner(clamdScanner({ host: "127.0.0.1", port: clamd.port }));
    const dossierId = await draftOf(world.applicantA);
    const result = expectOk(
      await service.addAttachments(world.applicantA, {
        dossierId,
        files: [
          { documentKey: "birth_notice", fileName: "virus.pdf", bytes: pdfBytes(eicar) },
          { documentKey: "birth_notice", fileName: "sach.pdf", bytes: pdfBytes("clean") },
        ],
      }),
    );
    expect(result.refused).toEqual([
      { documentKey: "birth_notice", fileName: "virus.pdf", error: "file_infected" },
    ]);
    expect(result.added.map((file) => [file.fileName, file.scanStatus])).toEqual([["sach.pdf", "clean"]]);
  });

  it("finds every file clean at once without a scanner (pass-through)", async () => {
    useScanner(passThroughScanner);
    const dossierId = await draftOf(world.applicantB);
    const added = expectOk(
      await service.addAttachment(world.applicantB, {
        dossierId,
        documentKey: "birth_notice",
        fileName: "a.pdf",
        bytes: pdfBytes("pass"),
      }),
    );
    expect(added.scanStatus).toBe("clean");
  });
});

describe("the document store (once only)", () => {
  it("lists the applicant's submitted files once each, attaches one to a new dossier without sending it again, to the owner only", async () => {
    // Two dossiers with the same birth notice: the store lists it once.
    const first = await fileDossier(world.applicantA, "1.001193");
    await fileDossier(world.applicantA, "1.001193");
    const stored = await service.listStoredDocuments(world.applicantA);
    const notices = stored.filter((document) => document.documentKey === "birth_notice");
    const sha = (await attachmentsOf(world.applicantA, first.id))[0]!.sha256;
    expect(notices.filter((document) => document.sha256 === sha)).toHaveLength(1);
    const source = notices.find((document) => document.sha256 === sha)!;
    expect(source.name).toEqual({ vi: "Giấy chứng sinh", en: "Birth notice" });
    // Nothing of A's is in B's store.
    expect((await service.listStoredDocuments(world.applicantB)).some((d) => d.sha256 === sha)).toBe(false);
    expect(await service.listStoredDocuments(world.receiver)).toEqual([]);

    const dossierId = await draftOf(world.applicantA);
    const attached = expectOk(
      await service.attachFromStore(world.applicantA, dossierId, source.id, "birth_notice"),
    );
    // Attaching the same file again is the same attachment, not a second one.
    const again = expectOk(
      await service.attachFromStore(world.applicantA, dossierId, source.id, "birth_notice"),
    );
    expect(again.id).toBe(attached.id);
    const [reused] = await db.select().from(attachments).where(eq(attachments.id, attached.id));
    const [original] = await db.select().from(attachments).where(eq(attachments.id, source.id));
    expect(reused!.storageKey).toBe(original!.storageKey);
    expect(reused!.reusedFrom).toBe(original!.reusedFrom ?? original!.id);
    // Submitted with no file sent: the stored one counts.
    expectOk(await service.submitDossier(world.applicantA, { dossierId }));

    // Another applicant can neither attach it nor learn it exists.
    const otherDraft = await draftOf(world.applicantB);
    expect(await service.attachFromStore(world.applicantB, otherDraft, source.id, "birth_notice")).toEqual({
      ok: false,
      error: "not_found",
    });
    // Not onto someone else's dossier either, nor for a document the procedure does not have.
    expect(
      await service.attachFromStore(world.applicantA, otherDraft, source.id, "birth_notice"),
    ).toMatchObject({
      ok: false,
      error: "not_found",
    });
    const mine = await draftOf(world.applicantA);
    expect(await service.attachFromStore(world.applicantA, mine, source.id, "passport")).toMatchObject({
      ok: false,
      error: "unknown_document",
    });
  });

  it("deletes shared bytes only when no attachment uses them any more", async () => {
    const filed = await fileDossier(world.applicantA, "1.001193");
    const [source] = await attachmentsOf(world.applicantA, filed.id);
    const dossierId = await draftOf(world.applicantA);
    const attached = expectOk(
      await service.attachFromStore(world.applicantA, dossierId, source!.id, "birth_notice"),
    );
    const [row] = await db.select().from(attachments).where(eq(attachments.id, attached.id));
    expectOk(await service.removeAttachment(world.applicantA, { dossierId, attachmentId: attached.id }));
    // The first dossier's file is still there.
    expect(await readStoredFile(row!.storageKey)).toEqual(pdfBytes());
    expect((await download(world.receiver, source!.id)).status).toBe(200);

    // A file of its own, removed from a draft: its bytes go.
    const own = expectOk(
      await service.addAttachment(world.applicantA, {
        dossierId,
        documentKey: "other",
        fileName: "rieng.pdf",
        bytes: pdfBytes("own"),
      }),
    );
    const [ownRow] = await db.select().from(attachments).where(eq(attachments.id, own.id));
    expectOk(await service.removeAttachment(world.applicantA, { dossierId, attachmentId: own.id }));
    await expect(readStoredFile(ownRow!.storageKey)).rejects.toThrow();
  });
});

describe("a request for more that names documents", () => {
  it("stores the list, tells the applicant, offers those slots, and clears the list on the answer", async () => {
    const filed = await fileDossier(world.applicantA, "1.001193");
    const requested = expectOk(
      await service.performStaffAction(world.receiver, {
        action: "request_supplement",
        code: filed.code!,
        version: filed.version,
        comment: "Cần bổ sung giấy tờ",
        documentKeys: ["birth_notice"],
        otherDocuments: "Giấy ủy quyền có chứng thực\n\n  Giấy ủy quyền có chứng thực ",
      }),
    );
    expect(requested.requestedDocuments).toEqual([
      { key: "birth_notice", name: "Giấy chứng sinh" },
      { name: "Giấy ủy quyền có chứng thực" },
    ]);
    const detail = expectOk(await service.getDossierDetail(world.applicantA, { id: filed.id }));
    expect(detail.supplementRequest?.documents).toEqual(requested.requestedDocuments);

    // The notice carries the list and says it.
    const [notice] = await db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.recipientId, world.applicantA.userId), eq(outbox.kind, "dossier.supplement_requested")),
      );
    const text = renderNotice(
      notice!.kind,
      notice!.payload,
      { fullName: "Nguyễn Văn An", locale: "vi", isStaff: false },
      "http://localhost",
    ).text;
    expect(text).toContain("Giấy chứng sinh; Giấy ủy quyền có chứng thực");

    // The slot of the unlisted document is "requested_2"; its file keeps the document's name.
    const answer = expectOk(
      await service.addAttachments(world.applicantA, {
        dossierId: filed.id,
        files: [
          { documentKey: "requested_2", fileName: "uy-quyen.pdf", bytes: pdfBytes("uy quyen") },
          { documentKey: "requested_3", fileName: "x.pdf", bytes: pdfBytes("x") },
        ],
      }),
    );
    expect(answer.added).toMatchObject([
      { documentKey: "requested_2", description: "Giấy ủy quyền có chứng thực" },
    ]);
    expect(answer.refused).toMatchObject([{ documentKey: "requested_3", error: "unknown_document" }]);

    const answered = expectOk(
      await service.supplementDossier(world.applicantA, {
        dossierId: filed.id,
        version: detail.dossier.version,
        comment: "Đã bổ sung",
      }),
    );
    expect(answered.requestedDocuments).toEqual([]);
    // The officer sees the file with its name.
    const staffView = await attachmentsOf(world.receiver, filed.id);
    expect(staffView.find((file) => file.documentKey === "requested_2")).toMatchObject({
      fileName: "uy-quyen.pdf",
      description: "Giấy ủy quyền có chứng thực",
      scanStatus: "clean",
    });
  });

  it("refuses a ticked document the procedure does not list", async () => {
    const filed = await fileDossier(world.applicantA, "1.001193");
    const result = await service.performStaffAction(world.receiver, {
      action: "request_supplement",
      code: filed.code!,
      version: filed.version,
      comment: "Thiếu",
      documentKeys: ["passport"],
    });
    expect(result).toMatchObject({
      ok: false,
      error: "invalid_input",
      issues: { documentKeys: expect.any(Array) },
    });
  });
});
