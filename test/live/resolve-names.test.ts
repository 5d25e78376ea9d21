/** Id-to-name resolution: unknown ids stay visible as `id:<id>`; the root unit has no path. */
import { describe, expect, test } from 'vitest';
import { NameIndex, UnitPaths } from '../../src/live/resolve-names.js';

describe('resolve-names', () => {
  test('NameIndex names known ids and marks unknown ones', () => {
    const pools = new NameIndex([['p1', 'pool-a']]);
    expect(pools.name('p1')).toBe('pool-a');
    expect(pools.name('zz')).toBe('id:zz');
    expect(pools.has('zz')).toBe(false);
  });

  test('UnitPaths: root and no unit are undefined, known units their path, unknown ones marked', () => {
    const units = new UnitPaths('root', new Map([['u1', 'HR/Benefits']]));
    expect(units.path('root')).toBeUndefined();
    expect(units.path(undefined)).toBeUndefined();
    expect(units.path('u1')).toBe('HR/Benefits');
    expect(units.path('u9')).toBe('id:u9');
  });
});
