import { useEffect, useState } from 'preact/hooks';
import { listVersions, rewindFile } from '../api/files.js';
import type { Session } from '../api/session.js';
import type { FileWithTag, StoredFile, Version } from '../api/types.js';
import { ProblemNotice } from './problem-notice.js';

export interface HistoryPanelProps {
  session: Session;
  current: FileWithTag;
  dirty: boolean;
  onFileReplaced: (file: StoredFile, etag: string) => void;
}

function describe(version: Version): string {
  if (version.reason === 'ai-edit')
    return `AI edit${version.operation ? ` (${version.operation})` : ''}`;
  if (version.restored_from !== undefined) return `${version.reason} of v${version.restored_from}`;
  return version.reason;
}

/** The file's versions, newest first, with restore and undo. */
export function HistoryPanel(props: HistoryPanelProps) {
  const { file, etag } = props.current;
  const [versions, setVersions] = useState<Version[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    listVersions(props.session, file.id)
      .then((items) => live && setVersions(items))
      .catch((caught) => live && setError(caught));
    return () => {
      live = false;
    };
  }, [file.id, file.version]);

  async function rewind(version?: number) {
    setBusy(true);
    setError(undefined);
    try {
      const { state, etag: next } = await rewindFile(props.session, file.id, etag, version);
      if (state.content !== null) props.onFileReplaced({ ...state, content: state.content }, next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const locked = busy || props.dirty;
  return (
    <section class="history" aria-labelledby="history-title">
      <div class="panel-head">
        <h2 id="history-title">History</h2>
        <button type="button" class="small" disabled={locked} onClick={() => rewind()}>
          Undo last change
        </button>
      </div>
      {props.dirty && <p class="muted">Save or discard your changes to restore a version.</p>}
      {error !== undefined && <ProblemNotice error={error} onDismiss={() => setError(undefined)} />}
      <ol class="versions" aria-label="Versions, newest first">
        {versions?.map((v) => (
          <li key={v.n} class={v.n === file.version ? 'current' : ''}>
            <div>
              <strong>v{v.n}</strong> {describe(v)}
              <div class="meta">
                {v.author?.username ?? 'unknown'} · {new Date(v.created_at).toLocaleString()}
                {v.path !== file.path && ` · ${v.path}`}
              </div>
            </div>
            {v.n === file.version ? (
              <span class="badge">current</span>
            ) : (
              !v.deleted && (
                <button
                  type="button"
                  class="small"
                  disabled={locked}
                  aria-label={`Restore version ${v.n}`}
                  onClick={() => rewind(v.n)}
                >
                  Restore
                </button>
              )
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
