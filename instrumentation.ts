export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateServerEnv } = await import("@/lib/env");
  validateServerEnv();
  const { installPeerAddressHeader } = await import("@/lib/http/peer-address");
  installPeerAddressHeader();
}
