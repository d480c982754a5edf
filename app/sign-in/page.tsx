import type { Metadata } from "next";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { authLinkClass, AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { callbackPathFrom, routes, withCallback } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackPath = callbackPathFrom(await searchParams);
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Your highlights and notes are where you left them."
      footer={
        <>
          New to Gloss?{" "}
          <IntentPrefetchLink href={withCallback(routes.signUp, callbackPath)} className={authLinkClass}>
            Create an account
          </IntentPrefetchLink>
        </>
      }
    >
      <SignInForm callbackPath={callbackPath} />
    </AuthCard>
  );
}
