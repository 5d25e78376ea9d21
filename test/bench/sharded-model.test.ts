/**
 * The sharded scenario's account of the machine (bench/sharded.ts contentionOf): the CPU floor,
 * the cores the run got, and the separate-runner model, on hand-made runs. The raw ratio is not
 * computed here: it stays wall at once ÷ slowest alone, whatever the model says.
 */
import { describe, expect, it } from 'vitest';
import { contentionOf } from '../../bench/sharded.js';

describe('sharded scenario: contention model', () => {
  it('a CPU floor above the slowest shard alone is what the machine cannot go below', () => {
    // Two shards of 5 s (1 s of it CPU) alone; at once 20 s, each still 1 s of CPU; emulator 2 s.
    const alone = [
      { wallMs: 5_000, cpuMs: 1_000 },
      { wallMs: 4_000, cpuMs: 1_000 },
    ];
    const atOnce = [
      { wallMs: 20_000, cpuMs: 1_000 },
      { wallMs: 19_000, cpuMs: 1_000 },
    ];
    const c = contentionOf(alone, atOnce, 20_000, 2_000, 2);
    expect(c).toEqual({
      cores: 2,
      shardsCpuMs: 2_000,
      emulatorCpuMs: 2_000,
      cpuFloorMs: 2_000,
      floorRatio: 1,
      beyondFloorRatio: 4,
      shardRatios: [4, 4.75],
      coresUsed: 0.2,
      // Each keeps its 4 s / 3 s of waiting and pays its 1 s of CPU: 5 s ÷ 5 s.
      separateRunnersRatio: 1,
    });
    const heavy = contentionOf(alone, atOnce, 20_000, 18_000, 2);
    expect(heavy.cpuFloorMs).toBe(10_000);
    expect(heavy.floorRatio).toBe(2);
    expect(heavy.beyondFloorRatio).toBe(2);
  });

  it('a shard doing more work at once shows in the model, not only in the raw ratio', () => {
    // At once the first shard spends 3 s of CPU (e.g. retries), so on its own runner it takes 4 + 3 s.
    const c = contentionOf(
      [
        { wallMs: 5_000, cpuMs: 1_000 },
        { wallMs: 4_000, cpuMs: 1_000 },
      ],
      [
        { wallMs: 9_000, cpuMs: 3_000 },
        { wallMs: 5_000, cpuMs: 1_000 },
      ],
      9_000,
      0,
      2,
    );
    expect(c.separateRunnersRatio).toBe(1.4);
  });
});
