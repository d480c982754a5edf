"use client";

import { Pencil, Trash2 } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { ReplyDto } from "@/lib/api/replies";
import { RelativeTime } from "../relative-time";
import { ICON_BUTTON } from "@/components/ui/ui-classes";
import { ReplyEditor } from "./reply-editor";

const NoteMarkdown = lazy(() => import("../note-markdown"));

/** One reply: who and when, its Markdown, and Edit/Delete where the viewer may. */
export function ReplyItem({
  reply,
  onEdit,
  onDelete,
}: {
  reply: ReplyDto;
  onEdit: (id: string, body: string) => Promise<void>;
  onDelete: (id: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const edited = new Date(reply.updatedAt).getTime() - new Date(reply.createdAt).getTime() > 1000;
  return (
    <li className="flex flex-col gap-1 rounded-lg bg-ink/[0.03] px-3 py-2 dark:bg-ink/[0.06]" data-reply-id={reply.id}>
      <div className="flex items-center gap-1.5 text-xs text-ink-muted">
        <span className="min-w-0 truncate font-medium text-ink">
          <bdi>{reply.author.name}</bdi>
        </span>
        <span aria-hidden>·</span>
        <RelativeTime iso={reply.createdAt} />
        {edited && <span>· edited</span>}
        <span className="flex-1" />
        {reply.isOwn && !editing && (
          <button type="button" className={`${ICON_BUTTON} size-7`} aria-label="Edit reply" title="Edit reply" onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="size-3.5" />
          </button>
        )}
        {reply.canDelete && !editing && (
          <button type="button" className={`${ICON_BUTTON} size-7`} aria-label="Delete reply" title="Delete reply" onClick={() => onDelete(reply.id)}>
            <Trash2 aria-hidden className="size-3.5" />
          </button>
        )}
      </div>
      {editing ? (
        <ReplyEditor
          initialValue={reply.body}
          draftKey={`reply:${reply.id}`}
          label="Edit reply"
          submitLabel="Save reply"
          onCancel={() => setEditing(false)}
          onSave={(body) => {
            setEditing(false);
            void onEdit(reply.id, body);
          }}
        />
      ) : (
        <Suspense fallback={<p dir="auto" className="text-sm whitespace-pre-wrap">{reply.body}</p>}>
          <NoteMarkdown source={reply.body} />
        </Suspense>
      )}
    </li>
  );
}
