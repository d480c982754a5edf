import { HttpError } from "./route-handler";

/**
 * Writes that change data take JSON only. Besides stating the API, this is a
 * second line against cross-site request forgery after SameSite cookies: an
 * HTML form cannot send `application/json`, and a cross-origin script cannot
 * without a CORS preflight, which Gloss never grants.
 */
export function requireJsonContentType(request: Request): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new HttpError(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
}
