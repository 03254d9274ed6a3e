import type { paths } from './generated/openapi.js';

export type AiOperation = 'complete' | 'explain' | 'refactor';

type AiRoute<Op extends AiOperation> = paths[`/api/v1/ai/${Op}`]['post'];

/** The JSON body of `POST /api/v1/ai/{operation}`. */
export type AiRequest<Op extends AiOperation> =
  AiRoute<Op>['requestBody']['content']['application/json'];

/** The JSON answer of `POST /api/v1/ai/{operation}`, also the `done` event's data. */
export type AiResult<Op extends AiOperation> =
  AiRoute<Op>['responses'][200]['content']['application/json'];

/** One event of a streamed operation: text as it is generated, then the answer. */
export type AiEvent<Op extends AiOperation> =
  | { type: 'token'; text: string }
  | { type: 'done'; result: AiResult<Op> };

export interface OperationOptions {
  /** Runs on a shared workspace (`/api/v2`) instead of the personal one. */
  workspaceId?: string;
  signal?: AbortSignal;
}

export function operationPath(operation: AiOperation, workspaceId?: string): string {
  if (workspaceId === undefined) return `/api/v1/ai/${operation}`;
  return `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/ai/${operation}`;
}
