import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientGoneSignal } from '../ai/request-signal.js';
import { EventStream } from '../ai/sse.js';
import type { JobEventRow } from '../db/schema.js';

/** One stored event as it is sent: its data, plus the job and sequence number. */
export function jobEventPayload(event: JobEventRow) {
  return { job_id: event.job_id, seq: event.seq, ...JSON.parse(event.data) };
}

/**
 * Writes a job's events after `afterSeq` as server-sent events with their
 * sequence numbers as ids, until the job's last event or the client leaves.
 * Nothing left to send of a finished job answers 204.
 */
export async function streamJobEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  jobId: string,
  afterSeq: number,
): Promise<void> {
  const stream = new EventStream(request, reply, request.server.config.streamHeartbeatMs);
  const signal = clientGoneSignal(reply);
  try {
    for await (const event of request.server.jobs.follow(jobId, afterSeq, signal)) {
      stream.send(event.type, jobEventPayload(event), event.seq);
    }
  } finally {
    stream.end();
  }
  // Resumed after the last event of a finished job: 204 tells EventSource to stop.
  if (!stream.committed && !stream.clientGone) reply.code(204).send();
}
