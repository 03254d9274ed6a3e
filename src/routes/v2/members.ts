import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { authenticate } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { findUserByUsername } from '../../repositories/users.js';
import {
  addMember,
  changeMember,
  findMember,
  listMembers,
  type Membership,
} from '../../repositories/workspaces.js';
import { scopeOf, workspaceOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { NoContent } from '../v1/file-schemas.js';
import {
  AddMemberBody,
  MemberListResponse,
  MemberParams,
  MemberResponse,
  MemberRoleBody,
  NoQuery,
} from './workspace-schemas.js';

const common = { tags: ['members'], security: BEARER_SECURITY };
const WRITE_ERRORS = problemResponses(400, 401, 403, 404, 409, 422);

/** The workspace for managing members; a personal one is never shared. */
async function managedWorkspace(request: FastifyRequest): Promise<Membership> {
  const workspace = await workspaceOf(request, 'manage');
  if (workspace.personal_owner_id !== null) {
    throw new AppError('personal_workspace', 'A personal workspace has no other members');
  }
  return workspace;
}

async function memberOr404(request: FastifyRequest, workspaceId: string, userId: string) {
  const member = await findMember(request.server.db, workspaceId, userId);
  if (!member) throw new AppError('member_not_found', `No member with user id "${userId}"`);
  return member;
}

/** Members of the workspace of `/workspaces/{workspace_id}/members`. */
const members: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', authenticate);

  app.get(
    '/members',
    {
      schema: {
        ...common,
        summary: 'List members',
        querystring: NoQuery,
        response: { 200: MemberListResponse, ...problemResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const workspace = await workspaceOf(request);
      return { items: await listMembers(app.db, workspace.id) };
    },
  );

  app.post(
    '/members',
    {
      schema: {
        ...common,
        summary: 'Add a member',
        description: 'Owners only. 409 `member_exists` when the user already is a member.',
        body: AddMemberBody,
        response: { 201: MemberResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const workspace = await managedWorkspace(request);
      const { username, role } = request.body;
      const user = await findUserByUsername(app.db, username);
      if (!user) throw new AppError('user_not_found', `No user named "${username}"`);

      await addMember(app.db, workspace.id, user.id, role);

      reply.code(201);
      return memberOr404(request, workspace.id, user.id);
    },
  );

  app.patch(
    '/members/:user_id',
    {
      schema: {
        ...common,
        summary: "Change a member's role",
        description: 'Owners only. 409 `last_owner` when it would leave no owner.',
        params: MemberParams,
        body: MemberRoleBody,
        response: { 200: MemberResponse, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const workspace = await managedWorkspace(request);
      const { user_id } = request.params;

      const changed = await changeMember(app.db, workspace.id, user_id, request.body.role);
      if (!changed) throw new AppError('member_not_found', `No member with user id "${user_id}"`);
      return memberOr404(request, workspace.id, user_id);
    },
  );

  app.delete(
    '/members/:user_id',
    {
      schema: {
        ...common,
        summary: 'Remove a member',
        description:
          'Owners remove anyone; any member may remove themselves (leave). 409 ' +
          '`last_owner` when it would leave no owner.',
        params: MemberParams,
        response: { 204: NoContent, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { user_id } = request.params;
      const leaving = (await scopeOf(request)).userId === user_id;
      const workspace = await workspaceOf(request, leaving ? 'read' : 'manage');

      const removed = await changeMember(app.db, workspace.id, user_id, null);
      if (!removed) throw new AppError('member_not_found', `No member with user id "${user_id}"`);
      return reply.code(204).send();
    },
  );
};

export default members;
