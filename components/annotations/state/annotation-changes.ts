import { ApiError } from "@/lib/api/api-fetch";
import type { AnnotationDto, CreateAnnotationInput } from "@/lib/api/annotations";

/**
 * The rules of use-annotations.ts that need no React: what a failed call
 * says, how lists merge, and what an optimistic annotation looks like.
 */

export interface AuthorViewer {
  id: string;
  name: string;
}

export function failureMessage(action: string, error: unknown): string {
  if (!(error instanceof ApiError)) return `Couldn't ${action}. Please try again.`;
  if (error.status === 401) return `Couldn't ${action}: your session has ended. Sign in again to keep annotating.`;
  if (error.status === 404) return `Couldn't ${action}: it no longer exists.`;
  return `Couldn't ${action}. ${error.message}`;
}

/** One entry per id; a later list wins over an earlier one, and keeps the earlier one's order. */
export function mergeById(...lists: AnnotationDto[][]): AnnotationDto[] {
  const byId = new Map<string, AnnotationDto>();
  for (const list of lists) for (const annotation of list) byId.set(annotation.id, annotation);
  return [...byId.values()];
}

/** What the reader sees at once while a create is on its way: private, theirs, as the server will store it. */
export function optimisticAnnotation(options: {
  input: Omit<CreateAnnotationInput, "articleSlug">;
  slug: string;
  viewer: AuthorViewer | null;
  now: string;
}): AnnotationDto {
  const { input, slug, viewer, now } = options;
  return {
    ...input,
    articleSlug: slug,
    // As the server stores it: absent context is empty.
    quote: { exact: input.quote.exact, prefix: input.quote.prefix ?? "", suffix: input.quote.suffix ?? "" },
    note: input.note ?? null,
    visibility: "private",
    author: { name: viewer?.name ?? "You" },
    tags: [],
    isOwn: true,
    replyCount: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
