// One holder at a time for a folder: the embedded database (PGlite takes no lock of its own, and two
// processes on one directory silently lose rows) and the build folder a running server reads.
// Plain JavaScript so that scripts/start.mjs can take the lock before anything is built; db/client.ts
// uses the same code.
//
// A lock is a file created with O_EXCL holding who owns it:
//   {"pid":123,"started":"4567","boot":"…","server":{"pid":124,"started":"4570"}}
// `started` is the process's start time (clock ticks since boot, /proc/<pid>/stat) and `boot` the
// kernel's boot id. A pid alone is not enough: after a kill -9 the pid may already belong to an
// unrelated process (a new lock would then be refused forever), and a process that was just killed
// still answers kill(pid, 0) while it is a zombie. So a holder counts as alive only if a process with
// that pid exists, is not a zombie, started at the recorded time, and we are on the same boot. No
// heartbeat: a heartbeat can be missed by a busy event loop (a long migration, a build) and would
// let a second process in next to a live one. Where /proc does not exist (macOS), liveness falls
// back to kill(pid, 0).
//
// `server` is the server child of `npm start` (scripts/server.mjs): it opens the database under its
// parent's lock (PORTAL_LOCK_OWNER=<parent pid>) and is recorded too, so a lock whose supervisor
// died while its server still runs is not taken over until that server has gone (it notices within
// a second and exits, see watchOwner).
import fs from "node:fs";
import path from "node:path";

export class LockHeldError extends Error {
  /** @param {string} message @param {number} holder */
  constructor(message, holder) {
    super(message);
    this.name = "LockHeldError";
    this.holder = holder;
  }
}

function readFileOrNull(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

const bootId = readFileOrNull("/proc/sys/kernel/random/boot_id")?.trim() || null;
const hasProc = fs.existsSync("/proc/self/stat");

/** Start time and state of a process from /proc, or null when there is no such process. */
function procStat(pid) {
  const text = readFileOrNull(`/proc/${pid}/stat`);
  if (text === null) return null;
  // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], started: fields[19] };
}

/** @returns {{pid: number, started: string | null}} */
export function processIdentity(pid) {
  return { pid, started: hasProc ? (procStat(pid)?.started ?? null) : null };
}

/** Whether the process recorded as `{pid, started}` is still running (not dead, dying or replaced). */
export function isRunning(record, boot = bootId) {
  if (!record || !Number.isInteger(record.pid) || record.pid <= 0) return false;
  if (record.boot && boot && record.boot !== boot) return false;
  if (hasProc) {
    const stat = procStat(record.pid);
    if (!stat) return false;
    if (stat.state === "Z" || stat.state === "X") return false;
    if (record.started && stat.started !== record.started) return false;
    return true;
  }
  try {
    process.kill(record.pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The lock file's record; the first version of the lock held a bare pid. */
export function readLock(lockPath) {
  const text = readFileOrNull(lockPath);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed === "number") return { pid: parsed, started: null, boot: null, text };
    return { ...parsed, text };
  } catch {
    return { pid: Number(text.trim()) || 0, started: null, boot: null, text };
  }
}

/** The live process holding the lock (the supervisor, else its server), or null if the lock is stale. */
export function liveHolder(record) {
  if (!record) return null;
  if (isRunning(record)) return record.pid;
  if (record.server && isRunning({ ...record.server, boot: record.boot })) return record.server.pid;
  return null;
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a stale lock under a short-lived mutex, so two starters that both found it stale cannot
 * remove each other's fresh lock. A mutex left by a process killed in these few lines expires.
 */
function removeStale(lockPath, staleText) {
  const mutex = `${lockPath}.takeover`;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      fs.closeSync(fs.openSync(mutex, "wx"));
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        if (Date.now() - fs.statSync(mutex).mtimeMs > 5_000) fs.unlinkSync(mutex);
      } catch {
        // released meanwhile
      }
      sleepSync(50);
      continue;
    }
    try {
      if (readFileOrNull(lockPath) === staleText) fs.unlinkSync(lockPath);
    } finally {
      fs.unlinkSync(mutex);
    }
    return;
  }
}

/**
 * Takes the lock at `lockPath` for this process, or throws LockHeldError with `refusal(pid)`.
 * A lock whose holder is gone is taken over; one whose supervisor died while its server still runs
 * is taken over once that server has exited (waiting up to `waitForDyingMs`).
 * @returns {{ release: () => void, setServer: (pid: number) => void }}
 */
export function acquireLock(lockPath, refusal, { waitForDyingMs = 5_000 } = {}) {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me = { ...processIdentity(process.pid), boot: bootId };
  let mine = JSON.stringify(me);
  const deadline = Date.now() + waitForDyingMs;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, mine);
      fs.closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const record = readLock(lockPath);
    if (record === null) continue; // released between our attempt and this read
    if (record.pid === process.pid && record.started === me.started) return noopLock();
    const holder = liveHolder(record);
    if (holder !== null) {
      // The supervisor is alive: refuse at once. Only its server is alive: it is on its way out.
      if (holder === record.pid || Date.now() > deadline) throw new LockHeldError(refusal(holder), holder);
      sleepSync(100);
      continue;
    }
    removeStale(lockPath, record.text);
  }
  const release = () => {
    if (readFileOrNull(lockPath) === mine) {
      try {
        fs.unlinkSync(lockPath);
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", release);
  return {
    release: () => {
      process.removeListener("exit", release);
      release();
    },
    setServer: (pid) => {
      const next = JSON.stringify({ ...me, server: processIdentity(pid) });
      const temporary = `${lockPath}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, next);
      fs.renameSync(temporary, lockPath); // atomic: a reader sees the old or the new record
      mine = next;
    },
  };
}

function noopLock() {
  return { release: () => {}, setServer: () => {} };
}

/**
 * For a process started by the lock's holder (PORTAL_LOCK_OWNER=<holder pid>): true when the lock
 * is held by that live process, which then answers for this one.
 */
export function heldByOwner(lockPath, ownerPid) {
  const record = readLock(lockPath);
  return Boolean(record && record.pid === ownerPid && isRunning(record));
}

/**
 * Exits this process once the owner is gone (killed with -9, say): its lock is then stale and the
 * next start will take it over, so this process must not keep the database open.
 */
export function watchOwner(ownerPid, onGone) {
  const owner = { ...processIdentity(ownerPid), boot: bootId };
  const timer = setInterval(() => {
    if (!isRunning(owner)) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

/** The embedded database's lock, and the refusal every opener prints. */
export function dataLockPath(directory) {
  return path.join(directory, "pglite.lock");
}

/**
 * Locks the embedded database's folder for this process, or throws LockHeldError. A process started
 * by `npm start` (PORTAL_LOCK_OWNER=<its pid>) opens it under its parent's lock instead, and exits
 * at once if the parent dies: the lock is then stale and the next start takes it over.
 * @returns {() => void} release
 */
export function lockDataFolder(directory, env = process.env) {
  const lockPath = dataLockPath(directory);
  const owner = Number(env.PORTAL_LOCK_OWNER);
  if (owner && heldByOwner(lockPath, owner)) {
    return watchOwner(owner, () => {
      console.error(`The process that started this server (${owner}) is gone: stopping.`);
      process.exit(1);
    });
  }
  return acquireLock(lockPath, dataRefusal(directory)).release;
}

export function dataRefusal(directory) {
  return (pid) =>
    `The embedded database in ${directory} is already open in process ${pid}. ` +
    `Stop that process first, or set PORTAL_DATA_DIR to another folder, or set DATABASE_URL to use a PostgreSQL server.`;
}
