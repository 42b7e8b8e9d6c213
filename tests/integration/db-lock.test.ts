import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";

/*
 * PGlite takes no lock of its own: two processes on one directory silently lose rows. These tests
 * use real processes, because the lock is only worth anything across processes.
 */

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const clientModule = pathToFileURL(path.join(repoRoot, "db", "client.ts")).href;

let workspace: string;
let holderScript: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "portal-lock-"));
  holderScript = path.join(workspace, "holder.mts");
  // Opens the directory, says so, and stays until killed (or until the test process goes away).
  fs.writeFileSync(
    holderScript,
    [
      `import { openPglite } from ${JSON.stringify(clientModule)};`,
      `await openPglite(process.argv[2]);`,
      `process.stdout.write("ready\\n");`,
      `process.stdin.on("end", () => process.exit(0)).resume();`,
      `setTimeout(() => process.exit(1), 60_000);`,
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

/** Another Node process that opens `directory` with openPglite and keeps it open. */
function startHolder(directory: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", holderScript, directory], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
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
  it("refuses a second process while the first has the directory open, then takes over once it died", async () => {
    const directory = freshDirectory("two-processes");
    const holder = await startHolder(directory);
    expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(holder.pid));

    await expect(openPglite(directory)).rejects.toThrow(refusal(holder.pid!));
    // Being refused must not unlock the directory for a third opener.
    expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(holder.pid));

    // SIGKILL runs no exit handler: the lock file stays behind, naming a dead process.
    holder.kill("SIGKILL");
    await exited(holder);
    expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(holder.pid));

    const handle = await openPglite(directory);
    try {
      expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(process.pid));
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
    fs.writeFileSync(lockOf(directory), String(sleeper.pid));
    try {
      await expect(openPglite(directory)).rejects.toThrow(refusal(sleeper.pid!));
      expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(sleeper.pid));
      expect(fs.readdirSync(directory)).toEqual(["pglite.lock"]);
    } finally {
      sleeper.kill("SIGKILL");
      await exited(sleeper);
    }
  });

  it("takes over a lock left by a process that died, and removes it on close()", async () => {
    const directory = freshDirectory("stale-lock");
    const dead = spawnSync(process.execPath, ["-e", ""]);
    expect(dead.status).toBe(0);
    fs.writeFileSync(lockOf(directory), String(dead.pid));

    const handle = await openPglite(directory);
    expect(fs.readFileSync(lockOf(directory), "utf8")).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(lockOf(directory))).toBe(false);
  });
});
