import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentUser } from '../auth/authenticate.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { FileScope } from '../repositories/files.js';
import {
  findMembership,
  type Membership,
  personalWorkspaceId,
  type WorkspaceRole,
} from '../repositories/workspaces.js';

/** What a route needs to do in a workspace. */
export type Capability = 'read' | 'write' | 'ai' | 'manage';

const ACTION_NAMES: Record<Capability, string> = {
  read: 'read it',
  write: 'change its files',
  ai: 'run AI operations in it',
  manage: 'manage it or its members',
};

const ALLOWED: Record<WorkspaceRole, readonly Capability[]> = {
  owner: ['read', 'write', 'ai', 'manage'],
  editor: ['read', 'write', 'ai'],
  viewer: ['read'],
};

/**
 * The workspace a request acts in and the caller's role there. Without a
 * `workspaceId` it is the caller's personal workspace, as in v1.
 */
export interface WorkspaceScope extends FileScope {
  role: WorkspaceRole;
  /** URL prefix of the scope's routes, for Location headers. */
  baseUrl: string;
  /** The workspace row, when the scope was resolved from a v2 URL. */
  workspace?: Membership;
}

export type ScopeResolver = (request: FastifyRequest) => Promise<WorkspaceScope>;

declare module 'fastify' {
  interface FastifyContextConfig {
    scopeResolver?: ScopeResolver;
  }
}

/** Whether a workspace role may do what `need` names. */
export function roleAllows(role: WorkspaceRole, need: Capability): boolean {
  return ALLOWED[role].includes(need);
}

/** v1: the caller's personal workspace, which they own. */
export const personalScope: ScopeResolver = async (request) => ({
  userId: currentUser(request).id,
  role: 'owner',
  baseUrl: '/api/v1',
});

/**
 * v2: the workspace named by the `workspace_id` path parameter. A workspace
 * the caller is no member of answers 404 exactly like a missing one, so its
 * existence does not leak.
 */
export const memberScope: ScopeResolver = async (request) => {
  const userId = currentUser(request).id;
  const workspaceId = (request.params as { workspace_id: string }).workspace_id;
  const workspace = await findMembership(request.server.db, workspaceId, userId);
  if (!workspace) {
    throw new AppError('workspace_not_found', `No workspace with id "${workspaceId}"`);
  }
  const baseUrl = `/api/v2/workspaces/${workspace.id}`;
  return { userId, workspaceId: workspace.id, role: workspace.role, baseUrl, workspace };
};

/** Makes every route registered in `app` from now on resolve its scope with `resolver`. */
export function useScope(app: FastifyInstance, resolver: ScopeResolver): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, scopeResolver: resolver };
  });
}

const resolved = new WeakMap<FastifyRequest, Promise<WorkspaceScope>>();

/**
 * The request's scope, resolved once per request, after checking that the
 * caller's role allows `need` (403 `role_forbidden` otherwise). Routes
 * mounted without `useScope` act in the personal workspace.
 */
export async function scopeOf(
  request: FastifyRequest,
  need: Capability = 'read',
): Promise<WorkspaceScope> {
  let pending = resolved.get(request);
  if (!pending) {
    const resolver = request.routeOptions.config.scopeResolver ?? personalScope;
    pending = resolver(request);
    resolved.set(request, pending);
  }
  const scope = await pending;
  if (!roleAllows(scope.role, need)) {
    const article = scope.role === 'owner' || scope.role === 'editor' ? 'An' : 'A';
    const action = ACTION_NAMES[need];
    throw new AppError(
      'role_forbidden',
      `${article} ${scope.role} of this workspace cannot ${action}`,
      {
        extra: { role: scope.role },
      },
    );
  }
  return scope;
}

/** Only the fields repositories scope files by. */
export function scopeFields(scope: WorkspaceScope): FileScope {
  return { userId: scope.userId, workspaceId: scope.workspaceId };
}

/** The scope's workspace id, looking up the personal workspace for v1. */
export async function workspaceIdOf(db: Db, scope: WorkspaceScope): Promise<string> {
  return scope.workspaceId ?? personalWorkspaceId(db, scope.userId);
}

/**
 * The workspace of a v2 route, after the role check. Routes mounted only
 * under `/workspaces/{workspace_id}` use it; in the personal scope of v1
 * there is no workspace row, which would be a wiring bug.
 */
export async function workspaceOf(
  request: FastifyRequest,
  need: Capability = 'read',
): Promise<Membership> {
  const { workspace } = await scopeOf(request, need);
  if (!workspace) throw new Error('workspace routes need the member scope');
  return workspace;
}
