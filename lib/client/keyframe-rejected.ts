import type { MessageKey } from "@/lib/i18n/translate";

/**
 * A keyframe the browser refused before upload. Its own module, so the form can recognise one without
 * loading the image pipeline (prepare-image.ts), which is fetched only when a file arrives.
 */
export class KeyframeRejected extends Error {
  /** The message's key in messages/*.json (namespace Keyframe) and its values, for the page's language. */
  constructor(
    message: string,
    readonly key: MessageKey,
    readonly values: Record<string, string | number>,
  ) {
    super(message);
    this.name = "KeyframeRejected";
  }
}
