"use client";

import { Plus, Tag, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { fetchTags } from "@/components/notebook/notebook-api";
import { FOCUS_RING, TEXT_BUTTON } from "@/components/ui/ui-classes";

const CHIP = "inline-flex items-center gap-1 rounded-full bg-ink/5 py-0.5 text-xs font-medium text-ink dark:bg-ink/10";

/**
 * An annotation's tags on its card: chips, each with its own remove button,
 * and "Add tag", a textbox that suggests the reader's existing tags. Others'
 * annotations show their tags read-only.
 */
export function TagEditor({ tags, editable, onChange }: { tags: string[]; editable: boolean; onChange: (tags: string[]) => void }) {
  const [adding, setAdding] = useState(false);
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = useId();

  useEffect(() => {
    if (!adding) return;
    const controller = new AbortController();
    fetchTags(controller.signal).then(
      (all) => setSuggestions(all.map((tag) => tag.name)),
      () => setSuggestions([]),
    );
    return () => controller.abort();
  }, [adding]);

  if (!editable && tags.length === 0) return null;

  const add = () => {
    const name = value.normalize("NFC").trim().replace(/\s+/gu, " ");
    if (name && !tags.includes(name)) onChange([...tags, name]);
    setValue("");
  };

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
                  className={`grid size-5 place-items-center rounded-full text-ink-muted hover:bg-ink/10 hover:text-ink ${FOCUS_RING}`}
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
            className="flex items-center gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              add();
            }}
          >
            <input
              aria-label="Tag"
              list={listId}
              value={value}
              autoFocus
              maxLength={64}
              onChange={(event) => setValue(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== "Escape") return;
                event.stopPropagation();
                setAdding(false);
              }}
              onBlur={() => {
                if (value.trim()) add();
                setAdding(false);
              }}
              className={`h-7 w-32 rounded-full border border-rule bg-surface px-2.5 text-xs text-ink ${FOCUS_RING}`}
            />
            <datalist id={listId}>
              {suggestions.filter((name) => !tags.includes(name)).map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </form>
        ) : (
          <button type="button" className={`${TEXT_BUTTON} h-7 px-2 text-xs`} onClick={() => setAdding(true)}>
            {tags.length === 0 ? <Tag aria-hidden className="size-3.5" /> : <Plus aria-hidden className="size-3.5" />}
            Add tag
          </button>
        ))}
    </div>
  );
}
