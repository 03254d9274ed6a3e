import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';
import { type AnalyzeScope, cancelJob, FINISHED, followJob, startAnalysis } from '../api/jobs.js';
import type { Session } from '../api/session.js';
import type { FileMeta, Job } from '../api/types.js';
import { Field } from './field.js';
import { ProblemNotice } from './problem-notice.js';

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

/** Starts an analysis job, shows its progress as it is pushed, then its report. */
export function AnalysisPanel(props: { session: Session; file: FileMeta | undefined }) {
  const [scope, setScope] = useState<'file' | 'folder'>('file');
  const [prefix, setPrefix] = useState(folderOf(props.file?.path ?? ''));
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  const follow = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => follow.current?.abort(), []);

  async function start(event: Event) {
    event.preventDefault();
    follow.current?.abort();
    setError(undefined);
    setJob(undefined);
    const body: AnalyzeScope =
      scope === 'file' && props.file ? { file_ids: [props.file.id] } : { path_prefix: prefix };
    const controller = new AbortController();
    follow.current = controller;
    try {
      const started = await startAnalysis(props.session, body);
      setJob(started);
      await followJob(props.session, started.id, setJob, controller.signal);
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
    }
  }

  const notAvailable = error instanceof ApiError && error.code === 'not_found';
  const running = job !== undefined && !FINISHED.has(job.status);
  const problem = job?.error ?? job?.problem;
  return (
    <section class="analysis" aria-labelledby="analysis-title">
      <h2 id="analysis-title">Analysis</h2>
      <form onSubmit={start}>
        <fieldset>
          <legend>Analyse</legend>
          <label class="inline">
            <input
              type="radio"
              name="analysis-scope"
              checked={scope === 'file'}
              disabled={!props.file}
              onChange={() => setScope('file')}
            />
            This file
          </label>
          <label class="inline">
            <input
              type="radio"
              name="analysis-scope"
              checked={scope === 'folder'}
              onChange={() => setScope('folder')}
            />
            A folder
          </label>
        </fieldset>
        {scope === 'folder' && (
          <Field id="analysis-prefix" label="Path prefix">
            <input
              id="analysis-prefix"
              value={prefix}
              placeholder="src/"
              onInput={(e) => setPrefix(e.currentTarget.value)}
            />
          </Field>
        )}
        <div class="row">
          <button type="submit" class="primary" disabled={running}>
            Start analysis
          </button>
          {running && job && (
            <button
              type="button"
              class="danger"
              onClick={() => cancelJob(props.session, job.id).catch(setError)}
            >
              Cancel
            </button>
          )}
        </div>
      </form>
      {notAvailable ? (
        <p class="notice notice-warn" role="alert">
          This server does not run analysis jobs yet.
        </p>
      ) : (
        error !== undefined && <ProblemNotice error={error} onDismiss={() => setError(undefined)} />
      )}
      {job && (
        <div class="job" aria-live="polite">
          <p>
            Job <code>{job.id}</code>: <strong>{job.status}</strong>
          </p>
          <progress
            max={job.progress?.total || 1}
            value={job.progress?.done ?? (FINISHED.has(job.status) ? 1 : 0)}
            aria-label="Analysis progress"
          />
          {job.progress && (
            <p class="meta">
              {job.progress.done} of {job.progress.total} file(s)
            </p>
          )}
          {problem && <ProblemNotice error={new ApiError(problem)} />}
          {job.status === 'succeeded' && job.result !== undefined && (
            <figure aria-label="Analysis report">
              <pre class="report">{JSON.stringify(job.result, null, 2)}</pre>
            </figure>
          )}
        </div>
      )}
    </section>
  );
}
