// Types for csp.mjs (plain JavaScript so that scripts/server.mjs can use it outside Next's bundler).
export function otherDirectives(options?: { dev?: boolean }): string[];
export function contentSecurityPolicy(options?: { dev?: boolean; scriptHashes?: readonly string[] }): string;
export function inlineScripts(html: string): string[];
export function scriptHash(text: string): string;
export function policyForHtml(html: string): string;
