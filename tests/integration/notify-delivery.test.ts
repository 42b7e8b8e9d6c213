import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/db/client";
import { noticeDeliveries, outbox, users } from "@/db/schema";
import { deliverDue, expandOutbox, queueDigests, runDeliveryCycle } from "@/lib/notify/delivery";
import { smtpTransport, type MailTransport } from "@/lib/notify/mail";
import { enqueue } from "@/lib/notify/outbox";
import { defaultLeaseMs, retryDelaysMinutes } from "@/lib/notify/rules";
import { listDeliveries, retryDelivery } from "@/lib/notify/service";
import type { Actor } from "@/lib/identity/types";
import {
  createAgency,
  createApplicant,
  createDossierRow,
  createProcedureRow,
  createStaff,
  type StaffActor,
} from "../support/fixtures";
import { openTestDatabase } from "../support/database";

/*
 * E-mail delivery against a real SMTP server started here (smtp-server), on the embedded database
 * by default and on PostgreSQL when DATABASE_URL is set.
 */

type Mode = "accept" | "reject";
const smtp = {
  mode: "accept" as Mode,
  received: [] as ParsedMail[],
  /** Called with the number of the message being received, before it is accepted. */
  onMessage: null as null | ((n: number) => Promise<"accept" | "drop">),
  seen: 0,
};
let server: SMTPServer;
let smtpUrl: string;
let transport: MailTransport;
let db: Db;
let dbUrl: string | null;
let close: () => Promise<void>;
let admin: StaffActor;
const from = '"Cổng Dịch vụ công" <no-reply@test.example.vn>';

