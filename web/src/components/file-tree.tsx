import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';
import type { FileMeta } from '../api/types.js';
import { Field, invalidProps } from './field.js';
import { PencilIcon, TrashIcon } from './icons.js';
import { ProblemNotice } from './problem-notice.js';

export interface FileTreeProps {
  files: FileMeta[];
  selectedId: string | undefined;
  onOpen: (id: string) => void;
  onCreate: (path: string) => Promise<void>;
  onRename: (id: string, path: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

interface Folder {
  name: string;
  folders: Map<string, Folder>;
  files: FileMeta[];
}

function buildTree(files: FileMeta[]): Folder {
  const root: Folder = { name: '', folders: new Map(), files: [] };
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = file.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { name: part, folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push(file);
  }
  return root;
}

/** The message for the path field of a failed create or rename. */
function pathError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'invalid_path' || error.code === 'file_exists') return error.message;
  return error.fieldError('path');
}

function PathForm(props: {
  id: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (path: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [path, setPath] = useState(props.initial);
  const [error, setError] = useState<unknown>();
  const fieldError = pathError(error);

  async function submit(event: Event) {
    event.preventDefault();
    setError(undefined);
    try {
      await props.onSubmit(path);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form class="path-form" onSubmit={submit}>
      <Field id={props.id} label={props.label} error={fieldError}>
        <input
          id={props.id}
          value={path}
          placeholder="src/main.py"
          onInput={(e) => setPath(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
          ref={(input) => input?.focus()}
          {...invalidProps(props.id, fieldError)}
        />
      </Field>
      {error !== undefined && !fieldError && <ProblemNotice error={error} />}
      <div class="row">
        <button type="submit" class="primary small">
          {props.submitLabel}
        </button>
        <button type="button" class="small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FileRow(props: FileTreeProps & { file: FileMeta }) {
  const { file } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [error, setError] = useState<unknown>();
  const name = file.path.split('/').pop() ?? file.path;
  const selected = props.selectedId === file.id;

  if (mode === 'rename') {
    return (
      <li>
        <PathForm
          id={`rename-${file.id}`}
          label={`New path for ${file.path}`}
          initial={file.path}
          submitLabel="Rename"
          onSubmit={async (path) => {
            await props.onRename(file.id, path);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }
  return (
    <li class={`file-row${selected ? ' selected' : ''}`}>
      <button
        type="button"
        class="file-name"
        aria-current={selected ? 'true' : undefined}
        title={file.path}
        onClick={() => props.onOpen(file.id)}
      >
        {name}
      </button>
      {mode === 'delete' ? (
        <fieldset class="confirm">
          <legend class="sr-only">Delete {file.path}?</legend>
          <button
            type="button"
            class="small danger"
            onClick={() => props.onDelete(file.id).catch(setError)}
          >
            Delete
          </button>
          <button type="button" class="small" onClick={() => setMode('view')}>
            Keep
          </button>
        </fieldset>
      ) : (
        <span class="row-actions">
          <button
            type="button"
            class="icon"
            aria-label={`Rename ${file.path}`}
            title="Rename"
            onClick={() => setMode('rename')}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            class="icon"
            aria-label={`Delete ${file.path}`}
            title="Delete"
            onClick={() => setMode('delete')}
          >
            <TrashIcon />
          </button>
        </span>
      )}
      {error !== undefined && <ProblemNotice error={error} onDismiss={() => setError(undefined)} />}
    </li>
  );
}

function FolderView(props: FileTreeProps & { folder: Folder }) {
  const { folder } = props;
  return (
    <ul class="tree-level">
      {[...folder.folders.values()].map((child) => (
        <li key={child.name} class="folder">
          <details open>
            <summary>{child.name}</summary>
            <FolderView {...props} folder={child} />
          </details>
        </li>
      ))}
      {folder.files.map((file) => (
        <FileRow key={file.id} {...props} file={file} />
      ))}
    </ul>
  );
}

export function FileTree(props: FileTreeProps) {
  const [creating, setCreating] = useState(false);
  return (
    <nav class="file-tree" aria-labelledby="files-title">
      <div class="panel-head">
        <h2 id="files-title">Files</h2>
        <button type="button" class="small" onClick={() => setCreating(true)}>
          New file
        </button>
      </div>
      {creating && (
        <PathForm
          id="new-file-path"
          label="Path of the new file"
          initial=""
          submitLabel="Create"
          onSubmit={async (path) => {
            await props.onCreate(path);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {props.files.length === 0 && !creating && <p class="muted">No files yet.</p>}
      <FolderView {...props} folder={buildTree(props.files)} />
    </nav>
  );
}
