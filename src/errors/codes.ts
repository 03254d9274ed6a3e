/**
 * Registry of every error Atelier can answer with. Codes are stable: clients
 * match on them, so a retired code is never reused for another meaning.
 * The README's error table is written from this list.
 */
export const ERROR_CODES = {
  validation_failed: { status: 422, title: 'Request validation failed' },
  malformed_request: { status: 400, title: 'Malformed request' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  not_authenticated: { status: 401, title: 'Not authenticated' },
  invalid_credentials: { status: 401, title: 'Invalid credentials' },
  invalid_token: { status: 401, title: 'Invalid or expired token' },
  invalid_refresh_token: { status: 401, title: 'Invalid refresh token' },
  refresh_token_reused: { status: 401, title: 'Refresh token reused' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  user_not_found: { status: 404, title: 'User not found' },
  file_not_found: { status: 404, title: 'File not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  user_exists: { status: 409, title: 'User already exists' },
  file_exists: { status: 409, title: 'File already exists' },
  self_lockout: { status: 409, title: 'Administrators cannot lock themselves out' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  precondition_required: { status: 428, title: 'Precondition required' },
  edit_conflict: { status: 409, title: 'Edit does not apply' },
  syntax_error: { status: 422, title: 'Edit would break the syntax' },
  invalid_diff: { status: 422, title: 'Invalid diff' },
  invalid_path: { status: 422, title: 'Invalid file path' },
  invalid_content: { status: 422, title: 'Invalid file content' },
  input_too_long: { status: 422, title: 'Input too long for the model' },
  rate_limited: { status: 429, title: 'Too many requests' },
  engine_unavailable: { status: 503, title: 'Language model unavailable' },
  engine_failed: { status: 502, title: 'Language model failed' },
  engine_output_invalid: { status: 502, title: 'Language model output invalid' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  internal_error: { status: 500, title: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
