// The ceiling: a bare node:http server answering one fixed response.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, responseFile] = process.argv.slice(2);
const { body, headers } = JSON.parse(readFileSync(responseFile, 'utf8'));

createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');
