"use client";

import { RotateCwIcon } from "lucide-react";
import { IntentPrefetchLink } from "@/components/ui/intent-prefetch-link";
import { useEffect, useState } from "react";
import { routes } from "@/lib/routes";
import { FOCUS_RING } from "@/components/ui/ui-classes";

type Diagnosis = "unknown" | "database-down" | "other";

/**
 * What a reader sees when a page fails on the server. Error details never
 * reach the browser in production, so the notice asks the health endpoint
 * whether the database is reachable and says so plainly when it is not.
 */
export function ServerErrorNotice({ retry }: { retry: () => void }) {
  const diagnosis = useDiagnosis();
  const databaseDown = diagnosis === "database-down";

  return (
    <div className="mx-auto max-w-[36rem] px-5 py-20 sm:px-8 sm:py-28">
      <p className="font-sans text-xs font-semibold tracking-[0.12em] text-accent uppercase">Temporarily unavailable</p>
      <h1 className="mt-4 font-serif text-[2rem] leading-[1.15] font-semibold tracking-[-0.015em] text-balance text-ink sm:text-[2.5rem]">
        {databaseDown ? "Gloss can’t reach its database right now" : "This page couldn’t be loaded"}
      </h1>
      <p className="mt-5 font-serif text-lg leading-[1.65] text-pretty text-ink-muted">
        {databaseDown
          ? "Your highlights and notes are safe: they will be back as soon as the database is. Please try again in a moment."
          : diagnosis === "other"
            ? "Something went wrong on our side. Please try again; if it keeps happening, come back a little later."
            : "Something went wrong on our side, most often a brief interruption of Gloss’s database. Please try again in a moment."}
      </p>
      <div className="mt-9 flex flex-wrap items-center gap-x-6 gap-y-4 font-sans text-sm font-medium">
        <button
          type="button"
          onClick={retry}
          className={`inline-flex items-center gap-2 rounded-full bg-ink px-5 py-2.5 text-paper transition-opacity hover:opacity-90 ${FOCUS_RING}`}
        >
          <RotateCwIcon aria-hidden className="size-4" strokeWidth={2} />
          Try again
        </button>
        <IntentPrefetchLink
          href={routes.home}
          className={`rounded-sm text-ink underline decoration-rule decoration-2 underline-offset-4 hover:decoration-accent ${FOCUS_RING} focus-visible:outline-offset-4`}
        >
          Go to the library
        </IntentPrefetchLink>
      </div>
    </div>
  );
}

function useDiagnosis(): Diagnosis {
  const [diagnosis, setDiagnosis] = useState<Diagnosis>("unknown");
  useEffect(() => {
    const controller = new AbortController();
    fetch(routes.api.health, { cache: "no-store", signal: controller.signal })
      .then((response) => setDiagnosis(response.status === 503 ? "database-down" : "other"))
      .catch(() => {
        if (!controller.signal.aborted) setDiagnosis("unknown");
      });
    return () => controller.abort();
  }, []);
  return diagnosis;
}
