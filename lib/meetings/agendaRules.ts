/*
 * Small rules of a meeting's agenda (pure, unit-tested in tests/unit/meeting-agenda-rules.test.ts).
 */

/**
 * Whether an item can be deferred: not once decided (or already deferred), and not while its vote
 * is open (the chair closes the vote first: ballots already cast are never thrown away silently).
 */
export function deferrable(status: string): boolean {
  return status === "pending" || status === "discussing";
}

/** Whether a member can still ask to speak on an item: not once it is decided or deferred. */
export function openForSpeakers(status: string): boolean {
  return status === "pending" || status === "discussing" || status === "voting";
}

/** The message key for a reason (cancelling, deferring, withdrawing), or null when it will do. */
export function reasonProblem(reason: string, max = 2000): "errors.required" | "errors.tooLong" | null {
  const text = reason.trim();
  if (!text) return "errors.required";
  if (text.length > max) return "errors.tooLong";
  return null;
}
