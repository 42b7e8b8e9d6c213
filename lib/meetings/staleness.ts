/*
 * The version guard of a meeting's forms (pure). Every form of the meeting's page carries the
 * meeting's version (a hidden field); meetings.version moves on every change to the meeting, its
 * agenda, its items, its attendance or its minutes (core.ts touchMeeting).
 *
 * Which posts are guarded: those of the secretary and the chair that change the meeting's agenda
 * or state (add, move or defer an item, publish, cancel, open or close the session or a vote, call
 * the next speaker, conclude, the minutes). They are decisions taken on what the page showed, so a
 * post made on an older version is refused ("stale") and nothing is applied; the page comes back
 * as it is now.
 *
 * Not guarded: a member's own answer (the invitation, checking in, a vote, a comment, asking to
 * speak or withdrawing that request) and sending a dossier from the dossier's page. Each changes
 * only the member's own row and is checked against the state it needs instead (a vote only while
 * its item is open for voting, a check-in only in session, an answer only before the session), so
 * refusing it because someone else changed something unrelated would only make the member post
 * again. A vote does not move the version either: the chair's "close the vote" would otherwise go
 * stale with every ballot (the live count refreshes by its own poll).
 */

export const unguardedOps: ReadonlySet<string> = new Set([
  "create",
  "respond",
  "check_in",
  "vote",
  "comment",
  "speak",
  "withdraw_speak",
  "send_dossier",
]);

/** The version a post says it saw: NaN (always stale) when a guarded form sent none or garbage. */
export function seenVersion(op: string, raw: string | null | undefined): { version?: number } {
  if (unguardedOps.has(op)) return {};
  const text = (raw ?? "").trim();
  return { version: /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN };
}

/** Whether a post that saw `seen` is too old for the meeting at `current` (no version: not guarded). */
export function isStale(seen: { version?: number } | undefined, current: number): boolean {
  return seen?.version !== undefined && seen.version !== current;
}
