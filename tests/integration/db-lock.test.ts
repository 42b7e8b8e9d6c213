import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { acquireLock, lockDataFolder, processIdentity, readLock } from "@/db/lock.mjs";

/*
 * PGlite takes no lock of its own: two processes on one directory silently lose rows. These tests
 * use real processes, because the lock is only worth anything across processes.
 */

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const lockModule = pathToFileURL(path.join(repoRoot, "db", "lock.mjs")).href;
const instrumentationModule = pathToFileURL(path.join(repoRoot, "instrumentation.ts")).href;
const startScript = path.join(repoRoot, "scripts", "start.mjs");

let workspace: string;
let holderScript: string;
let serverScript: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "portal-lock-"));
  holderScript = path.join(workspace, "holder.mjs");
  // Locks the directory as openPglite does (without PGlite's slow first start), says so, and stays
  // until killed (or until the test process goes away).
  fs.writeFileSync(
    holderScript,
    [
      `import { lockDataFolder } from ${JSON.stringify(lockModule)};`,
      `lockDataFolder(process.argv[2]);`,
      `process.stdout.write("ready\\n");`,
      `process.stdin.on("end", () => process.exit(0)).resume();`,
      `setTimeout(() => process.exit(1), 60_000);`,
    ].join("\n"),
  );
  // What `next start` does first: instrumentation.ts register() opens the configured database. Like
  // Next, it logs a failed register() and goes on serving: only register() itself can stop it.
  serverScript = path.join(workspace, "server.mts");
  fs.writeFileSync(
    serverScript,
    [
      `import { register } from ${JSON.stringify(instrumentationModule)};`,
      `await register().catch((error) => console.error("register() failed:", error.message));`,
      `process.stdout.write("serving\\n");`,
      `setTimeout(() => process.exit(0), 20_000);`,
    ].join("\n"),
  );
});

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(workspace, { recursive: true, force: true });
});

function freshDirectory(name: string): string {
  const directory = path.join(workspace, name);
  fs.mkdirSync(directory);
  return directory;
}

const lockOf = (directory: string) => path.join(directory, "pglite.lock");
const holderOf = (directory: string) => readLock(lockOf(directory))?.pid;

type Run = { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; ms: number }> };

function run(args: string[], env: Record<string, string> = {}): Run {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; ms: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, ms: performance.now() - started })),
  );
  return { child, output: () => output, exit };
}

/** Resolves once the process printed `word`; rejects if it exits first. */
async function untilPrinted(started: Run, word: string): Promise<ChildProcess> {
  const { child } = started;
  return new Promise((resolve, reject) => {
    const check = () => started.output().includes(word) && resolve(child);
    child.stdout!.on("data", check);
    check();
    void started.exit.then(({ code }) => reject(new Error(`exited with ${code}: ${started.output()}`)));
  });
}

/** Another Node process that locks `directory` as openPglite does and keeps it. */
function startHolder(directory: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  return untilPrinted(run([holderScript, directory], env), "ready");
}

