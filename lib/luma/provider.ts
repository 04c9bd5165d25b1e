import { type EachAnswer, getEachOneByOne, getOneByOne, uniqueIds } from "./batch";
import { OFFICIAL_CAPABILITIES, type ProviderCapabilities, RELAY_CAPABILITIES } from "./capabilities";
import { LumaError } from "./errors";
import { createOfficialClient, type OfficialClientOptions } from "./official-client";
import { createRelayClient } from "./relay-client";
import type {
  CallOptions,
  ClientOptions,
  EditRequest,
  ExtendRequest,
  GenerationPage,
  GenerationRequest,
  ImageRequest,
  UpstreamSnapshot,
} from "./types";

/** The one face of the upstream the studio sees; it never needs to know which API is behind it. */
export interface LumaProvider {
  readonly kind: "relay" | "official";
  readonly capabilities: ProviderCapabilities;
  /** Never retried once the upstream may have accepted it; on failure, check before sending again. */
  submit(req: GenerationRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  extend(req: ExtendRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** Only what `capabilities.edits` offers; anything else is refused before a request leaves. */
  edit(req: EditRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** Camera-motion keys for `GenerationRequest.concepts`; only where `capabilities.concepts`. */
  concepts?(options?: CallOptions): Promise<string[]>;
  /** A still from text; only where `capabilities.images` (official Photon). Never retried. */
  createImage?(req: ImageRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  get(upstreamId: string, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** In the order of `upstreamIds`; ids the upstream does not know are left out. */
  getMany(upstreamIds: readonly string[], options?: CallOptions): Promise<UpstreamSnapshot[]>;
  /** What the watcher polls with: each id's answer or its own failure, so one bad task fails alone. */
  getEach(upstreamIds: readonly string[], options?: CallOptions): Promise<EachAnswer>;
  /** Watermark-free video link when the upstream offers one, else null. */
  downloadUrl(upstreamId: string, options?: CallOptions): Promise<string | null>;
  /** A page of the account's generations, newest first; only where `capabilities.importList` (official). */
  list?(page: { limit: number; offset: number }, options?: CallOptions): Promise<GenerationPage>;
}

export type ProviderConfig =
  | ({ kind: "relay" } & ClientOptions)
  | ({ kind: "official" } & OfficialClientOptions);

export function createProvider(config: ProviderConfig): LumaProvider {
  if (config.kind === "relay") {
    const { kind: _kind, ...options } = config;
    const relay = createRelayClient(options);
    return {
      kind: "relay",
      capabilities: RELAY_CAPABILITIES,
      submit: relay.submit,
      extend: relay.extend,
      edit: async (req) => {
        throw new LumaError({
          kind: "rejected",
          message: `Request not sent: this relay offers no ${req.tool}`,
        });
      },
      get: relay.get,
      getMany: relay.getMany,
      getEach: relay.getEach,
      downloadUrl: relay.downloadUrl,
    };
  }
  const { kind: _kind, ...options } = config;
  const official = createOfficialClient(options);
  return {
    kind: "official",
    capabilities: OFFICIAL_CAPABILITIES,
    submit: official.create,
    extend: official.extend,
    edit: official.edit,
    createImage: official.createImage,
    concepts: official.concepts,
    get: official.get,
    getMany: (ids, call) => getOneByOne(uniqueIds(ids), (id) => official.get(id, call)),
    getEach: (ids, call) => getEachOneByOne(uniqueIds(ids), (id) => official.get(id, call)),
    // The official API has no watermarked variant: the finished asset is the download.
    downloadUrl: async (id, call) => (await official.get(id, call)).videoUrl,
    list: official.list,
  };
}
