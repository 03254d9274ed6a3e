import { type FastifyPluginAsyncTypebox, type TSchema, Type } from '@fastify/type-provider-typebox';
import { authenticate } from '../../auth/authenticate.js';
import { analyzeFile } from '../../code-intel/analysis-cache.js';
import { fileEtag, ifNoneMatchPasses } from '../../files/etag.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { problemResponses } from '../problem-schema.js';
import { findScopedFile } from './file-scope.js';

const Position = Type.Object({
  line: Type.Integer({ minimum: 1 }),
  column: Type.Integer({ minimum: 1, description: '1-based, in UTF-16 code units' }),
});
const SourceRange = Type.Object({ start: Position, end: Position });

/** Symbols nest (class, method, local function); deeper levels are typed loosely. */
function symbolSchema(depth: number): TSchema {
  return Type.Object({
    name: Type.String(),
    kind: Type.String({
      description: 'function, method, class, interface, struct, enum, trait, module, type, …',
    }),
    range: SourceRange,
    signature: Type.String({ description: 'The definition up to its body' }),
    children: Type.Array(depth > 0 ? symbolSchema(depth - 1) : Type.Unknown()),
  });
}
const OutlineSymbol = symbolSchema(3);

export const ParseProblem = Type.Object({
  kind: Type.Union([Type.Literal('error'), Type.Literal('missing')]),
  message: Type.String(),
  range: SourceRange,
  snippet: Type.String({ description: 'The source line where the problem starts' }),
});

const OutlineResponse = Type.Object(
  {
    file_id: Type.String(),
    version: Type.Integer(),
    language: Type.String(),
    parsed: Type.Boolean({
      description: 'False for languages without a grammar, which are plain text',
    }),
    symbols: Type.Array(OutlineSymbol),
    imports: Type.Array(Type.Object({ text: Type.String(), range: SourceRange })),
    errors: Type.Array(ParseProblem),
  },
  { headers: { etag: { type: 'string', description: 'The file version the outline is of' } } },
);

const FileParams = Type.Object({ file_id: Type.String({ minLength: 1, maxLength: 64 }) });
const NotModified = Type.Unsafe<undefined>({ type: 'null', description: 'Not modified' });

const fileOutline: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/files/:file_id/outline',
    {
      onRequest: authenticate,
      schema: {
        tags: ['code intelligence'],
        summary: "A file's outline",
        description:
          'Symbols (with ranges, signatures and nested members), imports and parse errors, ' +
          'from tree-sitter. Languages without a grammar answer `parsed: false`. The ETag is ' +
          "the file's, so `If-None-Match` answers 304 while the file is unchanged.",
        security: BEARER_SECURITY,
        params: FileParams,
        response: { 200: OutlineResponse, 304: NotModified, ...problemResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await findScopedFile(request, request.params.file_id);

      const etag = fileEtag(file.id, file.version);
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (!ifNoneMatchPasses(request.headers['if-none-match'], etag)) {
        return reply.code(304).send();
      }

      const analysis = await analyzeFile(file);
      const { language, parsed, symbols, imports, errors } = analysis;
      return {
        file_id: file.id,
        version: file.version,
        language,
        parsed,
        symbols,
        imports,
        errors,
      };
    },
  );
};

export default fileOutline;
