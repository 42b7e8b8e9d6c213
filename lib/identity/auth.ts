import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cleanText } from "@/lib/forms/formText";
import { authSecret } from "./secret";
import { endSessions, sessionIsCurrent, signInWithPassword } from "./accounts";
import { clientAddress, trustedProxyHops } from "./rules";
import { signInSchema } from "./schema";

/**
 * Too many attempts for this account or from this address. The sign-in page shows the wait; the
 * HTTP endpoint redirects to the sign-in page with `code=too_many_attempts`.
 */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

/** The client's address of a request, as far as the deployment lets us know it (see rules.ts). */
export function requestAddress(headers: Headers): string {
  return clientAddress(headers.get("x-forwarded-for"), trustedProxyHops(process.env));
}

// The credentials endpoint takes posts that never went through a form's reader: clean them here too.
const withoutNul = (value: unknown) => (typeof value === "string" ? cleanText(value) : value);

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Auth.js builds its URLs from the request; app/api/auth/[...nextauth]/route.ts first gives the
  // request the public origin (AUTH_URL, or the forwarded host behind a trusted proxy).
  trustHost: true,
  // Credentials sign-in works only with JWT sessions (STACK-NOTES.md).
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/vi/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Both the sign-in page (its server action) and POST /api/auth/callback/credentials come here.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse({
          email: withoutNul(raw?.email),
          password: withoutNul(raw?.password),
        });
        if (!parsed.success) throw new CredentialsSignin();
        const outcome = await signInWithPassword(
          parsed.data.email,
          parsed.data.password,
          requestAddress(request.headers),
        );
        if (outcome.ok) {
          const { id, name, sessionVersion } = outcome.user;
          return { id, name, sessionVersion };
        }
        if (outcome.error === "too_many_attempts") throw new TooManyAttempts(outcome.retryAfterMinutes);
        throw new CredentialsSignin();
      },
    }),
  ],
  callbacks: {
    // At sign-in the token gets the user's session version; on every later request it must still be
    // the user's current one, or the session is over (signed out, password changed, disabled, roles
    // changed): returning null ends it.
    async jwt({ token, user }) {
      if (user?.id) {
        token.userId = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
        return token;
      }
      return (await sessionIsCurrent(token.userId, token.sessionVersion)) ? token : null;
    },
    session({ session, token }) {
      if (typeof token.userId === "string") session.user.id = token.userId;
      if (typeof token.sessionVersion === "number") {
        (session as { sessionVersion?: number }).sessionVersion = token.sessionVersion;
      }
      return session;
    },
  },
  events: {
    // Signing out ends every session of the person, so a copied session cookie stops working too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.userId === "string" && typeof token.sessionVersion === "number") {
        await endSessions(token.userId, token.sessionVersion);
      }
    },
  },
});
