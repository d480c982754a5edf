"use client";

import { Search } from "lucide-react";
import { useId } from "react";
import { COLOR_LABELS } from "@/components/annotations/ui/color-choice";
import { FOCUS_RING } from "@/components/ui/ui-classes";
import { VISIBILITY_CHOICES } from "@/components/annotations/ui/visibility";
import { HIGHLIGHT_COLORS } from "@/lib/api/annotation-constants";
import type { TagCount } from "@/lib/api/notebook";
import type { NotebookQuery } from "./notebook-query";


const FIELD = `h-9 rounded-lg border border-rule bg-surface px-2.5 text-sm text-ink ${FOCUS_RING}`;

function Select({ label, value, options, onChange }: { label: string; value: string | undefined; options: Array<[string, string]>; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={`${FIELD} w-full min-w-0 truncate`}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NotebookFilters({
  query,
  tags,
  articles,
  onChange,
}: {
  query: NotebookQuery;
  tags: TagCount[];
  articles: Array<{ slug: string; title: string }>;
  onChange: (change: Partial<NotebookQuery>) => void;
}) {
  const searchId = useId();
  return (
    <div className="flex flex-col gap-4 font-sans">
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search your notes
        </label>
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-muted" />
        <input
          id={searchId}
          type="search"
          placeholder="Search your notes"
          value={query.q ?? ""}
          onChange={(event) => onChange({ q: event.target.value })}
          className={`h-11 w-full rounded-xl border border-rule bg-surface pr-3 pl-9 text-base text-ink placeholder:text-ink-muted ${FOCUS_RING}`}
        />
      </div>
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3">
        <Select label="Colour" value={query.color} onChange={(color) => onChange({ color })} options={[["", "Any colour"], ...HIGHLIGHT_COLORS.map((c): [string, string] => [c, COLOR_LABELS[c]])]} />
        <Select label="Tag" value={query.tag} onChange={(tag) => onChange({ tag })} options={[["", "Any tag"], ...tags.map((t): [string, string] => [t.name, t.name])]} />
        <Select label="Article" value={query.article} onChange={(article) => onChange({ article })} options={[["", "Any article"], ...articles.map((a): [string, string] => [a.slug, a.title])]} />
        <Select label="Visibility" value={query.visibility} onChange={(visibility) => onChange({ visibility })} options={[["", "Anyone"], ...VISIBILITY_CHOICES.map((v): [string, string] => [v.value, v.label])]} />
        <Select label="Sort" value={query.sort ?? "newest"} onChange={(sort) => onChange({ sort: sort === "newest" ? "" : sort })} options={[["newest", "Newest first"], ["oldest", "Oldest first"], ["article", "Article order"]]} />
        <label className="flex h-9 items-center gap-2 text-sm text-ink">
          <input type="checkbox" checked={query.hasNote === "true"} onChange={(event) => onChange({ hasNote: event.target.checked ? "true" : "" })} className="size-4 accent-[var(--gloss-accent)]" />
          With a note
        </label>
      </div>
    </div>
  );
}
