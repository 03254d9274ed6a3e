import { Type } from '@fastify/type-provider-typebox';
import { COMPLETION_MODES } from '../../ai/operations.js';
import { FINISH_REASONS } from '../../engines/engine.js';
import { FileMetaProps } from './file-schemas.js';

const MAX_CODE_CHARS = 1024 * 1024;

const Language = Type.String({
  pattern: '^[a-z0-9][a-z0-9+#._-]{0,31}$',
  description: 'Language id such as `python` or `typescript`; taken from the file when omitted.',
  examples: ['python'],
});

const SourceFields = {
  code: Type.Optional(
    Type.String({ maxLength: MAX_CODE_CHARS, description: 'The code; or give `file_id`.' }),
  ),
  file_id: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'A stored file to work on.' }),
  ),
  language: Type.Optional(Language),
};

const GenerationFields = (defaults: { maxTokens: number; temperature: number }) => ({
  max_tokens: Type.Integer({ minimum: 1, maximum: 4096, default: defaults.maxTokens }),
  temperature: Type.Number({ minimum: 0, maximum: 2, default: defaults.temperature }),
  max_time_ms: Type.Optional(
    Type.Integer({
      minimum: 50,
      maximum: 600_000,
      description: 'Stop generating after this long and answer with what there is.',
    }),
  ),
  stream: Type.Boolean({
    default: false,
    description: 'Answer with server-sent events (`text/event-stream`) as text is generated.',
  }),
  cache: Type.Boolean({
    default: true,
    description:
      'With `temperature: 0`, serve and store the answer in the answer cache; `false` ' +
      'neither reads nor writes it.',
  }),
});

export const Cursor = Type.Object(
  {
    line: Type.Integer({ minimum: 1, description: '1-based line' }),
    column: Type.Integer({ minimum: 1, description: '1-based column, in characters' }),
  },
  { additionalProperties: false },
);

export const CompleteBody = Type.Object(
  {
    ...SourceFields,
    suffix: Type.Optional(Type.String({ maxLength: MAX_CODE_CHARS })),
    cursor: Type.Optional(Cursor),
    stop: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 8 })),
    ...GenerationFields({ maxTokens: 128, temperature: 0.2 }),
  },
  {
    additionalProperties: false,
    examples: [{ code: 'def fib(n):\n    ', language: 'python', max_tokens: 64 }],
  },
);

export const ExplainBody = Type.Object(
  {
    ...SourceFields,
    question: Type.Optional(Type.String({ maxLength: 2000 })),
    ...GenerationFields({ maxTokens: 512, temperature: 0.2 }),
  },
  {
    additionalProperties: false,
    examples: [{ code: 'print(sum(range(10)))', language: 'python' }],
  },
);

const ApplyFields = {
  apply: Type.Boolean({
    default: false,
    description:
      'Apply the suggestions to the stored file (`file_id`) in one atomic edit; needs ' +
      'If-Match or `expected_version`',
  }),
  apply_indices: Type.Optional(
    Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), {
      uniqueItems: true,
      maxItems: 10,
      description: 'Which suggestions to apply, in this order; all when omitted',
    }),
  ),
  expected_version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'The file version the caller saw; or If-Match' }),
  ),
  force: Type.Boolean({
    default: false,
    description: 'Apply even if the result has syntax errors the file did not have',
  }),
};

export const RefactorBody = Type.Object(
  {
    ...SourceFields,
    instructions: Type.Optional(Type.String({ maxLength: 2000 })),
    max_suggestions: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
    ...ApplyFields,
    ...GenerationFields({ maxTokens: 1024, temperature: 0 }),
  },
  {
    additionalProperties: false,
    examples: [{ code: 'x = 1\nif x == 1:\n    print("one")', language: 'python' }],
  },
);

const Usage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
});

const ResultMeta = {
  model: Type.String(),
  finish_reason: Type.Enum(FINISH_REASONS),
  cached: Type.Boolean({
    description: 'Served from the answer cache: no tokens were charged for it',
  }),
  usage: Usage,
};

export const CompleteResponse = Type.Object({
  completion: Type.String(),
  mode: Type.Enum(COMPLETION_MODES, {
    description: '`infill` used FIM tokens, `text` continued the code, `chat` a prompt',
  }),
  context_trimmed: Type.Boolean({ description: 'Whether distant code was left out to fit' }),
  ...ResultMeta,
});

export const ExplainResponse = Type.Object({
  explanation: Type.String({ description: 'Markdown' }),
  ...ResultMeta,
});

export const Suggestion = Type.Object({
  title: Type.String(),
  rationale: Type.String(),
  edit: Type.Object({
    search: Type.String({ description: 'Exact text found once in the input' }),
    replace: Type.String(),
  }),
  diff: Type.String({ description: 'The edit as a unified diff' }),
});

const AppliedRefactor = Type.Object({
  indices: Type.Array(Type.Integer(), { description: 'The suggestions applied, in order' }),
  written: Type.Boolean({ description: 'False when the chosen edits changed nothing' }),
  diff: Type.String(),
  etag: Type.String({ description: "The file's ETag after the edit" }),
  file: Type.Object({ ...FileMetaProps, content: Type.String() }),
});

export const RefactorResponse = Type.Object({
  suggestions: Type.Array(Suggestion),
  discarded: Type.Integer({ description: 'Suggestions dropped because they did not apply' }),
  applied: Type.Optional(AppliedRefactor),
  ...ResultMeta,
});
