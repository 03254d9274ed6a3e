import type { RawData } from 'ws';
import { OPERATIONS } from '../ai/answers.js';
import type { AiOperationName } from '../ai/run-operation.js';
import { AppError } from '../errors/app-error.js';
import { fieldErrorsOf, type ValidationIssue } from '../errors/error-handler.js';
import { compileBodyValidator } from '../validation.js';

/** A client's name for one request: a short string or an integer, echoed back. */
export type RequestId = string | number;

export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'cancel'; id: RequestId }
  | { type: 'subscribe_job'; jobId: string; afterSeq: number }
  | { type: 'unsubscribe_job'; jobId: string }
  | { type: AiOperationName; id: RequestId; body: Record<string, unknown> };

export type ParsedMessage =
  | { ok: true; message: ClientMessage }
  | { ok: false; id: RequestId | null; error: AppError };

const MAX_ID_LENGTH = 64;

// Compiled once: the same schemas, defaults and strictness as the REST bodies.
const VALIDATORS = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, entry]) => [name, compileBodyValidator(entry.body)]),
) as Record<AiOperationName, ReturnType<typeof compileBodyValidator>>;

function isOperation(type: unknown): type is AiOperationName {
  return typeof type === 'string' && Object.hasOwn(OPERATIONS, type);
}

function isRequestId(id: unknown): id is RequestId {
  if (typeof id === 'string') return id.length > 0 && id.length <= MAX_ID_LENGTH;
  return Number.isSafeInteger(id);
}

function malformed(detail: string, id: RequestId | null = null): ParsedMessage {
  return { ok: false, id, error: new AppError('malformed_message', detail) };
}

function readObject(data: RawData, isBinary: boolean): Record<string, unknown> | undefined {
  if (isBinary) return undefined;
  try {
    const value: unknown = JSON.parse(data.toString());
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Not JSON: answered as malformed below.
  }
  return undefined;
}

function isJobId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** `subscribe_job` and `unsubscribe_job`, which name a job rather than a request. */
function parseJobMessage(type: string, fields: Record<string, unknown>): ParsedMessage {
  const { job_id: jobId, after_seq: afterSeq } = fields;
  if (!isJobId(jobId)) return malformed('A job message carries a `job_id` string');
  if (type === 'unsubscribe_job') return { ok: true, message: { type, jobId } };
  if (afterSeq !== undefined && !(Number.isSafeInteger(afterSeq) && (afterSeq as number) >= 0)) {
    return malformed('`after_seq` must be a whole number (the last `seq` received)');
  }
  const message = { type: 'subscribe_job' as const, jobId, afterSeq: (afterSeq as number) ?? 0 };
  return { ok: true, message };
}

/** Parses and validates one client frame; never throws. */
export function parseClientMessage(data: RawData, isBinary: boolean): ParsedMessage {
  const object = readObject(data, isBinary);
  if (!object) return malformed('Messages are JSON objects sent as text frames');

  const { type, id, ...fields } = object;
  if (type === 'auth') {
    if (typeof fields.token === 'string')
      return { ok: true, message: { type, token: fields.token } };
    return malformed('An auth message carries a `token` string');
  }
  if (type === 'subscribe_job' || type === 'unsubscribe_job') return parseJobMessage(type, fields);
  if (type !== 'cancel' && !isOperation(type)) {
    return malformed(
      '`type` must be auth, complete, explain, refactor, cancel, subscribe_job or unsubscribe_job',
    );
  }
  if (!isRequestId(id)) {
    return malformed(`\`id\` must be a string of 1 to ${MAX_ID_LENGTH} characters or an integer`);
  }
  if (type === 'cancel') return { ok: true, message: { type, id } };

  // Applying needs the file's version pinned by If-Match, which is HTTP's.
  if (type === 'refactor' && fields.apply === true) {
    const detail = 'apply is not available on the WebSocket; use POST /api/v1/ai/refactor';
    const errors = [{ field: 'message.apply', message: 'not available on the WebSocket' }];
    return { ok: false, id, error: new AppError('validation_failed', detail, { errors }) };
  }

  const validate = VALIDATORS[type];
  if (validate(fields)) return { ok: true, message: { type, id, body: fields } };
  const errors = fieldErrorsOf((validate.errors ?? []) as ValidationIssue[], 'message');
  const detail = `${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}`;
  return { ok: false, id, error: new AppError('validation_failed', detail, { errors }) };
}
