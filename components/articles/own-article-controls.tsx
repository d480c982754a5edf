"use client";

import { useSession } from "@/components/auth/session-provider";
import { ApiError } from "@/lib/api/api-fetch";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { routes } from "@/lib/routes";
import type { OwnArticleDetails } from "@/lib/articles/manage-own-article";
import type { UpdateFromSourceResult } from "@/lib/articles/update-article-from-source";
import { deleteArticle, fetchOwnArticle, setArticleVisibility, updateFromSource } from "./articles-api";

const quietButton =
  "inline-flex h-9 items-center rounded-full border border-rule px-3.5 text-sm font-medium text-ink transition-colors hover:bg-ink/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:cursor-wait aria-disabled:opacity-60 dark:hover:bg-ink/10";

const VISIBILITY_LABELS = { private: "Only me", public: "Public" } as const;

/**
 * The owner's controls above an imported article: who may read it, update
 * from its source, delete. Loaded on the client (the public page is the
 * same HTML for everyone); anyone else gets nothing, as the API answers 404.
 */
export function OwnArticleControls({ slug }: { slug: string }) {
  const { status } = useSession();
  const router = useRouter();
  const [details, setDetails] = useState<OwnArticleDetails | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [update, setUpdate] = useState<UpdateFromSourceResult | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    fetchOwnArticle(slug).then((own) => live && setDetails(own), () => undefined);
    return () => {
      live = false;
    };
  }, [slug, status]);

  if (!details) return null;

  async function run(label: string, action: () => Promise<void>) {
    if (busy) return;
    setBusy(label);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.readableMessage : "Something went wrong. Try again.");
    } finally {
      setBusy(null);
    }
  }

  // Shown at once; put back if the server refuses.
  const changeVisibility = (visibility: "private" | "public") => {
    const before = details;
    setDetails({ ...before, visibility });
    return run("visibility", async () => {
      try {
        const next = await setArticleVisibility(slug, visibility);
        router.replace(routes.articleRead({ slug, isPrivate: next.visibility === "private" }));
      } catch (error) {
        setDetails(before);
        throw error;
      }
    });
  };

  const refresh = () =>
    run("update", async () => {
      const result = await updateFromSource(slug);
      setUpdate(result);
      setDetails(await fetchOwnArticle(slug));
      router.refresh();
    });

  const remove = () =>
    run("delete", async () => {
      await deleteArticle(slug);
      dialog.current?.close();
      router.push("/");
      router.refresh();
    });

  const count = details.annotationCount;
  return (
    <section aria-label="Your article" className="mb-8 rounded-xl border border-rule bg-surface px-4 py-3 font-sans text-sm">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Who can read it</legend>
          {(["private", "public"] as const).map((visibility) => (
            <label key={visibility} className="inline-flex cursor-pointer items-center gap-1.5 rounded-full px-2.5 py-1.5 text-ink has-checked:bg-ink/8 has-focus-visible:outline-2 has-focus-visible:outline-focus">
              <input
                type="radio"
                name="article-visibility"
                value={visibility}
                checked={details.visibility === visibility}
                onChange={() => void changeVisibility(visibility)}
                className="accent-accent"
              />
              {VISIBILITY_LABELS[visibility]}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-2 sm:ms-auto">
          {details.sourceUrl && (
            <button type="button" aria-disabled={busy !== null} onClick={() => void refresh()} className={quietButton}>
              {busy === "update" ? "Updating…" : "Update from source"}
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.showModal()} className={`${quietButton} text-red-700 dark:text-red-300`}>
            Delete
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {update && <UpdateSummary result={update} />}
        {message && <p className="mt-2 text-red-700 dark:text-red-300">{message}</p>}
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="delete-article-title"
        className="m-auto max-w-[24rem] rounded-2xl border border-rule bg-surface p-6 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 id="delete-article-title" className="font-serif text-xl font-semibold">
          Delete this article?
        </h2>
        <p className="mt-2 text-ink-muted">
          {count === 0
            ? "It has no annotations. This cannot be undone."
            : `Its ${count} annotation${count === 1 ? "" : "s"} will be deleted with it, for every reader. This cannot be undone.`}
        </p>
        <div className="mt-6 flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className={quietButton}>
            Cancel
          </button>
          <button
            type="button"
            aria-disabled={busy !== null}
            onClick={() => void remove()}
            className="inline-flex h-9 items-center rounded-full bg-red-700 px-3.5 text-sm font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
          >
            Delete article
          </button>
        </div>
      </dialog>
    </section>
  );
}

function UpdateSummary({ result }: { result: UpdateFromSourceResult }) {
  if (!result.changed) return <p className="mt-2 text-ink-muted">The source has not changed.</p>;
  return (
    <div className="mt-2 text-ink-muted">
      <p>Updated from the source. {result.reanchored} annotation{result.reanchored === 1 ? "" : "s"} moved with the text.</p>
      {result.detached.length > 0 && (
        <>
          <p className="mt-1">Detached — the passage is gone, the note is kept:</p>
          <ul aria-label="Detached annotations" className="mt-1 list-disc ps-5">
            {result.detached.map((annotation) => (
              <li key={annotation.id}>“{annotation.exact}”</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
