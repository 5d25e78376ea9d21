/**
 * Handler-level harness for the DataZone service: calls the handlers directly with a fake
 * CallContext (fixed clock, counter ids) over a fresh world, with RAM beside it so association
 * checks are real. The SDK-level tests drive the same handlers over HTTP; this one keeps the
 * logic tests (lifecycles, quotas at their AWS values) fast.
 */
import { defaultBehaviour, mergeBehaviour } from '../../../src/emulator/behaviour.js';
import { createDataZoneService } from '../../../src/emulator/services/datazone/index.js';
import { createRamService } from '../../../src/emulator/services/ram/index.js';
import {
  EmulatorServiceError,
  type CallContext,
  type EmulatorBehaviour,
} from '../../../src/emulator/types.js';
import { emptyWorld } from '../../../src/emulator/world.js';

/** The home account of the harness. */
export const HOME = '111122223333';

/** Options of the harness: behaviour overrides (durations default to 0 here). */
export type HarnessOptions = Partial<Omit<EmulatorBehaviour, 'durations'>> & {
  durations?: Partial<EmulatorBehaviour['durations']>;
};

/** A fresh world with DataZone and RAM, and a way to call them as any account. */
export function dzHarness(options: HarnessOptions = {}) {
  const world = emptyWorld();
  const zero = Object.fromEntries(Object.keys(defaultBehaviour().durations).map((k) => [k, 0]));
  const behaviour = mergeBehaviour(
    mergeBehaviour(defaultBehaviour(), { durations: zero } as Partial<EmulatorBehaviour>),
    options as Partial<EmulatorBehaviour>,
  );
  let nowMs = Date.UTC(2026, 0, 1);
  const dz = createDataZoneService(world);
  const ram = createRamService(world);
  const ctx = (accountId: string): CallContext => ({
    accountId,
    region: 'us-east-1',
    callerArn: `arn:aws:sts::${accountId}:assumed-role/Admin/session`,
    now: () => new Date(nowMs),
    newId: (prefix = '') => `${prefix}${++world.idCounter}`,
    options: behaviour,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- outputs are read loosely in tests
  type Out = any;
  const run = (impl: typeof dz, op: string, input: Record<string, unknown>, account: string): Out => {
    const handler = impl.handlers[op];
    if (!handler) throw new Error(`no handler ${op}`);
    return handler(input, ctx(account));
  };
  return {
    world,
    behaviour,
    advance(ms: number) {
      nowMs += ms;
    },
    dz: (op: string, input: Record<string, unknown> = {}, account = HOME): Out => run(dz, op, input, account),
    ram: (op: string, input: Record<string, unknown> = {}, account = HOME): Out =>
      run(ram, op, input, account),
    control: (name: string, body: unknown) => dz.control?.[name]?.(body, ctx(HOME)),
  };
}

/** The modelled error code a call throws (fails the test if it does not throw one). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof EmulatorServiceError) return error.code;
    throw error;
  }
  throw new Error('expected a service error');
}
