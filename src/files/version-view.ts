import type { VersionEntry, VersionMetaEntry } from '../repositories/file-versions.js';

/** A version as the API shows it. */
export interface VersionMeta {
  n: number;
  path: string;
  language: string;
  size: number;
  content_hash: string | null;
  deleted: boolean;
  reason: string;
  operation?: string;
  model?: string;
  restored_from?: number;
  author: { id: string; username: string } | null;
  created_at: string;
}

export function toVersionMeta(row: VersionMetaEntry): VersionMeta {
  return {
    n: row.n,
    path: row.path,
    language: row.language,
    size: row.size,
    content_hash: row.content_hash,
    deleted: row.content_hash === null,
    reason: row.reason,
    ...(row.operation !== null && { operation: row.operation }),
    ...(row.model !== null && { model: row.model }),
    ...(row.restored_from !== null && { restored_from: row.restored_from }),
    author:
      row.author_id !== null && row.author_username !== null
        ? { id: row.author_id, username: row.author_username }
        : null,
    created_at: row.created_at,
  };
}

export function toVersion(row: VersionEntry): VersionMeta & { content: string | null } {
  return { ...toVersionMeta(row), content: row.content };
}
