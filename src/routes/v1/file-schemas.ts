import { Type } from '@fastify/type-provider-typebox';
import { LANGUAGE_PATTERN } from '../../files/language.js';

export const Language = Type.String({
  pattern: LANGUAGE_PATTERN,
  description: 'Lowercase language id; detected from the file name when omitted',
  examples: ['python', 'typescript', 'plaintext'],
});
export const FilePath = Type.String({
  description:
    'Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ' +
    '".." segments, backslashes and control characters are refused',
  examples: ['src/app.py'],
});
export const FileContent = Type.String({
  description: 'UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes',
  examples: ['print("hello")\n'],
});

export const FileMetaProps = {
  id: Type.String({ description: 'Opaque file id', examples: ['f_q3v7k2m4x6a8c0e2g4i6k8m0o2'] }),
  path: Type.String({ examples: ['src/app.py'] }),
  language: Type.String({ examples: ['python'] }),
  size: Type.Integer({ minimum: 0, description: 'Content size in UTF-8 bytes' }),
  version: Type.Integer({ minimum: 1, description: 'Bumped by every write' }),
  content_hash: Type.String({ description: 'SHA-256 of the content, hex' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
};

export const ETAG_HEADER = {
  etag: { type: 'string', description: 'Strong validator of this version' },
};
export const READ_HEADERS = { ...ETAG_HEADER, 'cache-control': { type: 'string' } };

export const FileMeta = Type.Object(FileMetaProps);
export const FileResponse = Type.Object(
  { ...FileMetaProps, content: Type.String() },
  { description: 'The file with its content', headers: READ_HEADERS },
);
export const CreatedFileResponse = Type.Object(
  { ...FileMetaProps, content: Type.String() },
  {
    description: 'Created',
    headers: { ...ETAG_HEADER, location: { type: 'string', description: 'The file URL' } },
  },
);
export const FileListResponse = Type.Object({
  items: Type.Array(FileMeta),
  total: Type.Integer({ minimum: 0, description: 'Files matching the filters' }),
  next_cursor: Type.Optional(
    Type.String({ description: 'Pass as `cursor` for the next page; absent on the last' }),
  ),
});

export const FileParams = Type.Object({ file_id: Type.String({ minLength: 1, maxLength: 64 }) });
export const FileListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    offset: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Not with `cursor`' }),
    ),
    path_prefix: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Plain string prefix, case-sensitive: "src/" for a folder',
      }),
    ),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export const CreateFileBody = Type.Object(
  { path: FilePath, content: FileContent, language: Type.Optional(Language) },
  { additionalProperties: false },
);
export const UpdateFileBody = Type.Object(
  {
    path: Type.Optional(FilePath),
    content: Type.Optional(FileContent),
    language: Type.Optional(Language),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A response without a body: `type: 'null'` keeps it out of the docs' content. */
export const emptyResponse = (description: string) =>
  Type.Unsafe<undefined>({ type: 'null', description });
export const NotModified = emptyResponse('Not modified; the ETag header is repeated');
export const NoContent = emptyResponse('Deleted');
export const IF_MATCH_DOC =
  'Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it ' +
  'does not match the current ETag, or when another write wins the race. Without ' +
  'If-Match the write proceeds unconditionally (last writer wins).';
