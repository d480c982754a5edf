"use client";

import { LoaderCircleIcon } from "lucide-react";
import { ApiError } from "@/lib/api/api-fetch";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/text-field";
import type { ImportArticleInput } from "@/lib/api/article-imports";
import { importArticle } from "./articles-api";

const MAX_FILE_BYTES = 5 * 1024 * 1024;

const buttonClass =
  "inline-flex h-11 shrink-0 items-center justify-center gap-2 rounded-lg bg-ink px-5 text-[0.9375rem] font-semibold text-paper transition-opacity hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:cursor-wait aria-disabled:opacity-75";

type Way = "link" | "file" | "paste";

function progressLabel(way: Way): string {
  if (way === "link") return "Fetching the page and finding the article…";
  if (way === "file") return "Reading the file…";
  return "Reading the text…";
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The three ways in — link, file, paste — one at a time; success opens the new article. */
export function AddArticleForms({ initialUrl }: { initialUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<Way | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linkForm = useRef<HTMLFormElement>(null);
  const autoSubmitted = useRef(false);

  async function add(way: Way, input: () => Promise<ImportArticleInput> | ImportArticleInput) {
    if (pending) return;
    setPending(way);
    setError(null);
    try {
      const { path } = await importArticle(await input());
      router.push(path);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.readableMessage : "Something went wrong. Try again.");
      setPending(null);
    }
  }

  // The bookmarklet opens /articles/new?url=…: add it straight away, once.
  useEffect(() => {
    if (initialUrl && !autoSubmitted.current) {
      autoSubmitted.current = true;
      linkForm.current?.requestSubmit();
    }
  }, [initialUrl]);

  const onLink = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get("url") ?? "");
    void add("link", () => ({ kind: "url", url }));
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError("The file is larger than 5 MB");
      return;
    }
    void add("file", async () => ({ kind: "file", fileName: file.name, contentBase64: toBase64(await file.arrayBuffer()) }));
  };

  const onPaste = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const title = String(data.get("title") ?? "").trim();
    void add("paste", () => ({ kind: "paste", text: String(data.get("text") ?? ""), title: title || null }));
  };

  return (
    <div className="mt-10 space-y-6">
      <div aria-live="polite" role="status" className="min-h-0">
        {pending && (
          <p className="flex items-center gap-2 rounded-lg border border-rule bg-surface px-3.5 py-3 text-sm text-ink">
            <LoaderCircleIcon aria-hidden className="size-4 animate-spin" strokeWidth={2.25} />
            {progressLabel(pending)}
          </p>
        )}
      </div>
      <FormAlert message={error} />

      <Way title="Article link" id="add-by-link" description="The address of a page on the web.">
        <form ref={linkForm} onSubmit={onLink} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <TextField name="url" label="Article link" type="url" inputMode="url" placeholder="https://…" defaultValue={initialUrl} required autoComplete="url" />
          </div>
          <button type="submit" aria-disabled={pending !== null} className={buttonClass}>
            Add
          </button>
        </form>
      </Way>

      <Way title="Upload a file" id="add-by-file" description="A saved web page (.html, .htm), Markdown (.md) or plain text (.txt), up to 5 MB.">
        <label htmlFor="article-file" className="sr-only">
          Upload a file
        </label>
        <input
          id="article-file"
          type="file"
          accept=".html,.htm,.md,.txt,text/html,text/markdown,text/plain"
          aria-disabled={pending !== null}
          onChange={(event) => {
            onFile(event.currentTarget.files?.[0]);
            event.currentTarget.value = "";
          }}
          className="block w-full text-sm text-ink-muted file:mr-4 file:h-11 file:cursor-pointer file:rounded-lg file:border file:border-rule file:bg-paper file:px-4 file:text-[0.9375rem] file:font-semibold file:text-ink hover:file:border-ink-muted/50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        />
      </Way>

      <Way title="Paste" id="add-by-paste" description="Text (one paragraph per line) or HTML copied from a page.">
        <form onSubmit={onPaste} className="space-y-4">
          <TextField name="title" label="Title" hint="Optional; otherwise the first line." autoComplete="off" />
          <div>
            <label htmlFor="field-text" className="block text-sm font-medium text-ink">
              Text or HTML
            </label>
            <textarea
              id="field-text"
              name="text"
              required
              rows={8}
              className="mt-1.5 block w-full rounded-lg border border-rule bg-paper px-3.5 py-2.5 font-serif text-base leading-relaxed text-ink transition-colors hover:border-ink-muted/50 focus:border-focus focus:outline-2 focus:outline-offset-0 focus:outline-focus/30"
            />
          </div>
          <button type="submit" aria-disabled={pending !== null} className={buttonClass}>
            Read pasted text
          </button>
        </form>
      </Way>
    </div>
  );
}

function Way({ title, id, description, children }: { title: string; id: string; description: string; children: ReactNode }) {
  return (
    // Not a labelled region: its heading would name it like the control inside.
    <div className="rounded-2xl border border-rule bg-surface px-5 py-6 sm:px-7">
      <h2 id={id} className="font-serif text-xl font-semibold text-ink">
        {title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-ink-muted">{description}</p>
      {children}
    </div>
  );
}
