import type { ServerResponse } from 'node:http';
import {
  jsonAnswer,
  shapeReply,
  sleep,
  splitWords,
  startWireServer,
  type WireBehaviour,
  type WireServer,
  writeEvent,
} from './wire-server.js';

/**
 * A loopback stand-in for an OpenAI-compatible server: POST /v1/chat/completions
 * with plain and SSE-streamed answers, `stop`, `max_tokens`, usage (also in
 * the stream with `stream_options.include_usage`) and `response_format`.
 */
export function startOpenAIWireServer(): Promise<WireServer> {
  return startWireServer('/v1/chat/completions', answerChatCompletion);
}

async function answerChatCompletion(
  body: Record<string, unknown>,
  res: ServerResponse,
  behaviour: WireBehaviour,
): Promise<void> {
  if (behaviour.failStatus) {
    const error = { message: 'The stand-in was told to fail', type: 'server_error' };
    res.writeHead(behaviour.failStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error }));
    return;
  }

  const format = body.response_format as { type?: string } | undefined;
  const wantsJson = format?.type === 'json_schema' || format?.type === 'json_object';
  const stop = typeof body.stop === 'string' ? [body.stop] : ((body.stop as string[]) ?? []);
  const shaped = wantsJson
    ? { text: jsonAnswer(behaviour), truncated: false }
    : shapeReply(behaviour.reply, body.max_tokens as number | undefined, stop);
  const finishReason = shaped.truncated ? 'length' : 'stop';
  const messages = body.messages as Array<{ content: string }>;
  const usage = {
    prompt_tokens: messages.reduce((n, m) => n + splitWords(String(m.content)).length, 0),
    completion_tokens: splitWords(shaped.text).length,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const base = { id: 'chatcmpl-standin', created: 1_700_000_000, model: body.model };

  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const message = { role: 'assistant', content: shaped.text };
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason: finishReason }],
        usage,
      }),
    );
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: object, finish: string | null) =>
    JSON.stringify({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  writeEvent(res, chunk({ role: 'assistant', content: '' }, null));
  for (const [index, word] of splitWords(shaped.text).entries()) {
    if (index === behaviour.failAfterChunks) {
      res.destroy();
      return;
    }
    await sleep(behaviour.chunkDelayMs);
    if (!writeEvent(res, chunk({ content: word }, null))) return;
  }
  writeEvent(res, chunk({}, finishReason));
  const options = body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage) {
    writeEvent(
      res,
      JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage }),
    );
  }
  writeEvent(res, '[DONE]');
  res.end();
}
