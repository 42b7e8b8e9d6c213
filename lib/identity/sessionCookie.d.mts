// Types for sessionCookie.mjs (plain JavaScript so that scripts/server.mjs can use it).
export function mayHaveSession(cookieNames: string[]): boolean;
export function cookieNamesIn(cookieHeader: string | undefined | null): string[];
export function cookieValueIn(cookieHeader: string | undefined | null, name: string): string | undefined;
