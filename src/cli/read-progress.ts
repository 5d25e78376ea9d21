/**
 * Progress of the live read, built from the per-call events of src/aws/instrument.ts: a large
 * organisation takes minutes to read, and a silent terminal looks hung. Every few seconds (so a
 * short read prints nothing) one line counts what was read so far. On a terminal (stderr) it is
 * printed; otherwise it is logged at info, so `--log-level info` shows it in CI logs; in JSON
 * output mode it is never printed.
 */
import type { CallEvent, CallLogger } from '../aws/instrument.js';

/** Operations whose successful calls each stand for one resource read, with the noun to count. */
const COUNTED: Readonly<Record<string, string>> = {
  GetDomain: 'domains',
  GetDomainUnit: 'domain units',
  GetProject: 'projects',
  GetProjectProfile: 'project profiles',
  GetAccountPool: 'account pools',
  GetEnvironmentBlueprintConfiguration: 'blueprint configurations',
  DescribeDomain: 'Studio domains',
};

/** How often a progress line is printed, at most. */
export const PROGRESS_INTERVAL_MS = 2_000;

/** Where progress goes: a terminal line, or an info log event. */
export interface ProgressSink {
  line?: (text: string) => void;
  info?: (event: object, message: string) => void;
}

/** A call logger that counts calls and reports progress through `sink` every interval. */
export function readProgress(sink: ProgressSink, now: () => number): CallLogger & { text(): string } {
  const counts = new Map<string, number>();
  let calls = 0;
  let last = now();
  const text = () => {
    const parts = Object.values(COUNTED)
      .filter((noun, i, all) => all.indexOf(noun) === i)
      .map((noun) => [noun, counts.get(noun) ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([noun, n]) => `${n} ${noun}`);
    return `reading live state: ${parts.length > 0 ? `${parts.join(', ')}, ` : ''}${calls} calls so far…`;
  };
  return {
    debug(event: object) {
      const call = event as CallEvent;
      calls += 1;
      const noun = COUNTED[call.operation];
      if (noun && call.outcome === 'ok') counts.set(noun, (counts.get(noun) ?? 0) + 1);
      if (now() - last < PROGRESS_INTERVAL_MS) return;
      last = now();
      if (sink.line) sink.line(`${text()}\n`);
      else sink.info?.({ calls, ...Object.fromEntries(counts) }, text());
    },
    text,
  };
}
