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

interface Tool {
  name: string;
}

/**
 * A loopback stand-in for Anthropic's Messages API: POST /v1/messages with
 * plain and SSE-streamed answers, `stop_sequences`, `max_tokens`, and
 * structured output both as a forced tool call and as `output_config.format`.
 */
export function startAnthropicWireServer(): Promise<WireServer> {
  return startWireServer('/v1/messages', answerMessages);
}

async function answerMessages(
  body: Record<string, unknown>,
  res: ServerResponse,
  behaviour: WireBehaviour,
): Promise<void> {
  if (behaviour.failStatus) {
    const error = { type: 'api_error', message: 'The stand-in was told to fail' };
    res.writeHead(behaviour.failStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'error', error }));
    return;
  }

  const forcedTool = forcedToolOf(body);
  const formatted = (body.output_config as { format?: unknown } | undefined)?.format !== undefined;
  const shaped = formatted
    ? { text: jsonAnswer(behaviour), truncated: false }
    : shapeReply(
        behaviour.reply,
        body.max_tokens as number,
        (body.stop_sequences as string[]) ?? [],
      );
  const messages = body.messages as Array<{ content: unknown }>;
  const usage = {
    input_tokens: messages.reduce((n, m) => n + splitWords(JSON.stringify(m.content)).length, 0),
    output_tokens: forcedTool ? 8 : splitWords(shaped.text).length,
  };
  const stopReason = forcedTool ? 'tool_use' : shaped.truncated ? 'max_tokens' : 'end_turn';
  const message = {
    id: 'msg_standin',
    type: 'message',
    role: 'assistant',
    model: body.model,
    stop_sequence: null,
  };
  const content = forcedTool
    ? [{ type: 'tool_use', id: 'toolu_standin', name: forcedTool.name, input: behaviour.json }]
    : [{ type: 'text', text: shaped.text }];

  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...message, content, stop_reason: stopReason, usage }));
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (type: string, data: object) =>
    writeEvent(res, JSON.stringify({ type, ...data }), type);
  send('message_start', {
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  for (const word of splitWords(shaped.text)) {
    await sleep(behaviour.chunkDelayMs);
    if (!send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: word } })) {
      return;
    }
  }
  send('content_block_stop', { index: 0 });
  send('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  send('message_stop', {});
  res.end();
}

/** The tool the request forces: `tool` names one, `any` leaves the pick to the model. */
function forcedToolOf(body: Record<string, unknown>): Tool | undefined {
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  const tools = (body.tools as Tool[] | undefined) ?? [];
  if (choice?.type === 'any') return tools[0];
  if (choice?.type === 'tool') return tools.find((t) => t.name === choice.name);
  return undefined;
}
