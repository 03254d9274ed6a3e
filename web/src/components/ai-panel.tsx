import type { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'preact/hooks';
import { streamAi } from '../api/ai.js';
import { ApiError } from '../api/api-error.js';
import { applyEdit } from '../api/files.js';
import type { Session } from '../api/session.js';
import type { AiOperation, FileWithTag, StoredFile, Suggestion } from '../api/types.js';
import { type Outcome, OutcomeView } from './ai-outcome.js';
import { Field, invalidProps } from './field.js';
import { ProblemNotice } from './problem-notice.js';

export interface AiCommand {
  operation: AiOperation;
  seq: number;
}

export interface AiPanelProps {
  session: Session;
  current: FileWithTag | undefined;
  getView: () => EditorView | undefined;
  ensureSaved: () => Promise<FileWithTag>;
  onFileReplaced: (file: StoredFile, etag: string) => void;
  command: AiCommand | undefined;
}

const OPERATIONS: { id: AiOperation; label: string }[] = [
  { id: 'complete', label: 'Complete' },
  { id: 'explain', label: 'Explain' },
  { id: 'refactor', label: 'Refactor' },
];

const DEFAULT_TOKENS: Record<AiOperation, string> = {
  complete: '64',
  explain: '256',
  refactor: '600',
};

function numberOr(text: string, fallback: number): number {
  return text.trim() === '' ? fallback : Number(text);
}

/** Completion, explanation and refactoring, streamed, with a stop button. */
export function AiPanel(props: AiPanelProps) {
  const [operation, setOperation] = useState<AiOperation>('complete');
  const [maxTokens, setMaxTokens] = useState<Record<AiOperation, string>>(DEFAULT_TOKENS);
  const [temperature, setTemperature] = useState('');
  const [question, setQuestion] = useState('');
  const [instructions, setInstructions] = useState('');
  const [running, setRunning] = useState<AbortController>();
  const [streamed, setStreamed] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<unknown>();
  const [stopped, setStopped] = useState(false);
  const latest = useRef({ props, run });
  latest.current = { props, run };

  useEffect(() => {
    if (!props.command) return;
    setOperation(props.command.operation);
    latest.current.run(props.command.operation);
  }, [props.command?.seq]);

  function requestFor(op: AiOperation): { body: Record<string, unknown>; at: number } {
    const view = props.getView();
    const { file } = props.current ?? {};
    const text = view?.state.doc.toString() ?? '';
    const selection = view?.state.selection.main;
    const common = {
      language: file?.language,
      max_tokens: numberOr(maxTokens[op], Number(DEFAULT_TOKENS[op])),
      ...(temperature.trim() !== '' && { temperature: Number(temperature) }),
    };
    const cursor = selection?.head ?? text.length;
    if (op === 'complete') {
      return {
        body: { ...common, code: text.slice(0, cursor), suffix: text.slice(cursor) },
        at: cursor,
      };
    }
    if (op === 'explain') {
      const chosen =
        selection && !selection.empty ? text.slice(selection.from, selection.to) : text;
      return { body: { ...common, code: chosen, ...(question && { question }) }, at: cursor };
    }
    return {
      body: { ...common, file_id: file?.id, ...(instructions && { instructions }) },
      at: cursor,
    };
  }

  async function run(op: AiOperation) {
    if (running || !props.current) return;
    const controller = new AbortController();
    setRunning(controller);
    setStreamed('');
    setOutcome(undefined);
    setError(undefined);
    setStopped(false);
    try {
      // Refactoring reads the stored file, so unsaved changes are saved first.
      const saved = op === 'refactor' ? await props.ensureSaved() : props.current;
      const { body, at } = requestFor(op);
      const onText = (text: string) => setStreamed((before) => before + text);
      const signal = controller.signal;
      if (op === 'complete') {
        const result = await streamAi(props.session, 'complete', body, { onText }, signal);
        setOutcome({ operation: 'complete', result, at });
      } else if (op === 'explain') {
        const result = await streamAi(props.session, 'explain', body, { onText }, signal);
        setOutcome({ operation: 'explain', result });
      } else {
        const result = await streamAi(props.session, 'refactor', body, { onText }, signal);
        setOutcome({ operation: 'refactor', result, fileId: saved.file.id });
      }
    } catch (caught) {
      if (controller.signal.aborted) setStopped(true);
      else setError(caught);
    } finally {
      setRunning(undefined);
    }
  }

  function insertCompletion(text: string, at: number) {
    const view = props.getView();
    if (!view) return;
    const pos = Math.min(at, view.state.doc.length);
    view.dispatch({
      changes: { from: pos, insert: text },
      selection: { anchor: pos + text.length },
    });
    view.focus();
  }

  async function applySuggestion(suggestion: Suggestion, force: boolean) {
    const current = props.current;
    if (!current) return;
    const saved = await props.ensureSaved();
    const { result, etag } = await applyEdit(
      props.session,
      saved.file.id,
      saved.etag,
      suggestion.edit,
      force,
    );
    if (result.file) props.onFileReplaced(result.file, etag);
  }

  const api = error instanceof ApiError ? error : undefined;
  const tokensError = api?.fieldError('max_tokens');
  const temperatureError = api?.fieldError('temperature');
  const fieldShown = tokensError !== undefined || temperatureError !== undefined;
  const disabled = !props.current || running !== undefined;

  return (
    <section class="ai-panel" aria-labelledby="ai-title">
      <h2 id="ai-title">AI assistant</h2>
      <div class="segmented" role="radiogroup" aria-label="Operation">
        {OPERATIONS.map((o) => (
          <label key={o.id} class={operation === o.id ? 'active' : ''}>
            <input
              type="radio"
              name="ai-operation"
              value={o.id}
              checked={operation === o.id}
              onChange={() => setOperation(o.id)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <form
        class="ai-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(operation);
        }}
      >
        {operation === 'explain' && (
          <Field id="ai-question" label="Question (optional)">
            <input
              id="ai-question"
              value={question}
              placeholder="What does this do?"
              onInput={(e) => setQuestion(e.currentTarget.value)}
            />
          </Field>
        )}
        {operation === 'refactor' && (
          <Field id="ai-instructions" label="Instructions (optional)">
            <input
              id="ai-instructions"
              value={instructions}
              placeholder="Make it simpler"
              onInput={(e) => setInstructions(e.currentTarget.value)}
            />
          </Field>
        )}
        <div class="row">
          <Field id="ai-max-tokens" label="Max tokens" error={tokensError}>
            <input
              id="ai-max-tokens"
              inputMode="numeric"
              value={maxTokens[operation]}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setMaxTokens((before) => ({ ...before, [operation]: value }));
              }}
              {...invalidProps('ai-max-tokens', tokensError)}
            />
          </Field>
          <Field id="ai-temperature" label="Temperature" error={temperatureError}>
            <input
              id="ai-temperature"
              inputMode="decimal"
              placeholder="default"
              value={temperature}
              onInput={(e) => setTemperature(e.currentTarget.value)}
              {...invalidProps('ai-temperature', temperatureError)}
            />
          </Field>
        </div>
        <div class="row">
          <button type="submit" class="primary" disabled={disabled}>
            {OPERATIONS.find((o) => o.id === operation)?.label}
          </button>
          {running && (
            <button type="button" class="danger" onClick={() => running.abort()}>
              Stop
            </button>
          )}
        </div>
      </form>
      {!props.current && <p class="muted">Open a file to use the assistant.</p>}
      {error !== undefined && !fieldShown && (
        <ProblemNotice error={error} onDismiss={() => setError(undefined)} />
      )}
      <div class="ai-output" aria-live="polite" aria-busy={running !== undefined}>
        {running && <p class="status">Generating…</p>}
        {stopped && (
          <p class="status" role="status">
            Stopped.
          </p>
        )}
        {(running || stopped || outcome?.operation !== 'refactor') && streamed && (
          <figure aria-label="Generated text">
            <pre class="streamed">{streamed}</pre>
          </figure>
        )}
        {outcome && (
          <OutcomeView outcome={outcome} insert={insertCompletion} apply={applySuggestion} />
        )}
      </div>
    </section>
  );
}
