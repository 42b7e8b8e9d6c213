/**
 * The official slips (DOMAIN.md "The official slips"): which exist for a dossier, who may read
 * them, and what slip 06 lists. Pure: no I/O, so every rule here is unit-tested.
 */

/** The slips printed from one dossier. The register (07) is per agency and period: see register.ts. */
export const slipNumbers = ["01", "02", "03", "04", "05", "06"] as const;
export type SlipNumber = (typeof slipNumbers)[number];

export function isSlipNumber(value: unknown): value is SlipNumber {
  return typeof value === "string" && (slipNumbers as readonly string[]).includes(value);
}

/**
 * The "will be late" transition's event: the officer's apology approved by the head of unit. Its
 * details are { reason, originalDueAt, newDueAt } (ISO instants); slip 04 reads exactly these.
 */
export const delayAction = "approve_delay";

/** The event whose existence issues each slip; 06 (the control slip) exists once the dossier is filed. */
export const slipTrigger: Record<SlipNumber, string | null> = {
  "01": "accept",
  "02": "request_supplement",
  "03": "refuse",
  "04": delayAction,
  "05": "stop",
  "06": null,
};

/** Slips addressed to the applicant; 06 is the agency's internal record of who held the dossier. */
export const applicantSlips: readonly SlipNumber[] = ["01", "02", "03", "04", "05"];

export type SlipReader = "staff" | "applicant";

/** An event as the slips read it; `action` is a string so events of newer transitions fit too. */
export type SlipEvent = {
  id: number;
  at: Date;
  action: string;
  comment: string | null;
  details: Record<string, unknown> | null;
  actorName: string | null;
};

const byTime = (a: SlipEvent, b: SlipEvent) => a.at.getTime() - b.at.getTime() || a.id - b.id;

/**
 * The event a slip is printed from: the first acceptance for 01 (a dossier accepted again after a
 * supplement keeps its original receipt), the latest request, refusal, apology or stop for the others.
 */
export function triggerEvent(slip: SlipNumber, events: readonly SlipEvent[]): SlipEvent | null {
  const action = slipTrigger[slip];
  if (action === null) return null;
  const matching = events.filter((event) => event.action === action).sort(byTime);
  return (slip === "01" ? matching[0] : matching.at(-1)) ?? null;
}

/** Whether this reader may have this slip at all (before asking whether it exists). */
export function mayRead(slip: SlipNumber, reader: SlipReader): boolean {
  return reader === "staff" || applicantSlips.includes(slip);
}

/** The slips of a filed dossier this reader may print now, in order. A draft (no code) has none. */
export function availableSlips(
  dossier: { code: string | null },
  events: readonly SlipEvent[],
  reader: SlipReader,
): SlipNumber[] {
  if (!dossier.code) return [];
  return slipNumbers.filter(
    (slip) => mayRead(slip, reader) && (slipTrigger[slip] === null || triggerEvent(slip, events) !== null),
  );
}

export type DelayDetails = { reason: string; originalDueAt: Date; newDueAt: Date };

/** Slip 04's facts from the apology event, or null when they are not all there and valid. */
export function delayDetails(event: Pick<SlipEvent, "details" | "comment">): DelayDetails | null {
  const details = event.details ?? {};
  const reason = typeof details.reason === "string" && details.reason.trim() ? details.reason : event.comment;
  const originalDueAt = instant(details.originalDueAt);
  const newDueAt = instant(details.newDueAt);
  if (!reason?.trim() || !originalDueAt || !newDueAt) return null;
  return { reason: reason.trim(), originalDueAt, newDueAt };
}

function instant(value: unknown): Date | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Who gave or took the dossier at a hand-over, named in content.ts. */
export type Party =
  | { kind: "applicant" }
  | { kind: "person"; name: string; side: "receiving" | "competent" | null }
  | { kind: "desk" }
  | { kind: "agency"; side: "receiving" | "competent" }
  | { kind: "head" };

export type Timing = "early" | "onTime" | "late";

export type HandOver = {
  at: Date;
  action: string;
  sender: Party;
  receiver: Party;
  /** For a result (decided, returned): measured against the appointment then in force. */
  timing: Timing | null;
  note: string | null;
};

/** Vietnam keeps UTC+7 all year: a local calendar date without a time-zone library. */
const vietnamOffsetMs = 7 * 60 * 60 * 1000;
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/**
 * Circular 01/2018's three results: before the appointment day, on it, after the appointment.
 * A result on the appointment day but after its hour is late.
 */
export function timingOf(at: Date, dueAt: Date | null): Timing | null {
  if (!dueAt) return null;
  if (at.getTime() > dueAt.getTime()) return "late";
  return vietnamDate(at) < vietnamDate(dueAt) ? "early" : "onTime";
}

/**
 * Slip 06: every event that moved the dossier from one holder to another, oldest first. The
 * appointment each result is measured against is the one in force then: set at acceptance and moved
 * only by a clock stop (supplement); an apology's new date does not excuse lateness (DOMAIN.md).
 */
