import { MessageCircle } from "lucide-react";

/** "2 replies", with an icon; nothing for none. Shared by the card and the side panel. */
export function replyCountLabel(count: number): string {
  return count === 1 ? "1 reply" : `${count} replies`;
}

export function ReplyCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-ink-muted tabular-nums">
      <MessageCircle aria-hidden className="size-3" />
      {replyCountLabel(count)}
    </span>
  );
}
