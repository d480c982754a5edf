"use client";

import { useCallback, useEffect, useState } from "react";
import { toast } from "@/components/layout/toast";
import { v4 as uuidv4 } from "uuid";
import type { ReplyDto } from "@/lib/api/replies";
import { ApiError } from "@/lib/api/api-fetch";
import { onRepliesChanged } from "../live/reply-signals";
import { deleteReply, fetchReplies, postReply, updateReply } from "./replies-api";

function failure(action: string, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return `Couldn't ${action}: sign in again to reply.`;
  if (error instanceof ApiError && error.status === 404) return `Couldn't ${action}: it is no longer shared.`;
  return error instanceof ApiError ? `Couldn't ${action}. ${error.message}` : `Couldn't ${action}. Please try again.`;
}

/** The replies on one annotation, oldest first: loaded when shown, refetched when a live event says they changed. */
export function useReplies(annotationId: string) {
  const [replies, setReplies] = useState<ReplyDto[] | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchReplies(annotationId, controller.signal)
      .then(setReplies)
      .catch(() => {
        if (!controller.signal.aborted) setReplies([]);
      });
    return () => controller.abort();
  }, [annotationId, generation]);

  useEffect(() => onRepliesChanged(annotationId, () => setGeneration((value) => value + 1)), [annotationId]);

  const post = useCallback(
    async (body: string): Promise<boolean> => {
      try {
        const reply = await postReply(annotationId, { id: uuidv4(), body });
        setReplies((current) => [...(current ?? []).filter((r) => r.id !== reply.id), reply]);
        return true;
      } catch (error) {
        toast.error(failure("post your reply", error));
        return false;
      }
    },
    [annotationId],
  );

  const edit = useCallback(async (id: string, body: string) => {
    try {
      const saved = await updateReply(id, body);
      setReplies((current) => current?.map((reply) => (reply.id === id ? saved : reply)) ?? null);
    } catch (error) {
      toast.error(failure("save your reply", error));
    }
  }, []);

  const remove = useCallback(async (id: string) => {
    try {
      await deleteReply(id);
      setReplies((current) => current?.filter((reply) => reply.id !== id) ?? null);
      toast("Reply deleted");
    } catch (error) {
      toast.error(failure("delete the reply", error));
    }
  }, []);

  return { replies, post, edit, remove };
}
