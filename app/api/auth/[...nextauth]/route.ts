import { handleNextAuth } from "@/lib/auth/next-auth-route";

// Options are built on the first request, so a missing production secret fails with a clear message there.
export { handleNextAuth as GET, handleNextAuth as POST };
