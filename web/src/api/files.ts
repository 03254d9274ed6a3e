import type { Session } from './session.js';
import type {
  EditResult,
  FileList,
  FileMeta,
  FileState,
  FileWithTag,
  StoredFile,
  Version,
} from './types.js';

const PAGE = 200;

function tagged(file: StoredFile, response: Response): FileWithTag {
  return { file, etag: response.headers.get('etag') ?? `"${file.id}.${file.version}"` };
}

/** Every file of the caller, following the pagination cursor. */
export async function listAllFiles(session: Session): Promise<FileMeta[]> {
  const items: FileMeta[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    const { body } = await session.json<FileList>(`/files?${query}`);
    items.push(...body.items);
    cursor = body.next_cursor;
  } while (cursor);
  return items;
}

export async function readFile(session: Session, id: string): Promise<FileWithTag> {
  const { body, response } = await session.json<StoredFile>(`/files/${id}`);
  return tagged(body, response);
}

export async function createFile(
  session: Session,
  path: string,
  content: string,
): Promise<FileWithTag> {
  const { body, response } = await session.json<StoredFile>('/files', {
    method: 'POST',
    body: { path, content },
  });
  return tagged(body, response);
}

/** PUT pinned to `etag`: 412 when someone else wrote in between. */
export async function updateFile(
  session: Session,
  id: string,
  etag: string | undefined,
  changes: { content?: string; path?: string },
): Promise<FileWithTag> {
  const headers: Record<string, string> = etag ? { 'if-match': etag } : {};
  const { body, response } = await session.json<StoredFile>(`/files/${id}`, {
    method: 'PUT',
    body: changes,
    headers,
  });
  return tagged(body, response);
}

export async function deleteFile(session: Session, id: string, etag?: string): Promise<void> {
  const headers: Record<string, string> = etag ? { 'if-match': etag } : {};
  await session.json<undefined>(`/files/${id}`, { method: 'DELETE', headers });
}

export async function applyEdit(
  session: Session,
  id: string,
  etag: string,
  edit: { search: string; replace: string },
  force = false,
): Promise<{ result: EditResult; etag: string }> {
  const { body, response } = await session.json<EditResult>(`/files/${id}/edits`, {
    method: 'POST',
    body: { edits: [edit], ...(force && { force: true }) },
    headers: { 'if-match': etag },
  });
  return { result: body, etag: response.headers.get('etag') ?? etag };
}

export async function listVersions(session: Session, id: string): Promise<Version[]> {
  const { body } = await session.json<{ items: Version[] }>(`/files/${id}/versions?limit=50`);
  return body.items;
}

/** Restore (a version number) or undo (none), pinned to `etag`. */
export async function rewindFile(
  session: Session,
  id: string,
  etag: string,
  version?: number,
): Promise<{ state: FileState; etag: string }> {
  const path =
    version === undefined ? `/files/${id}/undo` : `/files/${id}/versions/${version}/restore`;
  const { body, response } = await session.json<FileState>(path, {
    method: 'POST',
    headers: { 'if-match': etag },
  });
  return { state: body, etag: response.headers.get('etag') ?? etag };
}
