// Next.js calls register() once per server process; NEXT_RUNTIME is a build-time constant here.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, before any request is handled: the socket's address, for client identity (peer-stamp.ts).
    const { installPeerStamp } = await import("./lib/server/security/peer-stamp");
    installPeerStamp();
    // From start-up, so a long poll that begins after SIGTERM still learns the studio is stopping.
    const { watchForStop } = await import("./lib/server/stopping");
    watchForStop();
    // Security headers on every answer, also the ones Next makes before the proxy runs.
    const { installDefaultSecurityHeaders } = await import("./lib/server/http/default-headers");
    installDefaultSecurityHeaders();
    const { boot } = await import("./lib/server/boot");
    await boot();
  }
}
