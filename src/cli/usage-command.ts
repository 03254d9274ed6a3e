import { unwrap } from '@atelier/client';
import type { Command } from 'commander';
import { connect } from './remote.js';
import { formatTable, printJson } from './table.js';

interface UsageOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

async function usage(options: UsageOptions) {
  const { client } = await connect();
  const report = await unwrap(
    client.api.GET('/api/v1/usage', { params: { query: { from: options.from, to: options.to } } }),
  );

  if (options.json) return printJson(report);
  const header = ['DAY', 'OPERATION', 'REQUESTS', 'PROMPT', 'COMPLETION', 'TOTAL'];
  const row = (day: string, operation: string, r: (typeof report)['totals']) => [
    day,
    operation,
    String(r.requests),
    String(r.prompt_tokens),
    String(r.completion_tokens),
    String(r.total_tokens),
  ];
  const rows = report.items.map((item) => row(item.day, item.operation, item));
  console.log(`usage from ${report.from} to ${report.to} (UTC days, tokens)`);
  console.log(formatTable([header, ...rows, row('total', '', report.totals)]));
}

export function registerUsageCommand(program: Command): void {
  program
    .command('usage')
    .description('your generations and tokens by day and operation')
    .option('--from <day>', 'first UTC day, YYYY-MM-DD (default: 30 days ago)')
    .option('--to <day>', 'last UTC day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action(usage);
}
