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

export interface FilesTable {
  id: string;
  user_id: string;
  path: string;
  language: string;
  content: string;
  size: number;
  version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
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

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  files: FilesTable;
  api_keys: ApiKeysTable;
  usage_events: UsageEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type FileRow = Selectable<FilesTable>;
export type NewFileRow = Insertable<FilesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type UsageEventRow = Selectable<UsageEventsTable>;
