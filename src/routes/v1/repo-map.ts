import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { authenticate } from '../../auth/authenticate.js';
import { buildRepoMap } from '../../code-intel/repo-map/build-repo-map.js';
import { TOKEN_COUNTS, tokenCounterFor } from '../../code-intel/token-counter.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { scopeFields, scopeOf } from '../../workspaces/scope.js';
import { problemResponses } from '../problem-schema.js';
import { findScopedFile } from './file-scope.js';

const RepoMapQuery = Type.Object(
  {
    budget: Type.Integer({
      minimum: 16,
      maximum: 16384,
      default: 1024,
      description: 'Most tokens the map may take',
    }),
    file_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Rank toward this file: what it uses and what is near it',
      }),
    ),
  },
  { additionalProperties: false },
);

const RepoMapEntry = Type.Object({
  file_id: Type.String(),
  path: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  signature: Type.String(),
  line: Type.Integer(),
  rank: Type.Number(),
});

const RepoMapResponse = Type.Object({
  budget: Type.Integer(),
  tokens: Type.Integer({ description: 'Tokens the text takes' }),
  token_count: Type.Enum(TOKEN_COUNTS, {
    description: "`engine`: counted with the model's tokenizer; `estimate` before it is ready",
  }),
  files_considered: Type.Integer(),
  files_parsed: Type.Integer(),
  entries: Type.Array(RepoMapEntry, { description: 'Best ranked first' }),
  text: Type.String({ description: 'The map as a model sees it' }),
});

const repoMap: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/repo-map',
    {
      onRequest: authenticate,
      schema: {
        tags: ['code intelligence'],
        summary: 'Repository map',
        description:
          "The most relevant symbols across the caller's files: files reference one another " +
          'through the names they use and define; a PageRank over those references (toward ' +
          '`file_id` when given) ranks the definitions, and the best fit in `budget` tokens.',
        security: BEARER_SECURITY,
        querystring: RepoMapQuery,
        response: { 200: RepoMapResponse, ...problemResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const { budget, file_id } = request.query;
      if (file_id !== undefined) await findScopedFile(request, file_id);
      const counter = tokenCounterFor(app.engine);

      const map = await buildRepoMap(app.db, scopeFields(await scopeOf(request)), {
        budget,
        counter,
        focusFileId: file_id,
      });

      return {
        budget,
        tokens: map.tokens,
        token_count: counter.kind,
        files_considered: map.filesConsidered,
        files_parsed: map.filesParsed,
        entries: map.entries.map(({ fileId, referenced: _, ...entry }) => ({
          file_id: fileId,
          ...entry,
        })),
        text: map.text,
      };
    },
  );
};

export default repoMap;
