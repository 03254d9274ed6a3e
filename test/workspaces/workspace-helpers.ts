import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { FilesUser } from '../helpers/files-user.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls a v2 route as `user` and returns the response. */
export function v2(
  app: FastifyInstance,
  user: FilesUser,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  const all = { ...user.auth, ...headers };
  return app.inject({ method, url: `/api/v2${url}`, headers: all, payload });
}

/** Calls a v2 route and fails the test unless it answers `status`; returns the body. */
export async function v2ok(
  app: FastifyInstance,
  user: FilesUser,
  method: Method,
  url: string,
  payload?: object,
  status = 200,
) {
  const res = await v2(app, user, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.body ? res.json() : undefined;
}

/** A shared workspace owned by `owner`, with the given members added. */
export async function sharedWorkspace(
  app: FastifyInstance,
  owner: FilesUser & { username: string },
  members: Array<{ username: string; role: 'owner' | 'editor' | 'viewer' }> = [],
): Promise<string> {
  const { id } = await v2ok(app, owner, 'POST', '/workspaces', { name: 'team' }, 201);
  for (const member of members) {
    await v2ok(app, owner, 'POST', `/workspaces/${id}/members`, member, 201);
  }
  return id;
}
