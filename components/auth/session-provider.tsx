"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

// The session is fetched by the client after the (cached, viewer-independent) page arrives.
export function AuthSessionProvider({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
