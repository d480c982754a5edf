import type { AnnotationRepliesResponse, CreateReplyInput, ReplyDto } from "@/lib/replies/reply-dto";
import { request } from "../annotations-api";

/** The reader's client for the replies API (errors are AnnotationApiErrors, like the annotations API's). */

export async function fetchReplies(annotationId: string, signal?: AbortSignal): Promise<ReplyDto[]> {
  const body = await request<AnnotationRepliesResponse>(`/api/annotations/${encodeURIComponent(annotationId)}/replies`, { signal, cache: "no-store" });
  return body.replies;
}

export async function fetchReply(id: string): Promise<ReplyDto> {
  return request<ReplyDto>(`/api/replies/${encodeURIComponent(id)}`, { cache: "no-store" });
}

export async function postReply(annotationId: string, input: CreateReplyInput): Promise<ReplyDto> {
  return request<ReplyDto>(`/api/annotations/${encodeURIComponent(annotationId)}/replies`, { method: "POST", json: input });
}

export async function updateReply(id: string, body: string): Promise<ReplyDto> {
  return request<ReplyDto>(`/api/replies/${encodeURIComponent(id)}`, { method: "PATCH", json: { body } });
}

export async function deleteReply(id: string): Promise<void> {
  await request<unknown>(`/api/replies/${encodeURIComponent(id)}`, { method: "DELETE" });
}
