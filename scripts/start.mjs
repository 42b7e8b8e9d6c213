// `npm start`: builds when there is no build for this source, then serves the portal on
// http://localhost:3000 (PORT to change). Migrations run at server start (instrumentation.ts), and
// the demo data is seeded into an empty database unless PORTAL_DEMO_SEED=0.
//
// This process stays up as the server's supervisor and holds, for the server's whole life:
// - the embedded database's lock (not with DATABASE_URL): a second start on the same data folder
//   is refused at once, before it builds anything or binds its port; the server child
//   (scripts/server.mjs: Next's handler, plus the per-page content security policy) opens the
//   database under this lock (PORTAL_LOCK_OWNER);
// - the build folder's lock: no second start can rebuild the .next a running server reads.
import { spawn } from "node:child_process";
import path from "node:path";
import { LockHeldError, acquireLock, dataLockPath, dataRefusal } from "../db/lock.mjs";
import { buildDecision, sourceStamp, writeStamp } from "./build-stamp.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(root, "scripts", "server.mjs");
const embedded = !process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.PORTAL_DATA_DIR || ".data");

function lockOrExit(lockPath, refusal) {
  try {
    return acquireLock(lockPath, refusal);
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const locks = [];
if (embedded) locks.push(lockOrExit(dataLockPath(dataDir), dataRefusal(dataDir)));
locks.push(
  lockOrExit(
    `${path.resolve(root, distDir)}.lock`,
    (pid) =>
      `The build in ${distDir} is in use by the portal running in process ${pid}. ` +
      `Stop that process first, or set NEXT_DIST_DIR to another folder for a second instance.`,
  ),
);

let child = null;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => (child ? child.kill(signal) : process.exit(1)));
}

/** Runs a Node script, recorded in the locks: were this process killed, they stay held until it exits. */
function run(args, env) {
  child = spawn(process.execPath, args, { stdio: "inherit", env });
  for (const lock of locks) lock.setServer(child.pid);
  return child;
}

const decision = buildDecision(root, distDir);
if (process.env.PORTAL_START_NO_SERVE === "1") {
  // For the tests: take the locks and decide, then hold them until stopped, building nothing.
  console.log(decision.build ? `would build (${decision.reason})` : "build is up to date");
  process.stdin.on("end", () => process.exit(0)).resume();
} else {
  if (decision.build) {
    console.log(
      decision.reason === "changed"
        ? "The source changed since the last build: building again…"
        : "No build yet: building the portal (about a minute)…",
    );
    const status = await new Promise((resolve) => run([nextBin, "build"], process.env).on("exit", resolve));
    if (status !== 0) process.exit(status ?? 1);
    // What the build left is what was built (it may rewrite tsconfig.json's layout).
    writeStamp(root, distDir, sourceStamp(root));
  }

  const port = process.env.PORT || "3000";
  const env = {
    ...process.env,
    PORTAL_DEMO_SEED: process.env.PORTAL_DEMO_SEED ?? "1",
    ...(embedded ? { PORTAL_LOCK_OWNER: String(process.pid) } : {}),
  };
  console.log(
    `Starting the portal on http://localhost:${port} (${embedded ? `embedded database in ${path.relative(root, dataDir) || dataDir}/` : "PostgreSQL server"})`,
  );
  const server = run([serverScript, "-p", port], env);
  server.on("exit", (code, signal) => {
    for (const lock of locks) lock.release();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
