import { ApiError, apiFetch } from "@/lib/api/api-fetch";
import type { Endpoint } from "@/lib/api/endpoint";
import { OFFLINE_MESSAGE, type FieldErrors, type SubmitFailure } from "./use-auth-form";

/**
 * Sends a form's input to one of Gloss's endpoints. Null when it went
 * through; otherwise what the form shows: the server's field errors, one per
 * field, or its message (`fallback` when the answer was no error envelope).
 */
export async function submitToApi<Request>(endpoint: Endpoint<Request, unknown>, body: Request, fallback: string): Promise<SubmitFailure | null> {
  try {
    await apiFetch(endpoint, { body });
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "network") return { formError: OFFLINE_MESSAGE };
    const fieldErrors: FieldErrors = {};
    for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) fieldErrors[field] = messages[0];
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
    return { formError: error.code === "http_error" ? fallback : error.message };
  }
}
