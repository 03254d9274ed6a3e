import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';
import type { Suggestion } from '../api/types.js';
import { DiffView } from './diff-view.js';
import { ProblemNotice } from './problem-notice.js';

export type ApplyEdit = (suggestion: Suggestion, force: boolean) => Promise<void>;

/** One refactoring suggestion: its diff and a button applying it alone. */
export function SuggestionCard(props: { index: number; suggestion: Suggestion; apply: ApplyEdit }) {
  const { suggestion, index } = props;
  const [state, setState] = useState<'ready' | 'applying' | 'applied'>('ready');
  const [error, setError] = useState<unknown>();
  const syntax = error instanceof ApiError && error.code === 'syntax_error';

  async function apply(force: boolean) {
    setState('applying');
    setError(undefined);
    try {
      await props.apply(suggestion, force);
      setState('applied');
    } catch (caught) {
      setError(caught);
      setState('ready');
    }
  }

  const headingId = `suggestion-${index}`;
  return (
    <article class={`suggestion ${state}`} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {index + 1}. {suggestion.title || 'Untitled suggestion'}
      </h4>
      {suggestion.rationale && <p class="rationale">{suggestion.rationale}</p>}
      <DiffView diff={suggestion.diff} label={`Diff of suggestion ${index + 1}`} />
      {syntax && error instanceof ApiError ? (
        <div class="notice notice-warn" role="alert">
          <strong>This edit would break the syntax</strong>
          <p>{error.message}</p>
          <button type="button" class="small danger" onClick={() => apply(true)}>
            Apply anyway
          </button>
        </div>
      ) : (
        error !== undefined && <ProblemNotice error={error} onDismiss={() => setError(undefined)} />
      )}
      {state === 'applied' ? (
        <p class="applied-mark" role="status">
          ✓ Applied
        </p>
      ) : (
        <button
          type="button"
          class="primary small"
          disabled={state === 'applying'}
          onClick={() => apply(false)}
          aria-label={`Apply suggestion ${index + 1}`}
        >
          {state === 'applying' ? 'Applying…' : 'Apply'}
        </button>
      )}
    </article>
  );
}
