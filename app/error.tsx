"use client";

import { ServerErrorNotice } from "@/components/layout/server-error-notice";

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return <ServerErrorNotice retry={retry} />;
}
