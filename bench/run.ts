import { benchFilesThroughput } from './files-throughput.js';

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

const { ceiling, api, ratio, rounds } = await benchFilesThroughput();
// A throughput figure made of error answers (429, 503) measures nothing.
for (const f of [ceiling, api]) {
  if (f.errors > 0 || f.non2xx > 0) {
    throw new Error(`${f.name}: ${f.errors} errors, ${f.non2xx} non-2xx answers`);
  }
}

console.log(row(['server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx']));
console.log(row(['---', '---', '---', '---', '---', '---']));
for (const f of [ceiling, api]) {
  console.log(row([f.name, f.requestsPerSec.toFixed(0), f.p50, f.p99, f.errors, f.non2xx]));
}
console.log(
  `\nthroughput ratio atelier / node:http = ${(ratio * 100).toFixed(1)}% (target >= 50%)\n` +
    `medians over ${rounds} alternating rounds; the ratio is taken within each round`,
);
