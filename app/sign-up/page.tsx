import type { Metadata } from "next";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { authLinkClass, AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { callbackPathFrom, routes, withCallback } from "@/lib/routes";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackPath = callbackPathFrom(await searchParams);
  return (
    <AuthCard
      title="Create your account"
      description="Reading is open to everyone. An account lets you highlight passages, write notes and share them."
      footer={
        <>
          Already have an account?{" "}
          <IntentPrefetchLink href={withCallback(routes.signIn, callbackPath)} className={authLinkClass}>
            Sign in
          </IntentPrefetchLink>
        </>
      }
    >
      <SignUpForm callbackPath={callbackPath} />
    </AuthCard>
  );
}
