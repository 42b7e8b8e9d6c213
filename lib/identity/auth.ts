import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "./secret";
import { checkCredentials } from "./accounts";
import { signInSchema } from "./schema";

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // Deployed behind the state's own proxy; the host header is set by it.
  trustHost: true,
  // Credentials sign-in works only with JWT sessions (STACK-NOTES.md).
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/vi/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await checkCredentials(parsed.data.email, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        return { id: user.id, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.userId = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.userId === "string") session.user.id = token.userId;
      return session;
    },
  },
});
