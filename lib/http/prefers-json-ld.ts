/**
 * Content negotiation between plain JSON (the default) and JSON-LD: JSON-LD
 * only when the Accept header names it, at a quality no lower than JSON's.
 * A wildcard alone (a browser, curl) gets plain JSON.
 */
export function prefersJsonLd(request: Request): boolean {
  const qualities = new Map<string, number>();
  for (const range of (request.headers.get("accept") ?? "").split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (type && Number.isFinite(q)) qualities.set(type, Math.max(q, qualities.get(type) ?? 0));
  }
  const jsonLd = qualities.get("application/ld+json") ?? 0;
  const json = qualities.get("application/json") ?? 0;
  return jsonLd > 0 && jsonLd >= json;
}
