import { AppError } from "@/lib/api/errors";

/**
 * A JSON request body of at most `maxBytes`, read as it arrives: a larger one
 * is refused (413) as soon as it passes the limit, whatever Content-Length
 * claims. Malformed JSON is a 400. Like parseJsonBody, only JSON media types
 * are accepted (415), which keeps cross-site form posts out.
 */
export async function readLimitedJson(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json" && mediaType !== "application/ld+json") {
    throw new AppError("unsupported_media_type", "Send the file as JSON (Content-Type: application/json or application/ld+json).");
  }
  const tooLarge = () => new AppError("too_large", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new AppError("invalid_json", "The file is not valid JSON.");
  }
}
