// Types for lock.mjs (plain JavaScript so that scripts/start.mjs can use it before any build).
export type ProcessRecord = { pid: number; started: string | null; boot?: string | null };
export type LockRecord = ProcessRecord & { server?: ProcessRecord; text: string };
export type Lock = { release: () => void; setServer: (pid: number) => void };

export class LockHeldError extends Error {
  constructor(message: string, holder: number);
  holder: number;
}
export function processIdentity(pid: number): ProcessRecord;
export function isRunning(record: ProcessRecord | null | undefined, boot?: string | null): boolean;
export function readLock(lockPath: string): LockRecord | null;
export function liveHolder(record: LockRecord | null): number | null;
export function acquireLock(
  lockPath: string,
  refusal: (pid: number) => string,
  options?: { waitForDyingMs?: number },
): Lock;
export function heldByOwner(lockPath: string, ownerPid: number): boolean;
export function watchOwner(ownerPid: number, onGone: () => void): () => void;
export function dataLockPath(directory: string): string;
export function lockDataFolder(directory: string, env?: Record<string, string | undefined>): () => void;
export function dataRefusal(directory: string): (pid: number) => string;
