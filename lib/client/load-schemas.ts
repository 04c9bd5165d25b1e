import { lazyPart } from "./lazy-part";
import type * as Schemas from "./schemas";

/**
 * The browser's schemas (./schemas, with zod) as a chunk of their own, outside the studio page's first
 * load: asked for by the first answer to check, or earlier, at idle time after hydration.
 */
export type ClientSchemas = typeof Schemas;

const schemas = lazyPart(() => import("./schemas"));

export const loadSchemas: () => Promise<ClientSchemas> = schemas.load;
export const preloadSchemas: () => void = schemas.loadWhenIdle;
