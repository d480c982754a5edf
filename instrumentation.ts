export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("@/lib/env");
  const env = serverEnv();
  const { installPeerAddressHeader } = await import("@/lib/http/peer-address");
  installPeerAddressHeader();
  const { installNotModifiedAnswers } = await import("@/lib/http/not-modified");
  installNotModifiedAnswers();
  const { installScriptsAfterPaintWhenStreamed } = await import("@/lib/http/streamed-scripts-after-paint");
  installScriptsAfterPaintWhenStreamed();
  const { adaptNextPageCache } = await import("@/lib/cache/page-cache");
  adaptNextPageCache();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "production") {
    const { installPrecompressedStatic } = await import("@/lib/http/precompressed-static");
    // The same folder next.config.js builds into.
    installPrecompressedStatic(process.env.NEXT_DIST_DIR ?? ".next");
  }
  // Every instance listens for changes from the start (not only once a reader opens a stream), so its caches hear of every article change.
  const { startLiveUpdates } = await import("@/lib/live/start-live-updates");
  startLiveUpdates(env);
}
