/*
 * The staff queue's view as GET parameters, so a filtered, sorted view is a link and works without
 * JavaScript. Pure: anything that does not parse is simply left out (the queue then shows more, never
 * an error page), and writing back gives the same link.
 */
import { searchable } from "@/lib/text/normalize";
import { defaultQueueBucket, isQueueBucket, type QueueBucket } from "./buckets";
import { dossierStatuses, type DossierStatus } from "./types";

export const queueSorts = ["due", "submitted"] as const;
export type QueueSort = (typeof queueSorts)[number];

export const queueChannels = { desk: 1, online: 2, post: 3 } as const;
export type QueueChannel = keyof typeof queueChannels;

/** What the search box holds, recognised: a dossier code, a 12-digit ID number, or words of a name. */
export type QueueSearch =
  { kind: "code"; code: string } | { kind: "idNumber"; idNumber: string } | { kind: "name"; words: string[] };

export type QueueView = {
  bucket: QueueBucket;
  sort: QueueSort;
  procedureId?: string;
  status?: DossierStatus;
  channel?: QueueChannel;
  /** Submitted on or after this local date (yyyy-mm-dd, Vietnam time). */
  from?: string;
  /** Submitted on or before this local date. */
  to?: string;
  assigneeId?: string;
  /** The search box as typed (trimmed), and what it was recognised as. */
  q?: string;
  search?: QueueSearch;
};

export type QueryParams = Record<string, string | string[] | undefined>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** Agency code, day, sequence: 000.00.01.H50-260501-0001 (lib/dossiers/rules.ts formatDossierCode). */
const codePattern = /^[0-9A-Za-z.]+-\d{6}-\d{4}$/;
const maxSearchLength = 100;

const single = (value: string | string[] | undefined) =>
  typeof value === "string" ? value.trim() : undefined;

function validDate(text: string | undefined): string | undefined {
  if (!text || !datePattern.test(text)) return undefined;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text) ? text : undefined;
}

export function parseQueueSearch(text: string): QueueSearch | undefined {
  const trimmed = text.trim().slice(0, maxSearchLength);
  if (trimmed.length === 0) return undefined;
  const digits = trimmed.replace(/\s+/g, "");
  if (/^\d{12}$/.test(digits)) return { kind: "idNumber", idNumber: digits };
  if (codePattern.test(trimmed)) return { kind: "code", code: trimmed.toUpperCase() };
  const words = searchable(trimmed)
    .split(" ")
    .filter((word) => word.length > 0)
    .slice(0, 8);
  return words.length > 0 ? { kind: "name", words } : undefined;
}

export function parseQueueView(query: QueryParams): QueueView {
  const bucket = single(query.bucket);
  const sort = single(query.sort);
  const status = single(query.status);
  const channel = single(query.channel);
  const procedure = single(query.procedure);
  const officer = single(query.officer);
  let from = validDate(single(query.from));
  let to = validDate(single(query.to));
  // A range typed backwards means the same days.
  if (from && to && from > to) [from, to] = [to, from];
  const q = single(query.q)?.slice(0, maxSearchLength);
  const search = q ? parseQueueSearch(q) : undefined;
  return {
    bucket: isQueueBucket(bucket) ? bucket : defaultQueueBucket,
    sort: sort === "submitted" ? "submitted" : "due",
    ...(procedure && uuidPattern.test(procedure) ? { procedureId: procedure.toLowerCase() } : {}),
    ...(status && status !== "draft" && (dossierStatuses as readonly string[]).includes(status)
      ? { status: status as DossierStatus }
      : {}),
    ...(channel && channel in queueChannels ? { channel: channel as QueueChannel } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(officer && uuidPattern.test(officer) ? { assigneeId: officer.toLowerCase() } : {}),
    ...(q && search ? { q, search } : {}),
  };
}

/** The view as GET parameters, defaults left out so links stay short; cursors are added by the page. */
export function queueViewParams(view: QueueView, overrides: Partial<QueueView> = {}): URLSearchParams {
  const merged = { ...view, ...overrides };
  const params = new URLSearchParams();
  if (merged.bucket !== defaultQueueBucket) params.set("bucket", merged.bucket);
  if (merged.sort !== "due") params.set("sort", merged.sort);
  if (merged.procedureId) params.set("procedure", merged.procedureId);
  if (merged.status) params.set("status", merged.status);
  if (merged.channel) params.set("channel", merged.channel);
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.assigneeId) params.set("officer", merged.assigneeId);
  if (merged.q) params.set("q", merged.q);
  return params;
}

/** Whether anything narrows the list beyond its tab. */
export function hasFilters(view: QueueView): boolean {
  return Boolean(
    view.procedureId || view.status || view.channel || view.from || view.to || view.assigneeId || view.search,
  );
}

/** Start of a local (Vietnam, UTC+7) date as an instant. */
export function localDayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}
