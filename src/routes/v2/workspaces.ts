import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, currentUser } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import {
  createWorkspace,
  deleteWorkspace,
  listMemberships,
  type Membership,
  renameWorkspace,
} from '../../repositories/workspaces.js';
import { workspaceOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { NoContent } from '../v1/file-schemas.js';
import {
  NoQuery,
  WorkspaceBody,
  WorkspaceListResponse,
  WorkspaceResponse,
} from './workspace-schemas.js';

const common = { tags: ['workspaces'], security: BEARER_SECURITY };

export function toWorkspace(row: Membership) {
  return {
    id: row.id,
    name: row.name,
    personal: row.personal_owner_id !== null,
    role: row.role,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** `POST` and `GET /workspaces`: not scoped to one workspace. */
export const workspaceCollection: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', authenticate);

  app.post(
    '/workspaces',
    {
      schema: {
        ...common,
        summary: 'Create a shared workspace',
        description: 'The caller becomes its owner.',
        body: WorkspaceBody,
        response: { 201: WorkspaceResponse, ...problemResponses(400, 401, 422) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);

      const row = await createWorkspace(app.db, request.body.name, user.id);

      reply.code(201).header('location', `/api/v2/workspaces/${row.id}`);
      return toWorkspace({ ...row, role: 'owner' });
    },
  );

  app.get(
    '/workspaces',
    {
      schema: {
        ...common,
        summary: "List the caller's workspaces",
        description: 'Every workspace the caller is a member of, with their role; personal first.',
        querystring: NoQuery,
        response: { 200: WorkspaceListResponse, ...problemResponses(401, 422) },
      },
    },
    async (request) => {
      const rows = await listMemberships(app.db, currentUser(request).id);
      return { items: rows.map(toWorkspace) };
    },
  );
};

/** One workspace, under the member scope of `/workspaces/{workspace_id}`. */
export const workspaceItem: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', authenticate);

  app.get(
    '',
    {
      schema: {
        ...common,
        summary: 'Read a workspace',
        response: { 200: WorkspaceResponse, ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      return toWorkspace(await workspaceOf(request));
    },
  );

  app.patch(
    '',
    {
      schema: {
        ...common,
        summary: 'Rename a workspace',
        description: 'Owners only.',
        body: WorkspaceBody,
        response: { 200: WorkspaceResponse, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { id, role } = await workspaceOf(request, 'manage');

      const row = await renameWorkspace(app.db, id, request.body.name);
      if (!row) throw new AppError('workspace_not_found', `No workspace with id "${id}"`);
      return toWorkspace({ ...row, role });
    },
  );

  app.delete(
    '',
    {
      schema: {
        ...common,
        summary: 'Delete a workspace',
        description:
          'Owners only; deletes its files and their history. A personal workspace cannot ' +
          'be deleted (409 `personal_workspace`).',
        response: { 204: NoContent, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, personal_owner_id } = await workspaceOf(request, 'manage');
      if (personal_owner_id !== null) {
        throw new AppError('personal_workspace', 'A personal workspace cannot be deleted');
      }

      await deleteWorkspace(app.db, id);
      return reply.code(204).send();
    },
  );
};
