/**
 * Where to go after signing in. Only a path on this site under a language is accepted, so a crafted
 * link cannot send someone to another site ("//evil.example", "/\\evil", "https://…").
 */
export function safeCallbackUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  if (!/^\/(vi|en)\//.test(value)) return null;
  if (/[\\\s]/.test(value) || value.includes("//")) return null;
  return value;
}

export function signInUrl(lang: string, callbackUrl: string): string {
  return `/${lang}/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/** Sign-in and sign-up link to each other and keep where the reader was going. */
export function accountPageUrl(
  lang: string,
  page: "sign-in" | "sign-up",
  callbackUrl: string | null,
): string {
  return callbackUrl ? `/${lang}/${page}?callbackUrl=${encodeURIComponent(callbackUrl)}` : `/${lang}/${page}`;
}
