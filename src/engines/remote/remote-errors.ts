import { APICallError, RetryError } from 'ai';
import { AppError } from '../../errors/app-error.js';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Turns what the AI SDK throws into the AppError a client sees: a service we
 * cannot reach or that refuses our key is `engine_unavailable` (a setting to
 * fix), anything else the provider answers is `engine_failed`.
 */
export function toEngineError(err: unknown, provider: string, baseUrl: string): AppError {
  if (err instanceof AppError) return err;
  const cause = RetryError.isInstance(err) ? err.lastError : err;
  const code = findErrorCode(cause);
  if (code && UNREACHABLE_CODES.has(code)) {
    return new AppError(
      'engine_unavailable',
      `Cannot reach the ${provider} service at ${baseUrl} (${code}). ` +
        'Check that it is running and ATELIER_ENGINE_BASE_URL points at it.',
      { cause: err },
    );
  }
  if (APICallError.isInstance(cause) && cause.statusCode !== undefined) {
    const status = cause.statusCode;
    if (status === 401 || status === 403) {
      return new AppError(
        'engine_unavailable',
        `The ${provider} service refused the credentials (HTTP ${status}). ` +
          'Check ATELIER_ENGINE_API_KEY.',
        { cause: err },
      );
    }
    return new AppError(
      'engine_failed',
      `The ${provider} service answered HTTP ${status}: ${cause.message}`,
      { cause: err },
    );
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError('engine_failed', `The ${provider} request failed: ${message}`, {
    cause: err,
  });
}

/** The first system error code (`ECONNREFUSED`, ...) along the cause chain. */
function findErrorCode(err: unknown): string | undefined {
  for (let current = err, depth = 0; current && depth < 6; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}
