// The ceiling: a bare node:http server answering one fixed response. The
// body is sent as bytes encoded once, the cheapest way node:http can send
// it (a string would be measured and encoded again on every answer).
// BENCH_BASELINE_BODY=string sends it as a string instead, for comparison.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, responseFile] = process.argv.slice(2);
const { body, headers } = JSON.parse(readFileSync(responseFile, 'utf8'));
const payload = process.env.BENCH_BASELINE_BODY === 'string' ? body : Buffer.from(body);

createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(payload);
}).listen(Number(port), '127.0.0.1');
