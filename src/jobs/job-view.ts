import type { JobRow } from '../db/schema.js';
import type { AnalysisRequest } from './analysis-request.js';
import type { JobStatus } from './job-status.js';

/** What the API shows of the submitted request: the code itself is not echoed back. */
function requestView(request: AnalysisRequest) {
  const { file_ids, path_prefix, code, language, checks } = request;
  return {
    file_ids,
    path_prefix,
    code_bytes: code === undefined ? undefined : Buffer.byteLength(code),
    language,
    checks,
  };
}

/** A job row as the API answers it; lists leave the result out. */
export function toJobResponse(row: JobRow, options: { withResult: boolean; apiBase: string }) {
  const self = `${options.apiBase}/jobs/${row.id}`;
  return {
    id: row.id,
    kind: row.kind,
    workspace_id: row.workspace_id,
    status: row.status as JobStatus,
    progress: { done: row.done, total: row.total },
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    request: requestView(JSON.parse(row.request) as AnalysisRequest),
    created_at: row.created_at,
    started_at: row.started_at,
    finished_at: row.finished_at,
    updated_at: row.updated_at,
    result: options.withResult && row.result ? JSON.parse(row.result) : null,
    problem: row.problem ? JSON.parse(row.problem) : null,
    links: { self, events: `${self}/events` },
  };
}
