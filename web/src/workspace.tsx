import type { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/api-error.js';
import * as files from './api/files.js';
import type { Session } from './api/session.js';
import type { FileMeta, FileWithTag, StoredFile, User } from './api/types.js';
import { type AiCommand, AiPanel } from './components/ai-panel.js';
import { AnalysisPanel } from './components/analysis-panel.js';
import { CodeEditor } from './components/code-editor.js';
import { FileTree } from './components/file-tree.js';
import { HistoryPanel } from './components/history-panel.js';
import { ProblemNotice } from './components/problem-notice.js';
import { type SideTab, SideTabs } from './components/side-tabs.js';
import { TopBar } from './components/top-bar.js';
import { UnsavedNotice } from './components/unsaved-notice.js';

/** The signed-in screen: files, the editor, and the side panels. */
export function Workspace(props: { session: Session }) {
  const { session } = props;
  const [user, setUser] = useState<User>();
  const [list, setList] = useState<FileMeta[]>([]);
  const [current, setCurrent] = useState<FileWithTag>();
  const [text, setText] = useState('');
  const [loads, setLoads] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const [tab, setTab] = useState<SideTab>('ai');
  const [command, setCommand] = useState<AiCommand>();
  const view = useRef<EditorView | undefined>(undefined);
  const dirty = current !== undefined && text !== current.file.content;

  async function refreshList() {
    setList(await files.listAllFiles(session));
  }

  useEffect(() => {
    session
      .json<User>('/users/me')
      .then(({ body }) => setUser(body))
      .catch(setError);
    refreshList().catch(setError);
  }, []);

  /** Shows a file read from the server, replacing what the editor holds. */
  function show(loaded: FileWithTag) {
    setCurrent(loaded);
    setText(loaded.file.content);
    setLoads((n) => n + 1);
    setConflict(false);
  }

  function replaceFile(file: StoredFile, etag: string) {
    show({ file, etag });
    setStatus(`${file.path} is now version ${file.version}`);
    setList((before) => before.map((f) => (f.id === file.id ? file : f)));
  }

  async function guarded(action: () => Promise<void>) {
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'precondition_failed') setConflict(true);
      else setError(caught);
      throw caught;
    }
  }

  async function open(id: string) {
    setPending(undefined);
    await guarded(async () => show(await files.readFile(session, id))).catch(() => undefined);
  }

  /** Opening another file would drop unsaved changes: ask first. */
  function requestOpen(id: string) {
    if (dirty && id !== current?.file.id) setPending(id);
    else open(id);
  }

  // The browser asks before a reload or close would drop unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save(): Promise<FileWithTag> {
    if (!current) throw new Error('No file is open');
    if (!dirty) return current;
    let saved: FileWithTag | undefined;
    await guarded(async () => {
      saved = await files.updateFile(session, current.file.id, current.etag, { content: text });
      setCurrent(saved);
      setList((before) => before.map((f) => (f.id === saved?.file.id ? saved.file : f)));
      setStatus(`Saved ${saved.file.path} (version ${saved.file.version})`);
    });
    if (!saved) throw new Error('not saved');
    return saved;
  }

  /** After a 412: keep the user's text but write it over the newer version. */
  async function overwrite() {
    if (!current) return;
    const latest = await files.readFile(session, current.file.id);
    const saved = await files.updateFile(session, current.file.id, latest.etag, { content: text });
    setCurrent(saved);
    setConflict(false);
    setStatus(`Saved ${saved.file.path} over the other change (version ${saved.file.version})`);
  }

  /** Unsaved changes are saved first; errors stay with the path form's field. */
  async function create(path: string) {
    if (dirty) await save();
    const created = await files.createFile(session, path, '');
    await refreshList();
    show(created);
    setStatus(`Created ${created.file.path}`);
  }

  async function rename(id: string, path: string) {
    const target = list.find((f) => f.id === id);
    const etag = current?.file.id === id ? current.etag : undefined;
    const renamed = await files.updateFile(session, id, etag, { path });
    await refreshList();
    if (current?.file.id === id) setCurrent({ file: { ...renamed.file }, etag: renamed.etag });
    setStatus(`Renamed ${target?.path ?? ''} to ${renamed.file.path}`);
  }

  async function remove(id: string) {
    const target = list.find((f) => f.id === id);
    await files.deleteFile(session, id);
    if (current?.file.id === id) setCurrent(undefined);
    await refreshList();
    setStatus(`Deleted ${target?.path ?? ''}; it stays in the history`);
  }

  const commands = {
    save: () => {
      save().catch(() => undefined);
    },
    complete: () => ask('complete'),
    explain: () => ask('explain'),
    refactor: () => ask('refactor'),
  };
  function ask(operation: AiCommand['operation']) {
    setTab('ai');
    setCommand((c) => ({ operation, seq: (c?.seq ?? 0) + 1 }));
  }

  return (
    <div class="workspace">
      <TopBar username={user?.username} onSignOut={() => session.logOut()} />
      <div class="columns">
        <FileTree
          files={list}
          selectedId={current?.file.id}
          onOpen={requestOpen}
          onCreate={create}
          onRename={rename}
          onDelete={remove}
        />
        <main class="editor-pane" aria-labelledby="editor-title">
          <div class="editor-head">
            <h2 id="editor-title">
              {current ? current.file.path : 'No file open'}
              {dirty && (
                <span class="dirty" title="Unsaved changes">
                  {' '}
                  ● <span class="sr-only">unsaved changes</span>
                </span>
              )}
            </h2>
            {current && (
              <span class="meta">
                {current.file.language} · v{current.file.version}
              </span>
            )}
            <span class="spacer" />
            <button
              type="button"
              class="primary small"
              disabled={!dirty}
              aria-keyshortcuts="Control+S"
              onClick={commands.save}
            >
              Save
            </button>
          </div>
          {pending && current && (
            <UnsavedNotice
              path={current.file.path}
              onSave={() =>
                save().then(
                  () => open(pending),
                  () => setPending(undefined),
                )
              }
              onDiscard={() => open(pending)}
              onCancel={() => setPending(undefined)}
            />
          )}
          {conflict && current && (
            <div class="notice notice-warn" role="alert">
              <strong>Someone else changed this file.</strong>
              <p>Your changes were not saved. Load their version, or save yours over it.</p>
              <div class="row">
                <button type="button" class="small" onClick={() => open(current.file.id)}>
                  Load their version
                </button>
                <button
                  type="button"
                  class="small danger"
                  onClick={() => overwrite().catch(setError)}
                >
                  Overwrite with mine
                </button>
              </div>
            </div>
          )}
          {error !== undefined && (
            <ProblemNotice error={error} onDismiss={() => setError(undefined)} />
          )}
          {current ? (
            <CodeEditor
              docKey={`${current.file.id}:${loads}`}
              doc={current.file.content}
              language={current.file.language}
              label={`Contents of ${current.file.path}`}
              commands={commands}
              onChange={setText}
              onView={(v) => {
                view.current = v;
              }}
            />
          ) : (
            <div class="empty">
              <p>Choose a file on the left, or create one.</p>
            </div>
          )}
          <p class="statusbar" role="status">
            {status}
          </p>
        </main>
        <aside class="side" aria-label="Tools">
          <SideTabs tab={tab} onSelect={setTab} />
          <div role="tabpanel" id="panel-ai" aria-labelledby="tab-ai" hidden={tab !== 'ai'}>
            <AiPanel
              session={session}
              current={current}
              getView={() => view.current}
              ensureSaved={save}
              onFileReplaced={replaceFile}
              command={command}
            />
          </div>
          <div
            role="tabpanel"
            id="panel-history"
            aria-labelledby="tab-history"
            hidden={tab !== 'history'}
          >
            {tab === 'history' && current && (
              <HistoryPanel
                session={session}
                current={current}
                dirty={dirty}
                onFileReplaced={replaceFile}
              />
            )}
            {!current && <p class="muted">Open a file to see its history.</p>}
          </div>
          <div
            role="tabpanel"
            id="panel-analysis"
            aria-labelledby="tab-analysis"
            hidden={tab !== 'analysis'}
          >
            {tab === 'analysis' && <AnalysisPanel session={session} file={current?.file} />}
          </div>
        </aside>
      </div>
    </div>
  );
}