beforeAll(async () => {
  ({ db, close, url: dbUrl } = await openTestDatabase());
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (smtp.mode === "reject") {
        const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        smtp.seen += 1;
        const verdict = smtp.onMessage ? await smtp.onMessage(smtp.seen) : "accept";
        if (verdict === "drop")
          return callback(Object.assign(new Error("Connection dropped"), { responseCode: 421 }));
        smtp.received.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  transport = smtpTransport(smtpUrl, from);
  const agency = await createAgency(db, { code: "000.00.77.H33" });
  admin = await createStaff(db, "Quản trị hệ thống", [{ agencyId: agency.id, role: "system_admin" }]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
});

beforeEach(async () => {
  smtp.mode = "accept";
  smtp.received = [];
  smtp.onMessage = null;
  smtp.seen = 0;
  // Each test starts with nothing waiting to be sent.
  await runDeliveryCycle({ transport: { describe: "nowhere", send: async () => {} }, now: far() });
});

const far = () => new Date(Date.now() + 365 * 86_400_000);

const payload = (code: string) => ({
  dossierId: "00000000-0000-4000-8000-000000000001",
  code,
  status: "supplement_requested",
  action: "request_supplement",
  procedure: { code: "1.001193", nameVi: "Đăng ký khai sinh", nameEn: "Birth registration" },
  comment: "Thiếu bản sao giấy chứng sinh",
});

async function notice(recipientId: string | null, code: string, extra: Record<string, unknown> = {}) {
  await enqueue(db, [
    { recipientId, kind: "dossier.supplement_requested", payload: { ...payload(code), ...extra } },
  ]);
  const [row] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(sql`${outbox.payload}->>'code' = ${code}`);
  return row!.id;
}

const deliveriesOf = (outboxId: number) =>
  db.select().from(noticeDeliveries).where(eq(noticeDeliveries.outboxId, outboxId));

describe("a notice by e-mail", () => {
  it("arrives once, to the applicant, with plain text and HTML and the row's Message-ID", async () => {
    const applicant = await createApplicant(db, "Trần Thị Mai", { email: "mai@example.vn" });
    const id = await notice(applicant.userId, "000.01.01.H33-261201-0001");
    const outcome = await runDeliveryCycle({ transport });
    expect(outcome.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("mai@example.vn");
    expect(mail.from?.text).toContain("no-reply@test.example.vn");
    expect(mail.subject).toContain("000.01.01.H33-261201-0001");
    expect(mail.text?.trim()).toBeTruthy();
    expect(typeof mail.html === "string" && mail.html.length > 0).toBe(true);
    expect(mail.text).toContain("/vi/dossiers/000.01.01.H33-261201-0001");
    const [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, key: `outbox:${id}:${applicant.userId}:email` });
    expect(mail.messageId).toBe(row!.messageId);

    // Run again: nothing more is sent.
    await runDeliveryCycle({ transport, now: far() });
    expect(smtp.received).toHaveLength(1);
  });

  it("is in the reader's language", async () => {
    const applicant = await createApplicant(db, "Trần Văn Bình", { email: "binh@example.vn" });
    await db.update(users).set({ locale: "en" }).where(eq(users.id, applicant.userId));
    await notice(applicant.userId, "000.01.01.H33-261201-0009");
    await runDeliveryCycle({ transport });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.text).toContain("/en/dossiers/000.01.01.H33-261201-0009");
  });

  it("is not sent to someone who turned e-mail off, nor for an agency-wide notice", async () => {
    const quiet = await createApplicant(db, "Lê Văn Yên", { email: "yen@example.vn" });
    await db.update(users).set({ notifyByEmail: false }).where(eq(users.id, quiet.userId));
    const a = await notice(quiet.userId, "000.01.01.H33-261201-0002");
    const b = await notice(null, "000.01.01.H33-261201-0003", { agencyId: admin.roles[0]!.agencyId });
    await runDeliveryCycle({ transport });
    expect(smtp.received).toHaveLength(0);
    expect(await deliveriesOf(a)).toHaveLength(0);
    expect(await deliveriesOf(b)).toHaveLength(0);
    const expanded = await db
      .select({ sentAt: outbox.sentAt })
      .from(outbox)
      .where(inArray(outbox.id, [a, b]));
    expect(expanded.every((row) => row.sentAt !== null)).toBe(true);
  });

  it("the same outbox row expanded and delivered twice sends one e-mail", async () => {
    const applicant = await createApplicant(db, "Phạm Thu Hà", { email: "ha@example.vn" });
    const id = await notice(applicant.userId, "000.01.01.H33-261201-0004");
    await expandOutbox();
    // As if a worker had written the deliveries and died before marking the row expanded.
    await db.update(outbox).set({ sentAt: null }).where(eq(outbox.id, id));
    await expandOutbox();
    expect(await deliveriesOf(id)).toHaveLength(1);
    await Promise.all([deliverDue({ transport }), deliverDue({ transport })]);
    await runDeliveryCycle({ transport });
    await db.update(outbox).set({ sentAt: null }).where(eq(outbox.id, id));
    await runDeliveryCycle({ transport });
    expect(smtp.received).toHaveLength(1);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("a server that refuses", () => {
  it("is retried with back-off, then failed, shown to administrators, retried by one and sent", async () => {
    const applicant = await createApplicant(db, "Đỗ Minh Quân", { email: "quan@example.vn" });
    const id = await notice(applicant.userId, "000.01.01.H33-261201-0005");
    smtp.mode = "reject";
    let now = new Date();
    await runDeliveryCycle({ transport, now });
    const waits: number[] = [];
    for (;;) {
      const [row] = await deliveriesOf(id);
      expect(row!.lastError).toMatch(/550|Mailbox unavailable/);
      if (row!.status === "failed") break;
      expect(row!.status).toBe("pending");
      waits.push(Math.round((row!.nextAttemptAt.getTime() - now.getTime()) / 60_000));
      // Not before its time.
      expect(
        (await deliverDue({ transport, now: new Date(row!.nextAttemptAt.getTime() - 1000) })).claimed,
      ).toBe(0);
      now = row!.nextAttemptAt;
      await deliverDue({ transport, now });
    }
    expect(waits).toEqual([...retryDelaysMinutes]);
    const [failed] = await deliveriesOf(id);
    expect(failed!.attempts).toBe(retryDelaysMinutes.length + 1);
    expect(smtp.received).toHaveLength(0);

    const list = await listDeliveries(admin);
    expect(list.ok && list.value.failed.map((row) => row.id)).toContain(failed!.id);
    expect(list.ok && list.value.failed.find((row) => row.id === failed!.id)).toMatchObject({
      recipientName: "Đỗ Minh Quân",
      kind: "dossier.supplement_requested",
      dossierCode: "000.01.01.H33-261201-0005",
    });
    // Nobody else may retry; a failed one only.
    expect(await retryDelivery({ kind: "anonymous" }, failed!.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await retryDelivery(applicantActor(applicant.userId), failed!.id)).toMatchObject({ ok: false });

    smtp.mode = "accept";
    expect(await retryDelivery(admin, failed!.id)).toEqual({ ok: true, value: null });
    expect(await retryDelivery(admin, failed!.id)).toEqual({ ok: false, error: "not_failed" });
    await runDeliveryCycle({ transport });
    expect(smtp.received).toHaveLength(1);
    const [sent] = await deliveriesOf(id);
    expect(sent!.status).toBe("sent");
    expect(smtp.received[0]!.messageId).toBe(failed!.messageId);
    expect(await retryDelivery(admin, sent!.id)).toEqual({ ok: false, error: "not_failed" });
  });
});

describe("the staff digest", () => {
  it("goes once a day to each officer with assigned dossiers due soon or overdue", async () => {
    const agency = await createAgency(db, { code: "000.00.78.H33" });
    const procedure = await createProcedureRow(db, {
      code: "9.000078",
      nameVi: "Cấp giấy phép thử nghiệm",
      nameEn: "Test permit",
      fieldVi: "Thử nghiệm",
      fieldEn: "Testing",
      level: "province",
      searchText: "cap giay phep thu nghiem",
      timeLimitHours: { online: 8, desk: 8, post: 8 },
    });
    const busy = await createStaff(db, "Nguyễn Văn Bận", [{ agencyId: agency.id, role: "specialist" }]);
    const idle = await createStaff(db, "Lê Thị Rảnh", [{ agencyId: agency.id, role: "specialist" }]);
    const applicant = await createApplicant(db, "Người nộp digest");
    // Tuesday 1 December 2026, 09:00 in Vietnam.
    const now = new Date("2026-12-01T02:00:00Z");
    const base = { status: "in_progress", procedure, applicant, agencyId: agency.id };
    await createDossierRow(db, {
      ...base,
      code: "000.00.78.H33-261120-0001",
      assigneeId: busy.userId,
      dueAt: new Date("2026-11-30T10:00:00Z"),
    });
    await createDossierRow(db, {
      ...base,
      code: "000.00.78.H33-261120-0002",
      assigneeId: busy.userId,
      dueAt: new Date("2026-12-02T10:00:00Z"),
    });
    // Due in two weeks: not in anyone's digest.
    await createDossierRow(db, {
      ...base,
      code: "000.00.78.H33-261120-0003",
      assigneeId: idle.userId,
      dueAt: new Date("2026-12-15T10:00:00Z"),
    });

    expect(await queueDigests(now)).toBe(1);
    expect(await queueDigests(now)).toBe(0);
    await runDeliveryCycle({ transport, now });
    const mine = smtp.received.filter((mail) => (mail.text ?? "").includes("000.00.78.H33-261120-0001"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain("000.00.78.H33-261120-0002");
    expect(mine[0]!.text).not.toContain("000.00.78.H33-261120-0003");
    const [row] = await db
      .select()
      .from(noticeDeliveries)
      .where(eq(noticeDeliveries.recipientId, busy.userId));
    expect(row).toMatchObject({ key: `digest:${busy.userId}:2026-12-01`, status: "sent" });
    // The next morning, a new one.
    expect(await queueDigests(new Date("2026-12-02T00:30:00Z"))).toBe(1);
  });
});

const applicantActor = (userId: string): Actor => ({
  kind: "applicant",
  userId,
  name: "x",
  organisationIds: [],
});

describe("a worker killed in the middle of a batch", () => {
  it("after a restart, every message arrives exactly once", async () => {
    const codes = Array.from(
      { length: 6 },
      (_, i) => `000.01.01.H33-261202-${String(i + 1).padStart(4, "0")}`,
    );
    const ids: number[] = [];
    for (const [i, code] of codes.entries()) {
      const person = await createApplicant(db, `Người nộp ${i + 1}`, { email: `killed-${i + 1}@example.vn` });
      ids.push(await notice(person.userId, code));
    }
    if (dbUrl) await killedWorkerProcess(dbUrl);
    else await abortedInProcessLoop();

    const rows = await db.select().from(noticeDeliveries).where(inArray(noticeDeliveries.outboxId, ids));
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const arrived = smtp.received.map((mail) => mail.messageId);
    expect(arrived).toHaveLength(6);
    expect(new Set(arrived).size).toBe(6);
    expect(new Set(arrived)).toEqual(new Set(rows.map((row) => row.messageId)));
    expect(
      smtp.received.map((mail) => mail.subject?.match(/\d{3}\.\d{2}\.\d{2}\.H33-\d{6}-\d{4}/)?.[0]).sort(),
    ).toEqual(codes);
  }, 180_000);
});

/** PGlite is one process: the in-process loop is stopped (aborted) while the third message is sent. */
async function abortedInProcessLoop() {
  const controller = new AbortController();
  smtp.onMessage = async (n) => {
    if (n === 3) controller.abort();
    return "accept";
  };
  const now = new Date();
  const first = await runDeliveryCycle({ transport, now, signal: controller.signal });
  expect(first.sent).toBe(3);
  expect(smtp.received).toHaveLength(3);
  // The rest of the batch stays claimed by the stopped worker until its lease lapses.
  const held = await db.select().from(noticeDeliveries).where(eq(noticeDeliveries.status, "sending"));
  expect(held).toHaveLength(3);
  smtp.onMessage = null;
  expect((await runDeliveryCycle({ transport, now })).sent).toBe(0);
  const restarted = await runDeliveryCycle({
    transport,
    now: new Date(now.getTime() + defaultLeaseMs + 1000),
  });
  expect(restarted.sent).toBe(3);
}

/**
 * On PostgreSQL: `npm run worker` as its own process (pg-boss), killed with SIGKILL while the SMTP
 * server is receiving the third message (which it then refuses: the connection died), and started
 * again.
 */
async function killedWorkerProcess(url: string) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    SMTP_URL: smtpUrl,
    MAIL_FROM: from,
    PORTAL_WORKER_INTERVAL_MS: "200",
    PORTAL_DELIVERY_LEASE_MS: "3000",
  };
  const start = () =>
    // node itself (tsx as a loader, not the tsx launcher, whose child a SIGKILL would orphan).
    spawn(process.execPath, ["--import", "tsx", "--conditions", "react-server", "scripts/worker.ts"], {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
  let worker: ChildProcess = start();
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    worker.once("exit", (_code, signal) => resolve(signal)),
  );
  smtp.onMessage = async (n) => {
    if (n !== 3) return "accept";
    worker.kill("SIGKILL");
    await exited;
    return "drop";
  };
  expect(await exited).toBe("SIGKILL");
  expect(smtp.received).toHaveLength(2);
  smtp.onMessage = null;
  worker = start();
  try {
    const deadline = Date.now() + 90_000;
    while (smtp.received.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // A moment more: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    worker.kill("SIGTERM");
    await new Promise((resolve) => worker.once("exit", resolve));
  }
}
