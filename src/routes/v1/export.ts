import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { authenticate } from '../../auth/authenticate.js';
import { buildGitRepository, EXPORT_ROOT, tarAndRemove } from '../../files/git-export.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { listWorkspaceHistory } from '../../repositories/file-versions.js';
import { scopeOf, workspaceIdOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';

const TarResponse = Type.Unsafe<unknown>({
  description: `A tar archive holding one folder, \`${EXPORT_ROOT}\`: a git repository`,
  content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
});

/** The workspace's files and their whole history as a git repository. */
const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export.tar',
    {
      onRequest: authenticate,
      schema: {
        tags: ['history'],
        summary: 'Export as a git repository',
        description:
          'A tar of a git repository (branch `main`, checked out) with one commit per ' +
          'version of every file in write order: author = the version’s author, time = ' +
          'the write’s time, message = `reason: path` (AI edits add operation and model). ' +
          'Files under a `.git` folder are left out.',
        security: BEARER_SECURITY,
        response: { 200: TarResponse, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request);
      const history = await listWorkspaceHistory(app.db, await workspaceIdOf(app.db, scope));

      const dir = await buildGitRepository(history);

      reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="${EXPORT_ROOT}.tar"`)
        .header('cache-control', 'private, no-store');
      return reply.send(tarAndRemove(dir));
    },
  );
};

export default exportRoutes;
