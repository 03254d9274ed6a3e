import type { AiResults, Suggestion } from '../api/types.js';
import { SuggestionCard } from './suggestion-card.js';

export type Outcome =
  | { operation: 'complete'; result: AiResults['complete']; at: number }
  | { operation: 'explain'; result: AiResults['explain'] }
  | { operation: 'refactor'; result: AiResults['refactor']; fileId: string };

/** The finished answer: its metadata, then insert (complete) or suggestions (refactor). */
export function OutcomeView(props: {
  outcome: Outcome;
  insert: (text: string, at: number) => void;
  apply: (suggestion: Suggestion, force: boolean) => Promise<void>;
}) {
  const { outcome } = props;
  const meta = `${outcome.result.model} · ${outcome.result.usage.total_tokens} tokens · ${outcome.result.finish_reason}`;
  if (outcome.operation === 'complete') {
    return (
      <div class="outcome">
        <p class="meta">{meta}</p>
        <button
          type="button"
          class="primary small"
          onClick={() => props.insert(outcome.result.completion, outcome.at)}
        >
          Insert at cursor
        </button>
      </div>
    );
  }
  if (outcome.operation === 'explain') {
    return <p class="meta outcome">{meta}</p>;
  }
  const { suggestions, discarded } = outcome.result;
  return (
    <div class="outcome">
      <p class="meta">
        {meta} · {suggestions.length} suggestion(s)
        {discarded > 0 && `, ${discarded} discarded`}
      </p>
      {suggestions.length === 0 && <p class="muted">No suggestions this time; try again.</p>}
      {suggestions.map((s, i) => (
        <SuggestionCard
          key={`${outcome.fileId}-${i}-${s.title}`}
          index={i}
          suggestion={s}
          apply={props.apply}
        />
      ))}
    </div>
  );
}
