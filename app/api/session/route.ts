import { z } from "zod";
import { BODY_LIMITS } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";
import { signIn, signOut } from "@/lib/server/security/sign-in";

const SignInSchema = z.object({ passcode: z.string().min(1, "Enter the passcode").max(500) });

/** Sign in with the studio passcode (sets the session cookie); DELETE signs out. */
export const POST = route(
  { body: SignInSchema, access: "public", maxBodyBytes: BODY_LIMITS.session },
  async ({ request, body }) => signIn(request, body.passcode),
);

export const DELETE = route({ access: "public" }, async ({ request }) => signOut(request));
