import { type ChatHistoryItem, LlamaChat, type LlamaGrammar } from 'node-llama-cpp';
import type { ChatMessage, GenerateOptions, JsonGenerateOptions } from '../engine.js';
import { parseJsonOutput } from './json-output.js';
import type { RunOutcome, RunScope } from './local-generation.js';

/** Attempts at JSON output before giving up with engine_output_invalid. */
export const JSON_ATTEMPTS = 3;
/** Retries sample at least this warm, since a greedy retry repeats the same output. */
const JSON_RETRY_TEMPERATURE = 0.7;

export interface JsonOutcome extends RunOutcome {
  parsed?: { value: unknown };
}

/** Generation options shared by completion, infill and chat. */
export function samplingOf(options: GenerateOptions, scope: RunScope) {
  return {
    maxTokens: options.maxTokens,
    // node-llama-cpp samples greedily at temperature 0.
    temperature: options.temperature,
    customStopTriggers: options.stop?.length ? options.stop : undefined,
    signal: scope.signal,
    stopOnAbortSignal: true,
    onToken: scope.onToken,
    onTextChunk: options.onText,
  };
}

/** A trailing assistant message is continued; otherwise a new answer starts. */
export function toChatHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
  if (messages.at(-1)?.role !== 'assistant') history.push({ type: 'model', response: [] });
  return history;
}

/** Chats under a JSON grammar until the answer parses, at most JSON_ATTEMPTS times. */
export async function generateJson(
  scope: RunScope,
  messages: ChatMessage[],
  options: JsonGenerateOptions,
  grammar: LlamaGrammar,
): Promise<JsonOutcome> {
  const chat = new LlamaChat({ contextSequence: scope.sequence });
  const history = toChatHistory(messages);
  let last: JsonOutcome = { text: '', stopReason: 'abort' };
  try {
    for (let attempt = 0; attempt < JSON_ATTEMPTS; attempt++) {
      const retry = attempt > 0;
      const result = await chat.generateResponse(history, {
        ...samplingOf(options, scope),
        grammar,
        temperature: retry
          ? Math.max(options.temperature, JSON_RETRY_TEMPERATURE)
          : options.temperature,
        seed: attempt,
        // Only the first attempt streams, so a listener never sees two answers glued together.
        onTextChunk: retry ? undefined : options.onText,
      });
      const parsed = parseJsonOutput(result.response);
      last = { text: result.response, stopReason: result.metadata.stopReason };
      if (parsed.ok) return { ...last, parsed: { value: parsed.value } };
      if (result.metadata.stopReason === 'abort') break;
    }
  } finally {
    chat.dispose();
  }
  return last;
}
