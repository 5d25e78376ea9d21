/**
 * The PR bound's transport calibration (bench/transport.ts) against the bench's hosted emulator:
 * its unsigned requests are answered as ListDomains, every round trip is matched with the
 * latency the emulator drew for it, and what remains is a round trip's cost beyond that latency.
 */
import { describe, expect, it } from 'vitest';
import { startHostedEmulator } from '../../bench/emulator-host.js';
import { measureTransport } from '../../bench/transport.js';

describe('measureTransport', () => {
  it('subtracts from each round trip the latency drawn for it', async () => {
    const emulator = await startHostedEmulator({
      seed: 1,
      rateLimits: 'off',
      latency: { fixedMs: 30, jitterMs: 20 },
    });
    try {
      const transport = await measureTransport(emulator, 8);
      expect(transport.samples).toBe(8);
      // Each round trip was matched with the latency drawn for it: eight draws in [30, 50).
      expect(transport.drawnMs).toHaveLength(8);
      for (const drawn of transport.drawnMs) {
        expect(drawn).toBeGreaterThanOrEqual(30);
        expect(drawn).toBeLessThan(50);
      }
      expect(Number.isFinite(transport.meanMs)).toBe(true);
      // The calibration's requests are not left in the counts of the phase that follows.
      expect(await emulator.takeCounts()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
