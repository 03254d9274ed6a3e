export {
  AtelierClient,
  type AtelierClientOptions,
  createAtelierClient,
  unwrap,
} from './client.js';
export type { components, paths } from './generated/openapi.js';
export {
  type AnalyzeRequest,
  isFinished,
  JOB_STATUSES,
  type Job,
  type JobStatus,
  settled,
  type WatchOptions,
} from './jobs.js';
export type { AiEvent, AiOperation, AiRequest, AiResult, OperationOptions } from './operations.js';
export { type FieldError, type ProblemBody, type ProblemCode, ProblemError } from './problem.js';
export { type FetchLike, Session, type SessionOptions, type Tokens } from './session.js';
export {
  AtelierSocket,
  SocketRequest,
  type WebSocketConstructor,
  type WebSocketLike,
} from './socket.js';
