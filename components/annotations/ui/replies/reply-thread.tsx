"use client";

import { Reply } from "lucide-react";
import { useSession } from "@/components/auth/session-provider";
import { useId, useState } from "react";
import type { AnnotationDto } from "@/lib/api/annotations";
import { signInPath } from "@/lib/routes";
import { TEXT_BUTTON } from "@/components/ui/ui-classes";
import { replyCountLabel } from "./reply-count";
import { ReplyEditor } from "./reply-editor";
import { ReplyItem } from "./reply-item";
import { useReplies } from "@/components/annotations/state/replies/use-replies";

/**
 * The conversation under a Link or Public note: its replies, oldest first,
 * and a "Reply" button that opens the reply box. Private notes have none
 * (lib/annotations/reply-access.ts), so the card shows no thread for them.
 */
export function ReplyThread({ annotation }: { annotation: AnnotationDto }) {
  const { status } = useSession();
  const { replies, post, edit, remove } = useReplies(annotation.id);
  const [writing, setWriting] = useState(false);
  const [posting, setPosting] = useState(false);
  const headingId = useId();
  const count = replies?.length ?? annotation.replyCount;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 border-t border-rule pt-2">
      {/* Not a heading: the card's one heading names the note (and tests find cards by it). */}
      <p id={headingId} className="text-xs font-semibold text-ink-muted">
        {count === 0 ? "No replies yet" : replyCountLabel(count)}
      </p>
      {replies && replies.length > 0 && (
        <ol className="flex max-h-[40vh] flex-col gap-2 overflow-y-auto">
          {replies.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} onEdit={edit} onDelete={(id) => void remove(id)} />
          ))}
        </ol>
      )}
      {writing ? (
        <ReplyEditor
          initialValue=""
          draftKey={`new-reply:${annotation.id}`}
          label="Reply"
          submitLabel="Post reply"
          onCancel={() => setWriting(false)}
          onSave={(body) => {
            if (posting) return;
            setPosting(true);
            void post(body).then((posted) => {
              setPosting(false);
              if (posted) setWriting(false);
            });
          }}
        />
      ) : status === "authenticated" ? (
        <button type="button" className={`${TEXT_BUTTON} self-start`} onClick={() => setWriting(true)}>
          <Reply aria-hidden className="size-4" />
          Reply
        </button>
      ) : (
        status === "unauthenticated" && (
          <a className="self-start text-sm font-medium text-accent underline-offset-2 hover:underline" href={signInPath(window.location.pathname + window.location.search)}>
            Sign in to reply
          </a>
        )
      )}
    </section>
  );
}
