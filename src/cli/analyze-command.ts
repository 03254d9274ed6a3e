import {
  type AnalyzeRequest,
  type AtelierClient,
  type Job,
  ProblemError,
  settled,
} from '@atelier/client';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { connect, interruptSignal } from './remote.js';
import { findFile } from './stored-files.js';
import { printJson } from './table.js';

interface AnalyzeOptions {
  checks?: string;
  json?: boolean;
}

/** One stored file by its path, else every file under the prefix (`.` for all). */
async function requestFor(client: AtelierClient, target: string, checks?: string) {
  const file = await findFile(client, target);
  const request: AnalyzeRequest = file
    ? { file_ids: [file.id] }
    : target === '.' || target === ''
      ? {}
      : { path_prefix: target };
  // The server validates the names and answers 422 listing the allowed ones.
  if (checks) {
    request.checks = checks.split(',').map((check) => check.trim()) as AnalyzeRequest['checks'];
  }
  return request;
}

/** A bar on a terminal; elsewhere one line on stderr per change, for logs. */
function progressReporter(quiet: boolean) {
  if (quiet) return { update: (_job: Job) => undefined, stop: () => undefined };
  if (!process.stderr.isTTY) {
    return {
      update: (job: Job) =>
        process.stderr.write(`${job.status} ${job.progress.done}/${job.progress.total}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'analyzing [{bar}] {value}/{total} files  {status}' },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (job: Job) => {
      if (!started) bar.start(job.progress.total, job.progress.done, { status: job.status });
      started = true;
      bar.setTotal(job.progress.total);
      bar.update(job.progress.done, { status: job.status });
    },
    stop: () => bar.stop(),
  };
}

/** Servers before background jobs have no such route; say so plainly. */
async function start(client: AtelierClient, request: AnalyzeRequest): Promise<Job> {
  try {
    return await client.analyze(request);
  } catch (err) {
    if (!(err instanceof ProblemError) || err.code !== 'not_found') throw err;
    throw new ProblemError(404, {
      code: 'not_found',
      detail: 'this server has no analysis jobs (POST /api/v1/ai/analyze is missing)',
    });
  }
}

async function analyze(target: string, options: AnalyzeOptions) {
  const { client } = await connect();
  const job = await start(client, await requestFor(client, target, options.checks));
  const signal = interruptSignal();
  // Ctrl-C cancels the job on the server too, rather than leave it running.
  signal.addEventListener('abort', () => void client.cancelJob(job.id).catch(() => undefined));

  const progress = progressReporter(options.json === true);
  let last = job;
  try {
    for await (const current of client.watchJob(job.id, { signal })) {
      last = current;
      progress.update(current);
    }
  } finally {
    progress.stop();
  }

  const finished = settled(last);
  if (options.json) return printJson(finished);
  console.log(`job ${finished.id} ${finished.status}: ${finished.progress.total} file(s)`);
  printJson(finished.result);
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('run an analysis job on stored files, with a progress bar, and print the report')
    .argument('<path>', 'a stored file, a path prefix such as src/, or . for every file')
    .option('--checks <list>', 'comma-separated checks to run (default: all)')
    .option('--json', 'print the finished job as JSON, without progress')
    .action(analyze);
}
