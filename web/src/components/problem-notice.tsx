import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';

const WAIT_CODES = new Set([
  'rate_limited',
  'concurrency_limited',
  'token_budget_exceeded',
  'server_busy',
  'server_overloaded',
]);

export interface NoticeText {
  title: string;
  detail?: string;
  hint?: string;
}

/** What to tell the user about a failure, by the problem's stable code. */
export function describeError(error: unknown): NoticeText {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: String(error) };
  }
  const { problem } = error;
  const detail = problem.detail;
  switch (problem.code) {
    case 'network':
      return { title: 'Cannot reach the server', detail, hint: 'Check that Atelier is running.' };
    case 'engine_unavailable':
      return {
        title: 'The model is unavailable',
        detail,
        hint: 'Editing and saving still work; AI returns once the server has a model.',
      };
    case 'engine_failed':
    case 'engine_output_invalid':
      return { title: 'The model failed', detail, hint: 'Try again.' };
    case 'input_too_long':
      return { title: 'Too much code for the model', detail, hint: 'Select less code.' };
    case 'validation_failed':
      return {
        title: 'Some fields are invalid',
        detail: problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? detail,
      };
    case 'precondition_failed':
      return { title: 'Someone else changed this file', detail, hint: 'Reload it and try again.' };
    case 'invalid_token':
    case 'invalid_refresh_token':
    case 'refresh_token_reused':
      return { title: 'Your session ended', detail, hint: 'Sign in again.' };
    case 'internal_error':
      return {
        title: 'Server error',
        detail: `Quote request id ${problem.request_id} when reporting it.`,
      };
    default:
      return { title: problem.title, detail };
  }
}

function useCountdown(seconds: number | undefined): number | undefined {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds === undefined) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

/** An error as an alert: what happened, why, and what to do; waits count down. */
export function ProblemNotice(props: { error: unknown; onDismiss?: () => void }) {
  const { error } = props;
  const api = error instanceof ApiError ? error : undefined;
  const waits = api !== undefined && WAIT_CODES.has(api.code);
  const left = useCountdown(waits ? api?.retryAfter : undefined);
  const text = describeError(error);
  const title = waits
    ? `${api?.status === 429 ? 'Rate limited' : 'Server busy'}: ${
        left === undefined
          ? 'try again later'
          : left > 0
            ? `try again in ${left} s`
            : 'try again now'
      }`
    : text.title;

  return (
    <div class="notice notice-error" role="alert" data-code={api?.code}>
      <div class="notice-body">
        <strong>{title}</strong>
        {text.detail && <p>{text.detail}</p>}
        {text.hint && <p class="hint">{text.hint}</p>}
      </div>
      {props.onDismiss && (
        <button type="button" class="icon" aria-label="Dismiss" onClick={props.onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
