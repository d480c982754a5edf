import type { Metadata } from "next";
import { AccountSection } from "@/components/account/account-section";
import { ChangeNameForm } from "@/components/account/change-name-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { requireUserOrRedirect } from "@/lib/auth/get-viewer";

export const metadata: Metadata = { title: "Account", robots: { index: false } };

export default async function AccountPage() {
  const viewer = await requireUserOrRedirect("/account");
  return (
    <div className="mx-auto w-full max-w-[40rem] px-4 py-12 sm:py-16">
      <h1 className="font-serif text-[2.25rem] leading-tight font-semibold tracking-[-0.01em] text-ink">Account</h1>
      <p className="mt-2 text-[0.9375rem] text-ink-muted">
        Signed in as <bdi className="font-medium text-ink">{viewer.email}</bdi>.
      </p>
      <div className="mt-10 space-y-6">
        <AccountSection id="account-name" title="Name" description="The name other readers see beside the notes you share.">
          <ChangeNameForm currentName={viewer.name} />
        </AccountSection>
        <AccountSection id="account-password" title="Password" description="Changing it signs you out on every other device.">
          <ChangePasswordForm />
        </AccountSection>
        <AccountSection id="account-sessions" title="Devices" description="Sign out on every other browser and device where this account is signed in. This one stays signed in.">
          <SignOutEverywhere />
        </AccountSection>
        <AccountSection
          id="account-delete"
          title="Delete account"
          tone="danger"
          description="Deletes your account and everything that is yours: highlights, notes (public ones too), replies, tags and imported articles. Other readers' notes stay. This cannot be undone."
        >
          <DeleteAccountForm email={viewer.email} />
        </AccountSection>
      </div>
    </div>
  );
}
