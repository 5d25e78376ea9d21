/**
 * Structured logs (pino) on stderr, never on stdout, which carries the human or machine output.
 * `pretty` prints one short line per event for people; `json` one JSON object per line.
 */
import { pino, type Logger } from 'pino';
import type { CallLogger } from '../aws/instrument.js';
import type { CliIo } from './io.js';
import { readProgress, type ProgressSink } from './read-progress.js';

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Builds the logger for one CLI run. */
export function createLogger(io: CliIo, level: string, format: 'json' | 'pretty'): Logger {
  const stream = {
    write(line: string) {
      if (format === 'json') {
        io.stderr(line);
        return;
      }
      const {
        level: n,
        msg,
        time: _time,
        pid: _pid,
        hostname: _host,
        ...rest
      } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      io.stderr(`${LEVEL_NAMES[Number(n)] ?? n} ${String(msg)}${extra}\n`);
    },
  };
  return pino(
    { level, base: undefined, timestamp: format === 'json' ? pino.stdTimeFunctions.isoTime : false },
    stream,
  );
}

/**
 * The client settings that report every AWS call: at debug each call is logged (operation,
 * service, account, region, request id, throttle, duration); read progress (read-progress.ts) is
 * printed on a terminal's stderr, or logged at info elsewhere; in JSON output mode
 * (`--format json`) progress is never printed. Nothing at all when none of these applies, so
 * normal runs in CI pay no middleware.
 */
export function callLogSettings(
  io: CliIo,
  options: { logLevel: string; logFormat: 'json' | 'pretty'; format?: string },
): { callLog?: CallLogger } {
  const log = createLogger(io, options.logLevel, options.logFormat);
  const debug = log.isLevelEnabled('debug');
  const sink: ProgressSink | undefined =
    options.format === 'json'
      ? undefined
      : io.stderrIsTTY
        ? { line: (text) => io.stderr(text) }
        : log.isLevelEnabled('info')
          ? { info: (event, message) => log.info(event, message) }
          : undefined;
  const progress = sink ? readProgress(sink, Date.now) : undefined;
  if (!debug && !progress) return {};
  return {
    callLog: {
      debug(event, message) {
        if (debug) log.debug(event, message);
        progress?.debug(event, message);
      },
    },
  };
}
