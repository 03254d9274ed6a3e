import type { Static } from '@fastify/type-provider-typebox';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { isWellFormedText } from '../files/content.js';
import { findFileInScope, listFiles } from '../repositories/file-reads.js';
import type { FileScope } from '../repositories/files.js';
import type { JobTarget } from '../repositories/jobs.js';
import type { AnalyzeBody } from '../routes/v1/job-schemas.js';

type Body = Static<typeof AnalyzeBody>;

function invalid(field: string, message: string, detail: string): AppError {
  return new AppError('validation_failed', detail, { errors: [{ field, message }] });
}

async function filesByIds(db: Db, scope: FileScope, ids: string[]): Promise<JobTarget[]> {
  const targets: JobTarget[] = [];
  for (const id of ids) {
    const file = await findFileInScope(db, scope, id);
    if (!file) throw new AppError('file_not_found', `No file with id ${id}`);
    targets.push({ fileId: file.id, path: file.path });
  }
  return targets;
}

async function filesByPrefix(db: Db, scope: FileScope, prefix: string, max: number) {
  const filter = { ...scope, pathPrefix: prefix };
  const { rows } = await listFiles(db, filter, { limit: max + 1 });
  if (rows.length === 0) {
    throw invalid('body.path_prefix', 'matches no file', `No file path starts with "${prefix}"`);
  }
  if (rows.length > max) {
    const detail = `More than ${max} files start with "${prefix}"; narrow the prefix`;
    throw invalid('body.path_prefix', `matches more than ${max} files`, detail);
  }
  return rows.map((row) => ({ fileId: row.id, path: row.path }));
}

/**
 * The files a submitted analysis covers, fixed at submission: exactly one
 * of `file_ids`, `path_prefix` and `code` names them.
 */
export async function resolveAnalysisTargets(
  db: Db,
  scope: FileScope,
  body: Body,
  limits: { maxFiles: number; maxCodeBytes: number },
): Promise<JobTarget[]> {
  const given = [body.file_ids, body.path_prefix, body.code].filter((v) => v !== undefined);
  if (given.length !== 1) {
    const message = 'exactly one of file_ids, path_prefix and code is required';
    throw invalid('body', message, 'Give exactly one of `file_ids`, `path_prefix` and `code`');
  }

  if (body.code !== undefined) {
    if (!isWellFormedText(body.code)) {
      throw invalid('body.code', 'contains a lone surrogate', 'Code must be valid Unicode text');
    }
    if (Buffer.byteLength(body.code) > limits.maxCodeBytes) {
      throw new AppError('payload_too_large', `Code is over ${limits.maxCodeBytes} bytes`);
    }
    return [{ fileId: null, path: null }];
  }
  if (body.file_ids !== undefined) {
    if (body.file_ids.length > limits.maxFiles) {
      const message = `has more than ${limits.maxFiles} items`;
      throw invalid('body.file_ids', message, `At most ${limits.maxFiles} files per job`);
    }
    return filesByIds(db, scope, body.file_ids);
  }
  return filesByPrefix(db, scope, body.path_prefix as string, limits.maxFiles);
}
