/** The control endpoints over HTTP and their in-process equivalents: stats, reset, faults, clock, behaviour, hooks. */
import { describe, expect, it } from 'vitest';
import { CreateProjectCommand, GetDomainCommand } from '@aws-sdk/client-datazone';
import { withEmulator } from '../helpers/emulator.js';
import { FAKES } from './fake-services.js';

describe('control endpoints', () => {
  const emu = withEmulator({ serviceFactories: FAKES });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emu.endpoint}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };

  it('serves stats and resets them', async () => {
    await emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_abc123' }));
    const stats = await call('GET', 'stats');
    expect(stats.json).toMatchObject({
      total: 1,
      operations: { 'datazone.GetDomain': { count: 1, byStatus: { '200': 1 } } },
    });
    expect((await call('POST', 'stats/reset')).status).toBe(200);
    expect((await call('GET', 'stats')).json).toMatchObject({ total: 0 });
  });

  it('sets, reads and clears faults', async () => {
    const set = await call('PUT', 'faults', [{ operation: 'GetDomain', error500Pct: 100, count: 1 }]);
    expect(set.json).toEqual([{ operation: 'GetDomain', error500Pct: 100, count: 1 }]);
    await expect(
      emu.dataZone().send(new GetDomainCommand({ identifier: 'dzd_abc123' })),
    ).rejects.toMatchObject({
      name: 'InternalServerException',
    });
    await call('PUT', 'faults', [{ operation: '*', throttlePct: 100 }]);
    await call('DELETE', 'faults');
    expect((await call('GET', 'faults')).json).toEqual([]);
    expect((await call('PUT', 'faults', { not: 'a list' })).status).toBe(400);
  });

  it('advances the emulated clock', async () => {
    const before = emu.emulator.world.clockOffsetMs;
    await call('POST', 'clock/advance', { ms: 5000 });
    expect(emu.emulator.world.clockOffsetMs).toBe(before + 5000);
    expect((await call('POST', 'clock/advance', { ms: -1 })).status).toBe(400);
  });

  it('patches behaviour (durations merge)', async () => {
    const patched = await call('PATCH', 'behaviour', { defaultPageSize: 2, durations: { domainCreate: 0 } });
    expect(patched.json).toMatchObject({
      defaultPageSize: 2,
      durations: { domainCreate: 0, domainDelete: 2000 },
    });
  });

  it('calls service hooks and answers 404 for unknown ones', async () => {
    expect((await call('POST', 'service/ram/echo', { a: 1 })).json).toEqual({
      body: { a: 1 },
      accountId: '111122223333',
    });
    expect((await call('POST', 'service/ram/nothing', {})).status).toBe(404);
    expect((await call('GET', 'nothing')).status).toBe(404);
  });

  it('reset empties the world in place', async () => {
    await emu.dataZone().send(new CreateProjectCommand({ domainIdentifier: 'dzd_abc123', name: 'x' }));
    const world = emu.emulator.world;
    expect(world.services.datazone).toBeDefined();
    await call('POST', 'reset');
    expect(emu.emulator.world).toBe(world);
    expect(world.services.datazone).toBeUndefined();
    expect(world.idCounter).toBe(0);
  });
});
