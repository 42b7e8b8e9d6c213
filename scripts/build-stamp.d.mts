// Types for build-stamp.mjs (plain JavaScript: `npm start` runs it before anything is built).
export const sourceFolders: string[];
export const sourceFiles: string[];
export function listSourceFiles(root: string): string[];
export function sourceStamp(root: string, env?: Record<string, string | undefined>): string;
export function buildDecision(
  root: string,
  distDir: string,
  stamp?: string,
): { build: false } | { build: true; reason: "no-build" | "changed" };
export function writeStamp(root: string, distDir: string, stamp?: string): void;