export function handOvers(
  events: readonly SlipEvent[],
  names: { assignee: (userId: string) => string | null },
): HandOver[] {
  const out: HandOver[] = [];
  let dueAt: Date | null = null;
  let accepted = false;
  const person = (event: SlipEvent, side: "receiving" | "competent" | null): Party =>
    event.actorName
      ? { kind: "person", name: event.actorName, side }
      : side === "receiving"
        ? { kind: "desk" }
        : { kind: "head" };
  for (const event of [...events].sort(byTime)) {
    const details = event.details ?? {};
    const push = (sender: Party, receiver: Party, timing: Timing | null = null) =>
      out.push({
        at: event.at,
        action: event.action,
        sender,
        receiver,
        timing,
        note: event.comment?.trim() || null,
      });
    switch (event.action) {
      case "submit":
        push({ kind: "applicant" }, { kind: "desk" });
        break;
      case "accept":
        dueAt = instant(details.dueAt) ?? dueAt;
        accepted = true;
        push(person(event, "receiving"), { kind: "agency", side: "competent" });
        break;
      case "request_supplement":
        push(person(event, accepted ? "competent" : "receiving"), { kind: "applicant" });
        break;
      case "supplement":
        dueAt = instant(details.dueAt) ?? dueAt;
        push({ kind: "applicant" }, accepted ? { kind: "agency", side: "competent" } : { kind: "desk" });
        break;
      case "refuse":
        push(person(event, "receiving"), { kind: "applicant" });
        break;
      case "assign": {
        const id = typeof details.assigneeId === "string" ? details.assigneeId : null;
        const name = id ? names.assignee(id) : null;
        push(
          person(event, null),
          name ? { kind: "person", name, side: "competent" } : { kind: "agency", side: "competent" },
        );
        break;
      }
      case "propose":
        push(person(event, "competent"), { kind: "head" });
        break;
      case "approve":
      case "deny":
        push(person(event, "competent"), { kind: "desk" }, timingOf(event.at, dueAt));
        break;
      case "return_result":
        push(person(event, "receiving"), { kind: "applicant" }, timingOf(event.at, dueAt));
        break;
      case "withdraw":
        push({ kind: "applicant" }, accepted ? { kind: "agency", side: "competent" } : { kind: "desk" });
        break;
      case "stop":
        push(person(event, "competent"), { kind: "applicant" });
        break;
      case delayAction:
        push(person(event, "competent"), { kind: "applicant" });
        break;
      case "transfer":
        // To the next agency of the chain, which becomes the deciding one.
        push(person(event, "competent"), { kind: "agency", side: "competent" });
        break;
      case "release":
        push(person(event, "competent"), { kind: "head" });
        break;
      default:
      // Publishing a decision, and anything else, leaves the dossier where it is.
    }
  }
  return out;
}

/** The file a slip downloads as: ASCII, with the slip's number and the dossier's code. */
export function slipFileName(slip: SlipNumber | "07", key: string, lang: "vi" | "en"): string {
  const safe = key.replace(/[^A-Za-z0-9.-]/g, "_");
  const name = slip === "07" ? `so-theo-doi-${safe}` : `phieu-${slip}-${safe}`;
  return `${name}${lang === "en" ? "-en" : ""}.pdf`;
}

/** The register's longest period: a year, so one PDF stays a size a printer and a person can use. */
export const registerMaxDays = 366;

/** The most dossiers one register lists; beyond it the PDF says how many were left out. */
export const registerMaxRows = 3000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(date: string): number | null {
  if (!isoDate.test(date)) return null;
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) return null;
  return time / 86_400_000;
}

export type RegisterPeriod = { from: string; to: string };

/**
 * The register's period, both ends included, as Vietnam dates; error keys (slips namespace) per
 * field otherwise. The instants it covers are `registerInstants`.
 */
export function registerPeriod(input: {
  from?: unknown;
  to?: unknown;
}): { ok: true; value: RegisterPeriod } | { ok: false; issues: Record<string, string[]> } {
  const issues: Record<string, string[]> = {};
  const read = (field: "from" | "to") => {
    const raw = typeof input[field] === "string" ? (input[field] as string).trim() : "";
    if (!raw) issues[field] = ["register.errors.dateRequired"];
    else if (dayNumber(raw) === null) issues[field] = ["register.errors.dateFormat"];
    return raw;
  };
  const from = read("from");
  const to = read("to");
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const span = dayNumber(to)! - dayNumber(from)!;
  if (span < 0) return { ok: false, issues: { to: ["register.errors.toBeforeFrom"] } };
  if (span + 1 > registerMaxDays) return { ok: false, issues: { to: ["register.errors.rangeTooLong"] } };
  return { ok: true, value: { from, to } };
}

/** The register's form starts at this month so far, in Vietnam's days. */
export function registerDefaultPeriod(now: Date): RegisterPeriod {
  const today = vietnamDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The instants of a period: from the start of its first Vietnam day to the start of the day after its last. */
export function registerInstants(period: RegisterPeriod): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${period.from}T00:00:00Z`) - vietnamOffsetMs);
  const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000 - vietnamOffsetMs);
  return { start, end };
}

/** The public lookup page of a dossier, which the slips' QR codes open. */
export function lookupUrl(origin: string, lang: "vi" | "en", code: string): string {
  return `${origin.replace(/\/+$/, "")}/${lang}/lookup?code=${encodeURIComponent(code)}`;
}
