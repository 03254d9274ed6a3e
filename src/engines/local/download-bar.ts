import cliProgress from 'cli-progress';

export interface DownloadBar {
  update(received: number, total: number | undefined): void;
  stop(): void;
}

const MIB = 1024 * 1024;

/**
 * A progress bar on the console while a model downloads, only when stderr
 * is a terminal: in a service manager or container the log lines carry
 * the same progress without control characters.
 */
export function createDownloadBar(label: string): DownloadBar | undefined {
  if (!process.stderr.isTTY) return undefined;

  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {receivedMib}/{totalMib} MiB, eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(received, total) {
      const payload = {
        receivedMib: (received / MIB).toFixed(1),
        totalMib: total ? (total / MIB).toFixed(1) : '?',
      };
      if (!started) {
        bar.start(total ?? 0, received, payload);
        started = true;
      }
      if (total) bar.setTotal(total);
      bar.update(received, payload);
    },
    stop: () => bar.stop(),
  };
}
