"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { ICON_BUTTON, FOCUS_RING, PRIMARY_BUTTON, TEXT_BUTTON } from "@/components/ui/ui-classes";
import type { TagCount } from "@/lib/api/notebook";

function RenameForm({ tag, onRename, onDone }: { tag: string; onRename: (to: string) => Promise<void>; onDone: () => void }) {
  const [value, setValue] = useState(tag);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-center gap-1.5"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await onRename(value);
          onDone();
        } catch (failure) {
          setError(failure instanceof Error ? failure.message : "Could not rename the tag.");
        }
      }}
    >
      <input
        aria-label={`New name for ${tag}`}
        value={value}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onDone()}
        className={`h-8 w-36 rounded-lg border border-rule bg-surface px-2 text-sm text-ink ${FOCUS_RING}`}
      />
      <button type="submit" className={PRIMARY_BUTTON}>
        Rename
      </button>
      <button type="button" className={TEXT_BUTTON} onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

/** The reader's tags with how many notes carry each: choosing one filters the notebook; each can be renamed. */
export function TagList({
  tags,
  selected,
  onSelect,
  onRename,
}: {
  tags: TagCount[];
  selected: string | undefined;
  onSelect: (tag: string) => void;
  onRename: (from: string, to: string) => Promise<void>;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <nav aria-labelledby="notebook-tags-heading" className="font-sans">
      <h2 id="notebook-tags-heading" className="mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        Tags
      </h2>
      {tags.length === 0 ? (
        <p className="text-sm text-ink-muted">No tags yet. Add them on a note’s card.</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {tags.map((tag) => (
            <li key={tag.name} className="flex items-center gap-1">
              {renaming === tag.name ? (
                <RenameForm tag={tag.name} onRename={(to) => onRename(tag.name, to)} onDone={() => setRenaming(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    aria-pressed={selected === tag.name}
                    onClick={() => onSelect(selected === tag.name ? "" : tag.name)}
                    className={`flex min-w-0 flex-1 items-center justify-between gap-2 rounded-lg px-2 py-1 text-left text-sm text-ink hover:bg-ink/5 aria-pressed:bg-ink/10 aria-pressed:font-semibold dark:hover:bg-ink/10 ${FOCUS_RING}`}
                  >
                    <span className="truncate">{tag.name}</span>
                    <span className="text-xs text-ink-muted tabular-nums" aria-label={`${tag.count} ${tag.count === 1 ? "note" : "notes"}`}>
                      {tag.count}
                    </span>
                  </button>
                  <button type="button" className={ICON_BUTTON} aria-label={`Rename tag ${tag.name}`} onClick={() => setRenaming(tag.name)}>
                    <Pencil aria-hidden className="size-3.5" />
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
