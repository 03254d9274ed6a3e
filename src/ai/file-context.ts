import type { FastifyInstance } from 'fastify';
import { buildFileContext } from '../code-intel/file-context.js';
import { lineCommentFor } from '../code-intel/grammars.js';
import { tokenCounterFor } from '../code-intel/token-counter.js';
import { inputBudget } from './context-budget.js';
import type { CodeSource } from './operations.js';

/** Tokens left for the prompt's own wording around code and context. */
const PROMPT_ALLOWANCE = 64;
/** Code never gets less than this share of the input, however large it is. */
const CODE_SHARE = 0.75;

function commented(text: string, marker: string): string {
  return `${text
    .split('\n')
    .map((line) => `${marker} ${line}`)
    .join('\n')}\n`;
}

/**
 * Adds repository context to a stored file's source: its outline and the
 * related symbols of the user's other files, in what the prompt leaves
 * free after the code and the answer (at most ATELIER_AI_CONTEXT_TOKENS).
 * `code` is the text the prompt will carry, to leave room for.
 */
export async function withFileContext(
  run: { app: FastifyInstance; user: { id: string }; workspaceId?: string },
  maxTokens: number,
  source: CodeSource,
  code = source.code,
): Promise<CodeSource> {
  const { app } = run;
  const limit = app.config.aiContextTokens;
  if (!source.file || !source.path || limit === 0) return source;
  if (app.engine.status().state !== 'ready') return source;

  const input = inputBudget(app.config.engineContextSize, maxTokens);
  const codeTokens = await app.engine.countTokens(code);
  const room = input - Math.min(codeTokens, Math.floor(input * CODE_SHARE)) - PROMPT_ALLOWANCE;
  const marker = lineCommentFor(source.file.language);
  // Comments cost more tokens than the plain text; budget for that form.
  const budget = Math.floor(Math.min(limit, room) * (marker ? 0.8 : 1));

  const counter = tokenCounterFor(app.engine);
  const scope = { userId: run.user.id, workspaceId: run.workspaceId };
  const { file, path } = source;
  const stored = { ...file, path, content: source.code };
  const context = await buildFileContext(app.db, scope, stored, budget, counter);
  if (!context) return source;

  const comment = marker ? commented(context.text, marker) : undefined;
  const tokens = Math.max(context.tokens, comment ? await counter.count(comment) : 0);
  return { ...source, context: { text: context.text, comment, tokens } };
}
