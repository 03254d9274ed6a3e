/** The API's bodies, as the web app uses them (see /openapi.json). */

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  request_id?: string;
  errors?: { field: string; message: string }[];
  retry_after_seconds?: number;
  line?: number;
  column?: number;
}

export interface TokenPair {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
}

export interface User {
  id: string;
  username: string;
}

export interface FileMeta {
  id: string;
  path: string;
  language: string;
  size: number;
  version: number;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface StoredFile extends FileMeta {
  content: string;
}

/** A file with the ETag that names the version read. */
export interface FileWithTag {
  file: StoredFile;
  etag: string;
}

export interface FileList {
  items: FileMeta[];
  total: number;
  next_cursor?: string;
}

export interface Version {
  n: number;
  path: string;
  language: string;
  size: number;
  deleted: boolean;
  reason: string;
  operation?: string;
  model?: string;
  restored_from?: number;
  author: { id: string; username: string } | null;
  created_at: string;
}

export interface FileState extends FileMeta {
  content: string | null;
  deleted_at: string | null;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ResultMeta {
  model: string;
  finish_reason: 'stop' | 'length' | 'time_limit' | 'cancelled';
  usage: Usage;
}

export interface CompleteResult extends ResultMeta {
  completion: string;
  mode: string;
}

export interface ExplainResult extends ResultMeta {
  explanation: string;
}

export interface Suggestion {
  title: string;
  rationale: string;
  edit: { search: string; replace: string };
  diff: string;
}

export interface RefactorResult extends ResultMeta {
  suggestions: Suggestion[];
  discarded: number;
}

export interface EditResult {
  written: boolean;
  diff: string;
  file?: StoredFile;
}

export type AiOperation = 'complete' | 'explain' | 'refactor';

export interface AiResults {
  complete: CompleteResult;
  explain: ExplainResult;
  refactor: RefactorResult;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** An analysis job; fields beyond status and progress are read defensively. */
export interface Job {
  id: string;
  status: JobStatus;
  progress?: { done: number; total: number };
  result?: unknown;
  error?: Problem;
  problem?: Problem;
  created_at?: string;
  finished_at?: string;
}
