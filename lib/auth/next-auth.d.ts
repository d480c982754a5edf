import type { DefaultSession } from "next-auth";

// The session carries the user's id next to name and email (see lib/auth/auth-options.ts).
declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string } & Omit<NonNullable<DefaultSession["user"]>, "name" | "email">;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's id (next-auth's standard subject claim). */
    sub?: string;
    name?: string | null;
    email?: string | null;
    /** The row in user_sessions that keeps this session valid (lib/auth/user-sessions.ts). */
    sid?: string;
  }
}
