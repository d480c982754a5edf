"use client";

import { NoteEditor } from "../note-editor";

/** The note editor, worded for replies; an empty reply is not sent. */
export function ReplyEditor(props: { label: string; submitLabel: string; initialValue: string; draftKey: string; onSave: (body: string) => void; onCancel: () => void }) {
  return (
    <NoteEditor
      {...props}
      placeholder="Write a reply… (Markdown works)"
      limitMessage="Replies can be up to"
      onSave={(body) => {
        if (body) props.onSave(body);
      }}
    />
  );
}
