import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Reads all of standard input; one trailing newline is not part of it. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
export async function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  // Readline echoes into its output; a sink output keeps the answer off screen.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: sink, terminal: true });
  try {
    return await reader.question('');
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}
