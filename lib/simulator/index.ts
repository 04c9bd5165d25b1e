export type { RequestLogEntry, SimulatorState } from "./control";
export type { FaultKind, FaultRule, Faults, FaultsInput } from "./faults";
export { FAULT_KINDS, faultsSchema, parseFaults } from "./faults";
export type { HookDelivery } from "./hooks";
export { type KeyframeFetcher, type KeyframeLimits, plainKeyframeFetch } from "./keyframe-fetch";
export { createSimulatorServer, type SimulatorServer, type SimulatorServerOptions } from "./server";
export { createSimulator, type Simulator, type SimulatorOptions } from "./simulator";
export { BLACKLISTED_REASON, dimensionsFor, FAILURE_REASONS } from "./types";
