import { Type } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import { memberScope, useScope } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import ai from '../v1/ai.js';
import analyze from '../v1/analyze.js';
import exportRoutes from '../v1/export.js';
import fileEdits from '../v1/file-edits.js';
import fileOutline from '../v1/file-outline.js';
import files from '../v1/files.js';
import history from '../v1/history.js';
import jobs from '../v1/jobs.js';
import repoMap from '../v1/repo-map.js';
import members from './members.js';
import { WorkspaceId } from './workspace-schemas.js';
import { workspaceCollection, workspaceItem } from './workspaces.js';

interface RouteSchema {
  params?: { properties?: Record<string, unknown>; required?: string[] };
  tags?: string[];
  response?: Record<string, unknown>;
}

/** v2's documentation groups: each v1 tag gets a `v2 ` twin. */
function tagAsV2(route: RouteOptions): void {
  const schema = route.schema as RouteSchema | undefined;
  if (!schema?.tags) return;
  route.schema = { ...schema, tags: schema.tags.map((tag) => `v2 ${tag}`) };
}

/**
 * Routes written for v1 declare only their own parameters; mounted under
 * `/workspaces/{workspace_id}` they gain that one, and the 403 and 404
 * every role check can answer.
 */
function addWorkspaceParam(route: RouteOptions): void {
  const schema = (route.schema ?? {}) as RouteSchema;
  const params = Type.Object({
    workspace_id: WorkspaceId,
    ...(schema.params?.properties as Record<string, ReturnType<typeof Type.String>>),
  });
  const response = { ...problemResponses(403, 404), ...schema.response };
  route.schema = { ...schema, params, response };
}

/**
 * Everything mounted under `/api/v2`: workspaces, their members, and the
 * v1 file, outline, edit, repo-map, history, export and AI routes (analysis
 * jobs too), scoped to a workspace in which the caller's role is checked.
 * The caller's jobs are under `/api/v2/jobs`, whichever workspace they
 * read. The route modules are the same as v1's; only the scope differs.
 */
const v2: FastifyPluginAsync = async (app) => {
  app.addHook('onRoute', tagAsV2);
  await app.register(workspaceCollection);
  await app.register(jobs, { apiBase: '/api/v2' });

  await app.register(
    async (scoped) => {
      useScope(scoped, memberScope);
      scoped.addHook('onRoute', addWorkspaceParam);
      await scoped.register(workspaceItem);
      await scoped.register(members);
      await scoped.register(files);
      await scoped.register(fileOutline);
      await scoped.register(fileEdits);
      await scoped.register(repoMap);
      await scoped.register(history);
      await scoped.register(exportRoutes);
      await scoped.register(ai);
      await scoped.register(analyze, { apiBase: '/api/v2' });
    },
    { prefix: '/workspaces/:workspace_id' },
  );
};

export default v2;
