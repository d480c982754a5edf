import { apiFetch } from "@/lib/api/api-fetch";
import { replyEndpoints } from "@/lib/api/annotation-endpoints";
import type { CreateReplyInput, ReplyDto } from "@/lib/api/replies";

/** The reader's calls to the replies API; every failure is an ApiError (lib/api/api-fetch.ts). */
export async function fetchReplies(annotationId: string, signal?: AbortSignal): Promise<ReplyDto[]> {
  return (await apiFetch(replyEndpoints.list(annotationId), { signal, cache: "no-store" })).replies;
}

export async function fetchReply(id: string): Promise<ReplyDto> {
  return apiFetch(replyEndpoints.get(id), { cache: "no-store" });
}

export async function postReply(annotationId: string, input: CreateReplyInput): Promise<ReplyDto> {
  return apiFetch(replyEndpoints.create(annotationId), { body: input });
}

export async function updateReply(id: string, body: string): Promise<ReplyDto> {
  return apiFetch(replyEndpoints.update(id), { body: { body } });
}

export async function deleteReply(id: string): Promise<void> {
  await apiFetch(replyEndpoints.remove(id));
}
