import { type AtelierClient, ProblemError, unwrap } from '@atelier/client';

const PAGE = 200;

export type StoredFile = Awaited<ReturnType<typeof listFiles>>[number];

/** Every stored file under a path prefix, following the list's cursor. */
export async function listFiles(client: AtelierClient, prefix?: string) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      client.api.GET('/api/v1/files', {
        params: { query: { limit: PAGE, cursor, path_prefix: prefix || undefined } },
      }),
    );
    pages.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return pages;
}

/** The stored file at exactly this path, if there is one. */
export async function findFile(client: AtelierClient, filePath: string) {
  const candidates = await listFiles(client, filePath);
  return candidates.find((file) => file.path === filePath);
}

export async function requireFile(client: AtelierClient, filePath: string) {
  const file = await findFile(client, filePath);
  if (!file) {
    throw new ProblemError(404, {
      code: 'file_not_found',
      detail: `no stored file at ${filePath} (see atelier files ls)`,
    });
  }
  return file;
}

/** The file with its content and the ETag that writes must present. */
export async function readFileWithEtag(client: AtelierClient, fileId: string) {
  const answer = await client.api.GET('/api/v1/files/{file_id}', {
    params: { path: { file_id: fileId } },
  });
  const file = await unwrap(Promise.resolve(answer));
  return { file, etag: answer.response.headers.get('etag') ?? '' };
}
