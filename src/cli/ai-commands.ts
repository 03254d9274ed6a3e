import type { AiEvent, AiOperation, AiRequest, AiResult, AtelierClient } from '@atelier/client';
import { type Command, InvalidArgumentError } from 'commander';
import { connect, interruptSignal } from './remote.js';
import { requireFile } from './stored-files.js';
import { printJson } from './table.js';

interface AiOptions {
  json?: boolean;
  events?: boolean;
  maxTokens?: number;
  temperature?: number;
}

function temperature(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !(number >= 0 && number <= 2)) {
    throw new InvalidArgumentError('expected a number from 0 to 2');
  }
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected an integer >= 1');
  return number;
}

/** `FILE:LINE:COL`, split from the right because paths may hold colons. */
export function parsePosition(value: string) {
  const match = /^(.+):(\d+):(\d+)$/.exec(value);
  if (!match?.[1] || Number(match[2]) < 1 || Number(match[3]) < 1) {
    throw new InvalidArgumentError('expected FILE:LINE:COL, lines and columns from 1');
  }
  return { path: match[1], line: Number(match[2]), column: Number(match[3]) };
}

/**
 * Reads a stream to its answer, handing each piece of text to `onText` as it
 * arrives; Ctrl-C disconnects, which stops generation on the server.
 */
async function follow<Op extends AiOperation>(
  events: AsyncIterable<AiEvent<Op>>,
  onText: (text: string) => void,
): Promise<AiResult<Op>> {
  for await (const event of events) {
    if (event.type === 'token') onText(event.text);
    else return event.result;
  }
  throw new Error('the stream ended without an answer');
}

/** Writes streamed text to stdout and ends a terminal line cleanly. */
async function streamText<Op extends AiOperation>(
  client: AtelierClient,
  operation: Op,
  body: AiRequest<Op>,
  options: AiOptions,
): Promise<void> {
  const signal = interruptSignal();
  if (options.json) {
    printJson(await client.run(operation, body, { signal }));
    return;
  }
  if (options.events) {
    for await (const event of client.stream(operation, body, { signal })) {
      const line = event.type === 'token' ? event : { type: 'done', ...event.result };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return;
  }
  let last = '\n';
  await follow(client.stream(operation, body, { signal }), (text) => {
    process.stdout.write(text);
    if (text) last = text;
  });
  if (process.stdout.isTTY && !last.endsWith('\n')) process.stdout.write('\n');
}

async function complete(position: ReturnType<typeof parsePosition>, options: AiOptions) {
  const { client } = await connect();
  const file = await requireFile(client, position.path);
  const cursor = { line: position.line, column: position.column };
  await streamText(
    client,
    'complete',
    { file_id: file.id, cursor, max_tokens: options.maxTokens },
    options,
  );
}

async function explain(filePath: string, options: AiOptions & { question?: string }) {
  const { client } = await connect();
  const file = await requireFile(client, filePath);
  const body = {
    file_id: file.id,
    question: options.question,
    max_tokens: options.maxTokens,
    temperature: options.temperature,
  };
  await streamText(client, 'explain', body, options);
}

interface RefactorOptions extends AiOptions {
  instructions?: string;
  apply?: boolean;
  only?: number[];
}

function indexList(value: string): number[] {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 10)) {
    throw new InvalidArgumentError('expected suggestion numbers from 1 to 10, such as 1,3');
  }
  return numbers;
}

function printSuggestions(result: AiResult<'refactor'>): void {
  if (result.suggestions.length === 0) {
    console.log(`no suggestions (${result.discarded} discarded as not applicable)`);
  }
  result.suggestions.forEach((suggestion, i) => {
    console.log(`${i + 1}. ${suggestion.title}`);
    if (suggestion.rationale) console.log(`   ${suggestion.rationale}`);
    process.stdout.write(suggestion.diff.endsWith('\n') ? suggestion.diff : `${suggestion.diff}\n`);
  });
  const applied = result.applied;
  if (!applied) return;
  const which = applied.indices.map((i) => i + 1).join(', ');
  console.log(
    applied.written
      ? `applied ${which} to ${applied.file.path}: now version ${applied.file.version}`
      : `nothing changed in ${applied.file.path}`,
  );
}

async function refactor(filePath: string, options: RefactorOptions) {
  const { client } = await connect();
  const file = await requireFile(client, filePath);
  const body = {
    file_id: file.id,
    instructions: options.instructions,
    max_tokens: options.maxTokens,
    temperature: options.temperature,
    ...(options.apply
      ? {
          apply: true,
          expected_version: file.version,
          apply_indices: options.only?.map((n) => n - 1),
        }
      : {}),
  };
  const signal = interruptSignal();
  if (options.json) return printJson(await client.run('refactor', body, { signal }));

  // The streamed text is JSON being generated, so only its progress is shown.
  let tokens = 0;
  const progress = process.stderr.isTTY;
  const result = await follow(client.stream('refactor', body, { signal }), () => {
    tokens += 1;
    if (progress) process.stderr.write(`\rgenerating suggestions: ${tokens} pieces`);
  });
  if (progress) process.stderr.write('\n');
  printSuggestions(result);
}

export function registerAiCommands(program: Command): void {
  const maxTokens = ['--max-tokens <n>', 'longest answer in tokens', positiveInteger] as const;
  const heat = [
    '--temperature <t>',
    'sampling temperature, 0 to 2 (0 is repeatable)',
    temperature,
  ] as const;

  program
    .command('complete')
    .description('complete a stored file at a position, streaming the text')
    .argument(
      '<file:line:col>',
      'stored path and 1-based position, such as src/app.py:3:9',
      parsePosition,
    )
    .option(...maxTokens)
    .option(...heat)
    .option('--json', 'print the whole answer as JSON instead of streaming')
    .option('--events', 'stream JSON lines: {"type":"token","text"} then {"type":"done",...}')
    .action(complete);

  program
    .command('explain')
    .description('explain a stored file, streaming Markdown')
    .argument('<file>', 'stored path')
    .option('--question <text>', 'what to explain')
    .option(...maxTokens)
    .option(...heat)
    .option('--json', 'print the whole answer as JSON instead of streaming')
    .option('--events', 'stream JSON lines: {"type":"token","text"} then {"type":"done",...}')
    .action(explain);

  program
    .command('refactor')
    .description('suggest refactorings of a stored file as diffs; --apply writes them')
    .argument('<file>', 'stored path')
    .option('--instructions <text>', 'what to change')
    .option('--apply', 'apply the suggestions to the stored file in one atomic edit')
    .option('--only <numbers>', 'with --apply: only these suggestions, such as 1,3', indexList)
    .option(...maxTokens)
    .option(...heat)
    .option('--json', 'print the whole answer as JSON')
    .action(refactor);
}
