import { Type } from '@fastify/type-provider-typebox';

/**
 * Request bodies follow OpenAI's API reference. Unknown fields are allowed,
 * because OpenAI clients send many optional ones (`top_p`, `user`, ...)
 * that a local model can ignore; fields that would change the answer's
 * shape (`n` above 1, tools) are refused.
 */
const Stop = Type.Union([
  Type.String({ minLength: 1, maxLength: 64 }),
  Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 4 }),
  Type.Null(),
]);

const MaxTokens = Type.Integer({ minimum: 1, maximum: 4096 });

const CommonFields = {
  model: Type.Optional(
    Type.String({ maxLength: 256, description: 'Accepted; the server answers with its one model' }),
  ),
  max_tokens: Type.Optional(Type.Union([MaxTokens, Type.Null()])),
  temperature: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 2 }), Type.Null()])),
  stop: Type.Optional(Stop),
  n: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1 }), Type.Null()])),
  stream: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  stream_options: Type.Optional(
    Type.Union([Type.Object({ include_usage: Type.Optional(Type.Boolean()) }), Type.Null()]),
  ),
};

const TextPart = Type.Object({ type: Type.Literal('text'), text: Type.String() });

const ChatMessageBody = Type.Object({
  role: Type.Union([
    Type.Literal('system'),
    Type.Literal('developer'),
    Type.Literal('user'),
    Type.Literal('assistant'),
  ]),
  content: Type.Union([Type.String(), Type.Array(TextPart, { maxItems: 64 })]),
});

const ResponseFormat = Type.Union([
  Type.Object({ type: Type.Literal('text') }),
  Type.Object({
    type: Type.Literal('json_schema'),
    json_schema: Type.Object({
      name: Type.Optional(Type.String()),
      schema: Type.Record(Type.String(), Type.Unknown()),
      strict: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    }),
  }),
]);

export const ChatCompletionBody = Type.Object(
  {
    ...CommonFields,
    messages: Type.Array(ChatMessageBody, { minItems: 1, maxItems: 256 }),
    max_completion_tokens: Type.Optional(Type.Union([MaxTokens, Type.Null()])),
    response_format: Type.Optional(ResponseFormat),
    tools: Type.Optional(
      Type.Union([Type.Array(Type.Unknown(), { maxItems: 0 }), Type.Null()], {
        description: 'Tool calls are not supported: only an empty list or null',
      }),
    ),
    tool_choice: Type.Optional(
      Type.Union([Type.Literal('none'), Type.Null()], {
        description: 'Tool calls are not supported: only "none" or null',
      }),
    ),
  },
  {
    examples: [{ model: 'atelier', messages: [{ role: 'user', content: 'Write fizzbuzz' }] }],
  },
);

export const CompletionBody = Type.Object(
  {
    ...CommonFields,
    prompt: Type.Union([
      Type.String({ maxLength: 1024 * 1024 }),
      Type.Array(Type.String({ maxLength: 1024 * 1024 }), { minItems: 1, maxItems: 1 }),
    ]),
    suffix: Type.Optional(Type.Union([Type.String({ maxLength: 1024 * 1024 }), Type.Null()])),
  },
  { examples: [{ model: 'atelier', prompt: 'def fib(n):\n    ', max_tokens: 32 }] },
);

const Usage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
});

const FinishReason = Type.Union([Type.Literal('stop'), Type.Literal('length')]);

export const ChatCompletionResponse = Type.Object({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({
      index: Type.Integer(),
      message: Type.Object({ role: Type.Literal('assistant'), content: Type.String() }),
      finish_reason: FinishReason,
      logprobs: Type.Null(),
    }),
  ),
  usage: Usage,
});

export const CompletionResponse = Type.Object({
  id: Type.String(),
  object: Type.Literal('text_completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({
      index: Type.Integer(),
      text: Type.String(),
      finish_reason: FinishReason,
      logprobs: Type.Null(),
    }),
  ),
  usage: Usage,
});

export const ModelListResponse = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      object: Type.Literal('model'),
      created: Type.Integer(),
      owned_by: Type.String(),
    }),
  ),
});

export const OpenAIErrorResponse = Type.Object({
  error: Type.Object({
    message: Type.String(),
    type: Type.String(),
    param: Type.Union([Type.String(), Type.Null()]),
    code: Type.String(),
  }),
});
