// Types for pageCopies.mjs (plain JavaScript so that scripts/server.mjs can use it).
export const copyLifetimeMs: number;
export type PageCopy = {
  statusCode: number;
  headers: [string, string | number | string[]][];
  body: Buffer;
  storedAt: number;
};
export function shareableRequestKey(request: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): string | null;
export function shareableResponse(statusCode: number, header: (name: string) => unknown): boolean;
export class PageCopies {
  constructor(options?: { maxBytes?: number; lifetimeMs?: number; now?: () => number });
  readonly bytes: number;
  get(key: string): PageCopy | undefined;
  refresh(key: string): () => void;
  put(key: string, copy: Omit<PageCopy, "storedAt">): void;
  delete(key: string): void;
  clear(): void;
}
export function registerPageCopies(copies: PageCopies): void;
export function dropPageCopies(): void;
