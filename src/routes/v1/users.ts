import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { createAccount, USERNAME_PATTERN, updateAccount } from '../../auth/accounts.js';
import { authenticate, currentUser, requireAdmin } from '../../auth/authenticate.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { countUsers, deleteUser, findUserById, listUsers } from '../../repositories/users.js';
import { problemResponses } from '../problem-schema.js';

const Username = Type.String({
  pattern: USERNAME_PATTERN,
  description: '1 to 64 characters of A-Z a-z 0-9 . _ -',
});
const PASSWORD_LENGTH = { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH };
const Password = Type.String(PASSWORD_LENGTH);

const UserResponse = Type.Object({
  id: Type.String(),
  username: Type.String(),
  is_admin: Type.Boolean(),
  disabled: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
});

const UserListResponse = Type.Object({
  items: Type.Array(UserResponse),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const UserListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
});

const CreateUserBody = Type.Object(
  { username: Username, password: Password, is_admin: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

const UpdateUserBody = Type.Object(
  {
    disabled: Type.Optional(Type.Boolean({ description: 'Also ends their sessions' })),
    is_admin: Type.Optional(Type.Boolean()),
    password: Type.Optional(
      Type.String({ ...PASSWORD_LENGTH, description: 'Also ends their sessions' }),
    ),
  },
  { additionalProperties: false },
);

const UserParams = Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 64 }) });

const SECURITY = BEARER_SECURITY;

function toUserResponse(user: UserRow) {
  return {
    id: user.id,
    username: user.username,
    is_admin: user.is_admin === 1,
    disabled: user.disabled === 1,
    created_at: user.created_at,
  };
}

async function findUserOrThrow(db: Db, id: string): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('user_not_found', `No user with id ${id}`);
  return user;
}

// Authentication runs on request, before the body is read and validated:
// strangers cost no parsing and learn nothing from validation errors.
const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      onRequest: authenticate,
      schema: {
        tags: ['users'],
        summary: 'The current user',
        description: 'Describes the user the access token belongs to.',
        security: SECURITY,
        response: { 200: UserResponse, ...problemResponses(401) },
      },
    },
    async (request) => toUserResponse(await findUserOrThrow(app.db, currentUser(request).id)),
  );

  app.post(
    '',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        description:
          'Administrators only. Answers 201 with a Location header; 409 `user_exists` ' +
          'when the username is taken.',
        security: SECURITY,
        body: CreateUserBody,
        response: { 201: UserResponse, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { username, password, is_admin: isAdmin = false } = request.body;

      const user = await createAccount(app.db, { username, password, isAdmin });
      request.log.info({ userId: user.id, username, by: currentUser(request).id }, 'user created');

      reply.code(201).header('location', `${app.prefix}/${user.id}`);
      return toUserResponse(user);
    },
  );

  app.get(
    '',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'List users',
        description: 'Administrators only. Ordered by username; page with limit and offset.',
        security: SECURITY,
        querystring: UserListQuery,
        response: { 200: UserListResponse, ...problemResponses(401, 403, 422) },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const [rows, total] = await Promise.all([
        listUsers(app.db, limit, offset),
        countUsers(app.db),
      ]);
      return { items: rows.map(toUserResponse), total, limit, offset };
    },
  );

  app.get(
    '/:user_id',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'Get a user',
        description: 'Administrators only. 404 `user_not_found` for an unknown id.',
        security: SECURITY,
        params: UserParams,
        response: { 200: UserResponse, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => toUserResponse(await findUserOrThrow(app.db, request.params.user_id)),
  );

  app.patch(
    '/:user_id',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'Change a user',
        description:
          'Administrators only. Disables or enables a user, grants or drops the admin ' +
          'role, or sets a new password. Disabling or a new password ends the ' +
          "user's sessions. An administrator cannot disable themselves or drop their " +
          'own admin role: 409 `self_lockout`.',
        security: SECURITY,
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserResponse, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = currentUser(request);
      const user = await findUserOrThrow(app.db, request.params.user_id);
      const { disabled, is_admin: isAdmin, password } = request.body;

      if (user.id === actor.id && (disabled === true || isAdmin === false)) {
        throw new AppError(
          'self_lockout',
          'You cannot disable yourself or drop your own admin role',
        );
      }

      await updateAccount(app.db, user.id, { disabled, isAdmin, password });
      const changed = Object.keys(request.body);
      request.log.info({ userId: user.id, by: actor.id, changed }, 'user updated');
      return toUserResponse(await findUserOrThrow(app.db, user.id));
    },
  );

  app.delete(
    '/:user_id',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'Delete a user',
        description:
          'Administrators only. Deletes the user with their files and sessions. An ' +
          'administrator cannot delete themselves: 409 `self_lockout`.',
        security: SECURITY,
        params: UserParams,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          ...problemResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const user = await findUserOrThrow(app.db, request.params.user_id);
      if (user.id === actor.id) throw new AppError('self_lockout', 'You cannot delete yourself');

      await deleteUser(app.db, user.id);
      request.log.info({ userId: user.id, by: actor.id }, 'user deleted');
      return reply.code(204).send(null);
    },
  );
};

export default users;
