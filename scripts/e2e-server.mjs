// The server the Playwright tests run against: a production build on a fresh database with the demo
// data (a new embedded database in .data-e2e/, or DATABASE_URL when set — CI gives a fresh one).
// Like `npm start`, it holds the data folder's and the build folder's locks for the server's life, so
// a second run in the same checkout stops at once instead of wiping or rebuilding under the first.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { LockHeldError, acquireLock, dataLockPath, dataRefusal } from "../db/lock.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const distDir = ".next-e2e";
const dataDir = path.join(root, ".data-e2e");
const embedded = !process.env.DATABASE_URL;
const port = process.env.E2E_PORT || "3100";
const env = {
  ...process.env,
  NEXT_DIST_DIR: distDir,
  PORTAL_DATA_DIR: dataDir,
  PORTAL_DEMO_SEED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-use-0123456789",
  ...(embedded ? { PORTAL_LOCK_OWNER: String(process.pid) } : {}),
  // E-mail goes to the test SMTP server below; the worker looks for new notices every half second,
  // and links in e-mails point at this server.
  PORTAL_WORKER_INTERVAL_MS: "500",
  PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
};

let locks;
try {
  locks = [
    ...(embedded ? [acquireLock(dataLockPath(dataDir), dataRefusal(dataDir))] : []),
    acquireLock(
      path.join(root, `${distDir}.lock`),
      (pid) => `The build in ${distDir} is in use by the test server running in process ${pid}.`,
    ),
  ];
} catch (error) {
  if (!(error instanceof LockHeldError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// A fresh database (keeping the lock we hold) and no files from an earlier run.
fs.mkdirSync(dataDir, { recursive: true });
for (const entry of fs.readdirSync(dataDir)) {
  if (entry === "pglite.lock") continue;
  if (embedded || entry === "files" || entry === "smtp-inbox")
    fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
}

if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// A real SMTP server for the portal's e-mail (tests/e2e/mail.ts reads what it received): each
// message is saved whole as smtp-inbox/<n>.eml in the data folder, written then renamed, so a
// reader never sees half of one.
const inbox = path.join(dataDir, "smtp-inbox");
fs.mkdirSync(inbox, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("error", callback);
    stream.on("end", () => {
      received += 1;
      const file = path.join(inbox, `${String(received).padStart(4, "0")}.eml`);
      fs.writeFileSync(`${file}.tmp`, Buffer.concat(chunks));
      fs.renameSync(`${file}.tmp`, file);
      callback();
    });
  },
});
await new Promise((resolve, reject) => {
  smtp.once("error", reject);
  smtp.listen(0, "127.0.0.1", resolve);
});
env.SMTP_URL = `smtp://127.0.0.1:${smtp.server.address().port}`;
console.log(`Test SMTP server on ${env.SMTP_URL}, messages in ${inbox}`);

// The portal's own server (scripts/server.mjs), as `npm start` runs it: Next's handler plus the
// per-page content security policy.
const server = spawn(
  process.execPath,
  [path.join(root, "scripts", "server.mjs"), "-p", port, "-H", "127.0.0.1"],
  { stdio: "inherit", env },
);
for (const lock of locks) lock.setServer(server.pid);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
