import "server-only";

/**
 * Who may read studio media (uploads, mirrored clips): the studio's own users. There is no sign-in yet,
 * so everyone who reaches the studio is one; issue 9 makes this require a session. Public readers go
 * through share paths instead (see media-route.ts), which never call this.
 */
export async function assertStudioAccess(_request: Request): Promise<void> {}
