export type { ModelOption, ProviderCapabilities } from "./capabilities";
export { OFFICIAL_CAPABILITIES, RELAY_CAPABILITIES } from "./capabilities";
export type { LumaErrorKind } from "./errors";
export { isLumaError, LumaError } from "./errors";
export type { NormalizeOptions, NormalizeResult } from "./normalize";
export { normalize, normalizeMany, requestedSettings, tryNormalize } from "./normalize";
export type { OfficialClient, OfficialClientOptions, OfficialList } from "./official-client";
export { createOfficialClient, OFFICIAL_BASE_URL } from "./official-client";
export type { LumaProvider, ProviderConfig } from "./provider";
export { createProvider } from "./provider";
export type { RelayClient } from "./relay-client";
export { createRelayClient } from "./relay-client";
export * as wireSchemas from "./schemas";
export { mapState } from "./state";
export type {
  CallOptions,
  ClientOptions,
  EditRequest,
  EditTool,
  ExtendRequest,
  GenerationPage,
  GenerationRequest,
  ListedGeneration,
  LumaLogger,
  LumaLogLine,
  ModifyMode,
  RequestedSettings,
  UpstreamSnapshot,
  UpstreamState,
} from "./types";
export { MODIFY_MODES } from "./types";