/** `npm start` up to the point where it would build: it takes its locks, decides, and holds them. */
function startScriptNoServe(dataDir: string, distDir: string): Run {
  return run([startScript], {
    PORTAL_DATA_DIR: dataDir,
    NEXT_DIST_DIR: distDir,
    PORTAL_START_NO_SERVE: "1",
    DATABASE_URL: "",
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function refusal(pid: number): RegExp {
  return new RegExp(`already open in process ${pid}\\b[\\s\\S]*PORTAL_DATA_DIR[\\s\\S]*DATABASE_URL`);
}

describe("openPglite directory lock", () => {
  it("refuses a second process (and a server, which exits 1) while the first holds the directory, then takes over once it was killed", async () => {
    const directory = freshDirectory("two-processes");
    const holder = await startHolder(directory);
    expect(holderOf(directory)).toBe(holder.pid);

    await expect(openPglite(directory)).rejects.toThrow(refusal(holder.pid!));
    // Being refused must not unlock the directory for a third opener.
    expect(holderOf(directory)).toBe(holder.pid);

    // What `next start` runs first (instrumentation.ts): refused, it says why and exits at once.
    const server = run(["--import", "tsx", serverScript], {
      NEXT_RUNTIME: "nodejs",
      PORTAL_DATA_DIR: directory,
      DATABASE_URL: "",
    });
    const { code, ms } = await server.exit;
    expect(code).toBe(1);
    expect(server.output()).toMatch(refusal(holder.pid!));
    expect(server.output()).not.toContain("serving");
    expect(ms).toBeLessThan(10_000); // mostly tsx compiling the modules on a busy machine
    expect(holderOf(directory)).toBe(holder.pid);

    // SIGKILL runs no exit handler: the lock file stays behind, naming a dead process.
    holder.kill("SIGKILL");
    await exited(holder);
    expect(holderOf(directory)).toBe(holder.pid);

    const handle = await openPglite(directory);
    try {
      expect(holderOf(directory)).toBe(process.pid);
      const result = await handle.db.execute<{ one: number }>(sql`select 1 as one`);
      expect(result.rows[0]?.one).toBe(1);
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(lockOf(directory))).toBe(false);
  });

  it("refuses while the process named in the lock file is alive, before touching the data", async () => {
    const directory = freshDirectory("live-holder");
    const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(sleeper);
    fs.writeFileSync(lockOf(directory), JSON.stringify(processIdentity(sleeper.pid!)));
    try {
      await expect(openPglite(directory)).rejects.toThrow(refusal(sleeper.pid!));
      expect(holderOf(directory)).toBe(sleeper.pid);
      expect(fs.readdirSync(directory)).toEqual(["pglite.lock"]);
    } finally {
      sleeper.kill("SIGKILL");
      await exited(sleeper);
    }
  });

  it("takes over a lock left by a process that died (the lock's first format: a bare pid)", () => {
    const directory = freshDirectory("stale-lock");
    const dead = spawnSync(process.execPath, ["-e", ""]);
    expect(dead.status).toBe(0);
    fs.writeFileSync(lockOf(directory), String(dead.pid));

    const release = lockDataFolder(directory);
    expect(holderOf(directory)).toBe(process.pid);
    release();
    expect(fs.existsSync(lockOf(directory))).toBe(false);
  });
});

describe.runIf(fs.existsSync("/proc/self/stat"))("a lock naming a pid that is no longer its holder", () => {
  it("is taken over when the pid now belongs to another process (started at another time)", () => {
    const lockPath = path.join(freshDirectory("reused-pid"), "x.lock");
    const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(sleeper);
    // Its pid, as if it had been recorded by a holder that started at another time.
    fs.writeFileSync(lockPath, JSON.stringify({ pid: sleeper.pid, started: "1" }));
    const lock = acquireLock(lockPath, (pid) => `held by ${pid}`);
    expect(readLock(lockPath)?.pid).toBe(process.pid);
    lock.release();
    sleeper.kill("SIGKILL");
  });

  it("is taken over when its holder was killed but not yet reaped (a zombie)", async () => {
    const lockPath = path.join(freshDirectory("zombie"), "x.lock");
    // `sleep 0` exits at once; its parent becomes `sleep 30`, which never waits for it.
    const parent = spawn("bash", ["-c", "sleep 0 & echo $!; exec sleep 30"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    children.push(parent);
    const zombie = Number(await new Promise<string>((resolve) => parent.stdout!.once("data", resolve)));
    let state = "";
    for (let i = 0; i < 50 && state !== "Z"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stat = fs.readFileSync(`/proc/${zombie}/stat`, "utf8");
      state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]!;
    }
    expect(state).toBe("Z");
    fs.writeFileSync(lockPath, String(zombie));
    const lock = acquireLock(lockPath, (pid) => `held by ${pid}`);
    expect(readLock(lockPath)?.pid).toBe(process.pid);
    lock.release();
    parent.kill("SIGKILL");
  });

  it("whose supervisor died waits for its server to go, and refuses naming it if it does not", async () => {
    const lockPath = path.join(freshDirectory("orphan-server"), "x.lock");
    const dead = spawnSync(process.execPath, ["-e", ""]);
    const server = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(server);
    fs.writeFileSync(
      lockPath,
      JSON.stringify({ pid: dead.pid, started: "1", server: processIdentity(server.pid!) }),
    );
    expect(() => acquireLock(lockPath, (pid) => `held by ${pid}`, { waitForDyingMs: 200 })).toThrow(
      `held by ${server.pid}`,
    );
    server.kill("SIGKILL");
    await exited(server);
    const lock = acquireLock(lockPath, (pid) => `held by ${pid}`, { waitForDyingMs: 200 });
    expect(readLock(lockPath)?.pid).toBe(process.pid);
    lock.release();
  });
});

describe("npm start (scripts/start.mjs) on a data folder in use", () => {
  it("a second start exits with status 1 at once, naming the first, without building", async () => {
    const dataDir = freshDirectory("start-data");
    // A dist folder with a build but no stamp: were the lock not checked first, it would build.
    const distDir = path.join(workspace, "start-dist");
    fs.mkdirSync(distDir);
    fs.writeFileSync(path.join(distDir, "BUILD_ID"), "fake");

    const first = startScriptNoServe(dataDir, distDir);
    await untilPrinted(first, "would build (changed)");
    expect(holderOf(dataDir)).toBe(first.child.pid);

    const second = startScriptNoServe(dataDir, distDir);
    const { code, ms } = await second.exit;
    expect(code).toBe(1);
    expect(second.output()).toMatch(refusal(first.child.pid!));
    expect(second.output()).not.toMatch(/build/i);
    expect(ms).toBeLessThan(3_000);

    // Another data folder on the same build folder: refused too, the build a server reads is its own.
    const third = startScriptNoServe(freshDirectory("start-data-2"), distDir);
    expect((await third.exit).code).toBe(1);
    expect(third.output()).toContain(`is in use by the portal running in process ${first.child.pid}`);

    // The server `npm start` runs opens the database under its parent's lock…
    const server = await startHolder(dataDir, { PORTAL_LOCK_OWNER: String(first.child.pid) });
    // …and goes at once when its parent is killed, so that a restart can take the lock.
    first.child.kill("SIGKILL");
    await exited(server);
    expect(server.exitCode).toBe(1);
    const restarted = startScriptNoServe(dataDir, distDir);
    await untilPrinted(restarted, "would build");
    expect(holderOf(dataDir)).toBe(restarted.child.pid);
    restarted.child.stdin!.end();
    expect((await restarted.exit).code).toBe(0);
    expect(fs.existsSync(lockOf(dataDir))).toBe(false);
  });
});
