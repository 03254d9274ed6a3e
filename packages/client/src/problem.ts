import type { components } from './generated/openapi.js';

/** A problem body as the server sends it (RFC 9457 with Atelier's `code`). */
export type ProblemBody = components['schemas']['Problem'] & Record<string, unknown>;

/** Every code the server documents, plus room for codes of newer servers. */
export type ProblemCode = ProblemBody['code'] | (string & {});

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error answer of the API. Thrown by every helper of the SDK, so callers
 * branch on `status` and `code` instead of parsing bodies.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly title: string;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  /** Seconds to wait before retrying, from `Retry-After` or the body. */
  readonly retryAfter: number | undefined;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>, retryAfter?: number) {
    const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${status}`;
    super(detail);
    this.status = typeof body.status === 'number' ? body.status : status;
    this.code = typeof body.code === 'string' ? body.code : codeOfStatus(status);
    this.detail = detail;
    this.title = typeof body.title === 'string' ? body.title : '';
    this.requestId = typeof body.request_id === 'string' ? body.request_id : undefined;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    const fromBody = body.retry_after_seconds;
    this.retryAfter = retryAfter ?? (typeof fromBody === 'number' ? fromBody : undefined);
    this.body = body;
  }
}

/** A code for answers without a problem body (a proxy's 502 page, say). */
function codeOfStatus(status: number): string {
  if (status === 401) return 'not_authenticated';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'service_unavailable';
  return 'http_error';
}

/** `Retry-After` as seconds; an HTTP date is turned into seconds from now. */
function retryAfterOf(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Builds the error for a failed response, reading its body if it has one. */
export async function problemOf(response: Response, body?: unknown): Promise<ProblemError> {
  let parsed = body;
  if (parsed === undefined) {
    const text = await response.text().catch(() => '');
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { detail: text.trim().slice(0, 200) || `HTTP ${response.status}` };
    }
  }
  const record = typeof parsed === 'object' && parsed !== null ? parsed : {};
  return new ProblemError(
    response.status,
    record as Record<string, unknown>,
    retryAfterOf(response.headers),
  );
}
