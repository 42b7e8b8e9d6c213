import type { ErrorLink } from "./ErrorSummary";

/** Field issues from a zod tree (message keys) -> translated links for the error summary. */
export function errorLinks(
  issues: Record<string, string[] | undefined>,
  translate: (key: string) => string,
  idFor: (field: string) => string = (field) => field,
): ErrorLink[] {
  return Object.entries(issues)
    .filter(([, messages]) => messages && messages.length > 0)
    .map(([field, messages]) => ({ href: `#${idFor(field)}`, message: translate(messages![0]!) }));
}
