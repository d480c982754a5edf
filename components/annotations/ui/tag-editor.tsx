"use client";

import { Plus, Tag, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { FOCUS_RING, TEXT_BUTTON } from "@/components/ui/ui-classes";

// A tag of 64 letters without a space wraps inside its chip rather than running past the card's edge.
const CHIP = "inline-flex max-w-full items-center gap-1 rounded-full bg-ink/5 py-0.5 text-xs font-medium text-ink [overflow-wrap:anywhere] dark:bg-ink/10";

/**
 * An annotation's tags on its card: chips, each with its own remove button,
 * and "Add tag", a textbox with the reader's matching tags as buttons beside
 * it (a plain textbox, not a datalist combobox, so it keeps its role). Others'
 * annotations show their tags read-only.
 */
export function TagEditor({ tags, editable, onChange }: { tags: string[]; editable: boolean; onChange: (tags: string[]) => void }) {
  const [adding, setAdding] = useState(false);
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (adding || !refocus.current) return;
    refocus.current = false;
    addButton.current?.focus();
  }, [adding]);

  useEffect(() => {
    if (!adding) return;
    const controller = new AbortController();
    // Imported here, not with the card: the notebook's API module brings zod, which the layer otherwise never evaluates.
    import("@/components/notebook/notebook-api")
      .then(({ fetchTags }) => fetchTags(controller.signal))
      .then(
        (all) => setSuggestions(all.map((tag) => tag.name)),
        () => setSuggestions([]),
      );
    return () => controller.abort();
  }, [adding]);

  if (!editable && tags.length === 0) return null;

  /** Closes the textbox, focus back on "Add tag" (for the next one). */
  const finish = () => {
    refocus.current = true;
    setAdding(false);
  };

  const add = (typed: string) => {
    const name = typed.normalize("NFC").trim().replace(/\s+/gu, " ");
    if (name && !tags.includes(name)) onChange([...tags, name]);
    setValue("");
  };

  // The reader's own tags that start with what is typed (all of them before typing), a few at a time.
  const typed = value.trim().toLocaleLowerCase();
  const matching = suggestions.filter((name) => !tags.includes(name) && name.toLocaleLowerCase().startsWith(typed)).slice(0, 6);

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {tags.length > 0 && (
        <ul aria-label="Tags" className="contents">
          {tags.map((tag) => (
            <li key={tag} className={`${CHIP} ${editable ? "pr-0.5 pl-2.5" : "px-2.5"}`}>
              {tag}
              {editable && (
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((other) => other !== tag))}
                  className={`-my-0.5 grid size-6 shrink-0 place-items-center rounded-full text-ink-muted hover:bg-ink/10 hover:text-ink ${FOCUS_RING}`}
                >
                  <X aria-hidden className="size-3" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (adding ? (
          <form
            className="flex flex-wrap items-center gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              add(value);
              finish();
            }}
            // Leaving the form (not moving within it, to a suggestion) adds what was typed and closes it.
            onBlur={(event) => {
              if (refocus.current || event.currentTarget.contains(event.relatedTarget as Node | null)) return;
              if (value.trim()) add(value);
              setAdding(false);
            }}
            onKeyDown={(event) => {
              if (event.key !== "Escape") return;
              event.stopPropagation();
              finish();
            }}
          >
            <input
              aria-label="Tag"
              aria-describedby={matching.length > 0 ? listId : undefined}
              value={value}
              autoFocus
              maxLength={64}
              onChange={(event) => setValue(event.target.value)}
              className={`h-7 w-32 rounded-full border border-rule bg-surface px-2.5 text-xs text-ink ${FOCUS_RING}`}
            />
            {matching.length > 0 && (
              <ul id={listId} aria-label="Your tags" className="contents">
                {matching.map((name) => (
                  <li key={name}>
                    <button
                      type="button"
                      aria-label={`Use tag ${name}`}
                      onClick={() => {
                        add(name);
                        finish();
                      }} className={`${CHIP} px-2.5 hover:bg-ink/10 ${FOCUS_RING}`}>
                      {name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </form>
        ) : (
          <button ref={addButton} type="button" className={`${TEXT_BUTTON} h-7 px-2 text-xs`} onClick={() => setAdding(true)}>
            {tags.length === 0 ? <Tag aria-hidden className="size-3.5" /> : <Plus aria-hidden className="size-3.5" />}
            Add tag
          </button>
        ))}
    </div>
  );
}
