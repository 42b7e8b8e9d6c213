import "server-only";
import { getDatabaseKind } from "@/db/client";
import { scanPendingAttachments } from "@/lib/dossiers/attachments";
import { remindTasks } from "@/lib/tasks/reminders";
import { closeDueOpinionForms, sendOpinionReminders } from "@/lib/meetings/opinions";
import { runDeliveryCycle, queueDigests } from "./delivery";
import { configuredTransport } from "./mail";
import { digestDue, localDay } from "./rules";

/*
 * The worker that runs delivery (lib/notify/delivery.ts). On a PostgreSQL server it is a pg-boss
 * queue: every interval a `notify-deliver` job is sent to a "short" queue (at most one waiting,
 * whatever the number of workers), and a cron job `notify-digest` fires at 07:00
 * Asia/Ho_Chi_Minh on one worker only. A cron job `tasks-remind` every quarter of an hour tells
 * task owners once when a task becomes due soon and once when it is overdue (lib/tasks/reminders).
 * On the embedded database (PGlite, one process) the same handlers run in-process on a timer.
 */

export type Worker = { kind: "pg-boss" | "in-process"; stop: () => Promise<void> };

const deliverQueue = "notify-deliver";
const digestQueue = "notify-digest";
const remindQueue = "tasks-remind";
/** How often task reminders are looked for (the in-process worker; pg-boss runs the cron below). */
const remindEveryMs = 15 * 60_000;

export function workerIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PORTAL_WORKER_INTERVAL_MS);
  return Number.isFinite(value) && value >= 100 ? value : 5_000;
}

/** The workspace's timed work runs at most once a minute, whatever the delivery interval. */
const workspaceSweepMs = 60_000;
let lastWorkspaceSweep = 0;

/**
 * Written opinion forms (lib/meetings/opinions.ts): closes those past their deadline and reminds
 * members who have not answered (due soon, overdue) and the support staff. Each step is idempotent
 * (a form closes once; a reminder stage is an event of the form, sent once), so two workers running
 * it at once send nothing twice.
 */
export async function workspaceSweep(now: Date = new Date()): Promise<void> {
  await sendOpinionReminders(now);
  await closeDueOpinionForms(now);
}

async function deliverOnce(signal?: AbortSignal): Promise<void> {
  if (Date.now() - lastWorkspaceSweep >= workspaceSweepMs) {
    lastWorkspaceSweep = Date.now();
    await workspaceSweep().catch((error: Error) => console.warn("workspace sweep:", error.message));
  }
  // Files the virus scanner could not check when they were sent (it was down) get their verdict
  // on the same tick (lib/dossiers/attachments scanPendingAttachments; nothing to do without one).
  await scanPendingAttachments().catch((error: Error) => console.warn("file scan sweep:", error.message));
  const outcome = await runDeliveryCycle({ transport: transport(), signal });
  if (outcome.failed > 0)
    console.warn(`notify: ${outcome.failed} e-mail(s) failed for good (see /admin/deliveries)`);
}

let cachedTransport: ReturnType<typeof configuredTransport> | null = null;
const transport = () => (cachedTransport ??= configuredTransport());

async function remindOnce(now = new Date()): Promise<void> {
  const sent = await remindTasks(now);
  if (sent.dueSoon + sent.overdue > 0) await deliverOnce();
}

async function digestOnce(now = new Date()): Promise<void> {
  const queued = await queueDigests(now);
  if (queued > 0) await deliverOnce();
}

/** Starts the worker for the configured database. */
export async function startWorker(options: { intervalMs?: number } = {}): Promise<Worker> {
  const intervalMs = options.intervalMs ?? workerIntervalMs();
  if ((await getDatabaseKind()) === "postgres" && process.env.DATABASE_URL)
    return startPgBoss(process.env.DATABASE_URL, intervalMs);
  return startInProcess(intervalMs);
}

async function startPgBoss(connectionString: string, intervalMs: number): Promise<Worker> {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString, max: 3, application_name: "portal-worker" });
  boss.on("error", (error: Error) => console.error("notify worker (pg-boss):", error.message));
  await boss.start();
  // "short": at most one job waiting, so ticks from any number of workers do not pile up; not
  // "stately", whose one active job, left by a killed worker, would block the queue until it expired.
  await boss.createQueue(deliverQueue, {
    name: deliverQueue,
    policy: "short",
    retryLimit: 0,
    expireInSeconds: 300,
  });
  await boss.createQueue(digestQueue, { name: digestQueue, policy: "short", retryLimit: 2 });
  await boss.createQueue(remindQueue, { name: remindQueue, policy: "short", retryLimit: 2 });
  const polling = Math.max(intervalMs / 1000, 0.5);
  await boss.work(deliverQueue, { pollingIntervalSeconds: polling }, async () => deliverOnce());
  await boss.work(digestQueue, { pollingIntervalSeconds: 30 }, async () => digestOnce());
  await boss.schedule(digestQueue, "0 7 * * *", undefined, { tz: "Asia/Ho_Chi_Minh" });
  await boss.work(remindQueue, { pollingIntervalSeconds: 30 }, async () => remindOnce());
  await boss.schedule(remindQueue, "*/15 * * * *", undefined, { tz: "Asia/Ho_Chi_Minh" });
  const tick = () => {
    boss.send(deliverQueue, {}).catch((error: Error) => console.error("notify worker:", error.message));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    kind: "pg-boss",
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

function startInProcess(intervalMs: number): Worker {
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  let digestDay: string | null = null;
  let remindedAt = 0;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const now = new Date();
      if (digestDue(now) && digestDay !== localDay(now)) {
        digestDay = localDay(now);
        await queueDigests(now);
      }
      if (now.getTime() - remindedAt >= remindEveryMs) {
        remindedAt = now.getTime();
        await remindTasks(now);
      }
      await deliverOnce(controller.signal);
    })()
      .catch((error: unknown) =>
        console.error("notify worker:", error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    kind: "in-process",
    stop: async () => {
      clearInterval(timer);
      controller.abort();
      await running;
    },
  };
}

/** Started with the server unless PORTAL_WORKER=0 (another process runs `npm run worker`). */
export async function startWorkerWithServer(): Promise<Worker | null> {
  if (process.env.PORTAL_WORKER === "0") return null;
  const worker = await startWorker();
  console.log(`Notification worker started (${worker.kind}, e-mail to ${transport().describe})`);
  return worker;
}
