// Next.js calls register() once per server process; NEXT_RUNTIME is a build-time constant here.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/server/boot");
    await boot();
  }
}
