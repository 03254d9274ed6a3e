import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table shapes. Booleans are 0/1 integers and times are ISO-8601 strings so
 * that the same queries run on SQLite and PostgreSQL.
 */
export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  /** The user whose personal workspace this is; null for a shared one. */
  personal_owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface FilesTable {
  id: string;
  workspace_id: string;
  /** The user who created the file. */
  user_id: string;
  path: string;
  language: string;
  content: string;
  size: number;
  version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
  /** Set while the file is deleted; its history keeps it restorable. */
  deleted_at: string | null;
}

/** One write of a file; `n` is the file's version after the write. */
export interface FileVersionsTable {
  file_id: string;
  n: number;
  path: string;
  language: string;
  /** Null when the write deleted the file. */
  content: string | null;
  size: number;
  content_hash: string | null;
  author_id: string | null;
  reason: string;
  operation: string | null;
  model: string | null;
  /** The version whose state a restore or undo copied. */
  restored_from: number | null;
  created_at: string;
  /** Orders writes across all files; one more than the largest so far. */
  seq: number;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  last4: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface UsageEventsTable {
  id: string;
  user_id: string;
  api_key_id: string | null;
  operation: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  duration_ms: number;
  time_to_first_token_ms: number | null;
  outcome: string;
  created_at: string;
}

/** A background job; `request` and `result` are JSON text, `problem` too. */
export interface JobsTable {
  id: string;
  user_id: string;
  /** The shared workspace whose files the job reads; null for the personal one. */
  workspace_id: string | null;
  kind: string;
  status: string;
  request: string;
  total: number;
  done: number;
  attempts: number;
  max_attempts: number;
  /** The worker holding the job while it runs, and until when. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** The sequence number of the job's newest event. */
  event_seq: number;
  result: string | null;
  problem: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface JobFilesTable {
  job_id: string;
  idx: number;
  file_id: string | null;
  path: string | null;
  result: string | null;
}

export interface JobEventsTable {
  job_id: string;
  seq: number;
  type: string;
  data: string;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  files: FilesTable;
  api_keys: ApiKeysTable;
  usage_events: UsageEventsTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
  file_versions: FileVersionsTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  job_events: JobEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type FileRow = Selectable<FilesTable>;
export type NewFileRow = Insertable<FilesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type UsageEventRow = Selectable<UsageEventsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type FileVersionRow = Selectable<FileVersionsTable>;
export type JobRow = Selectable<JobsTable>;
export type JobFileRow = Selectable<JobFilesTable>;
export type JobEventRow = Selectable<JobEventsTable>;
