/**
 * What a meeting form's post did, carried back in the page's address after the redirect (so the
 * page works with JavaScript off): the operation, and on failure the error, the fields' message
 * keys and the text typed (never a password).
 */
export type Outcome =
  | { op: string; done: true }
  | {
      op: string;
      done: false;
      error: string;
      issues: Record<string, string[]>;
      values: Record<string, string>;
      itemId?: string;
    };

export function encodeOutcome(outcome: Outcome): string {
  return new URLSearchParams({ outcome: JSON.stringify(outcome) }).toString();
}

export function decodeOutcome(value: string | string[] | undefined): Outcome | null {
  if (typeof value !== "string" || value.length > 20_000) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Outcome> & Record<string, unknown>;
    if (typeof parsed.op !== "string") return null;
    if (parsed.done === true) return { op: parsed.op, done: true };
    if (typeof parsed.error !== "string") return null;
    const strings = (object: unknown) =>
      Object.fromEntries(
        Object.entries(typeof object === "object" && object ? object : {}).filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        ),
      );
    const issues = Object.fromEntries(
      Object.entries(typeof parsed.issues === "object" && parsed.issues ? parsed.issues : {})
        .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
        .map(([field, list]) => [field, list.filter((m): m is string => typeof m === "string")]),
    );
    return {
      op: parsed.op,
      done: false,
      error: parsed.error,
      issues,
      values: strings(parsed.values),
      ...(typeof parsed.itemId === "string" ? { itemId: parsed.itemId } : {}),
    };
  } catch {
    return null;
  }
}
