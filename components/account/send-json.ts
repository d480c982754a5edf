import type { FieldErrors, SubmitFailure } from "@/components/auth/use-auth-form";
import { OFFLINE_MESSAGE } from "@/components/auth/use-auth-form";

interface ApiError {
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * Sends `body` as JSON to one of Gloss's routes. Null when it went through;
 * otherwise what to show: the server's field errors, one per field, or its
 * message (`fallback` when it has none).
 */
export async function sendJson(method: string, url: string, body: unknown, fallback: string): Promise<SubmitFailure | null> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { formError: OFFLINE_MESSAGE };
  }
  if (response.ok) return null;
  const error = (await response.json().catch(() => ({}))) as ApiError;
  const fieldErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) fieldErrors[field] = messages[0];
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return { formError: error.message ?? fallback };
}
