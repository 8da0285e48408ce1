export { runVerify, DESTRUCTIVE, RUN_ORDER, type RunOptions } from './runner';
export { CHECKS } from './checks';
export { exitCodeFor } from './summarize';
export { runConfigFromFlags, type VerifyFlags } from './config/from-flags';
export type { RunConfig } from './config/run-config';
export { CallbackReceiver } from './callbacks/receiver';
export { realClock, type Clock } from './clock';
export { renderConsole, renderHeader, renderOperation, renderTail, type ConsoleOptions } from './reporters/console';
export { indexRequests } from './reporters/requests';
export { renderAnnotations, renderStepSummary } from './reporters/github';
export { renderJson } from './reporters/json';
export { renderJunit } from './reporters/junit';
export { renderHtml } from './reporters/html';
export type {
  RunReport,
  CheckResult,
  OperationReport,
  CheckStatus,
  RunMeta,
  FixItem,
  RunVerdict,
  NetworkReport,
} from './types';
export { checkServerConfig, startServerRun, type ServerRun, type ServerRunOptions } from './server-run';
export { TargetGuard, type TargetGuardOptions } from './http/target-guard';
export { classifyAddress, type AddressKind } from './http/address-kinds';
export { countStatuses } from './summarize';
export type { FileSettings } from './config/load-config';
