/** The fake tenant's public surface, for tests, the benchmark, the CLI and the demo tenant. */
export { startEmulator } from './server';
export type { Emulator, EmulatorInfo, EmulatorOptions, EmulatorAppInfo } from './server';
export { defaultConfig, retentionDays } from './config';
export { demoSizes } from './data/dataset';
export { STORY_NETWORKS } from './data/story';
export type { EmulatorConfig, TenantConfig as EmulatorTenantConfig, AppConfig as EmulatorAppConfig } from './config';
export { FAULT_KINDS, SURVIVABLE_FAULTS } from './http/faults';
export type { FaultKind, ScriptedFault } from './http/faults';
