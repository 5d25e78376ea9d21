/**
 * One shard of the `sharded` scenario in a process of its own, as a matrix job has a runner of
 * its own: it loads the manifests, gets its account's credentials and warms up, says `ready`, waits for
 * `go` on stdin (so every shard starts together and start-up is not timed), then plans, applies
 * and re-plans, and prints its ShardRun as one JSON line.
 *
 * Usage: node --import tsx bench/sharded-child.ts <manifest dir> <endpoint> <shard JSON> <settings JSON>
 */
import { once } from 'node:events';
import type { Shard } from '../src/plan/shards.js';
import { loadOrThrow } from './pipeline.js';
import type { NetworkSettings } from './scenario.js';
import { planShard, runShard, shardClients } from './sharded-shard.js';

const [dir = '', endpoint = '', shardJson = '{}', settingsJson = '{}'] = process.argv.slice(2);
const shard = JSON.parse(shardJson) as Shard;
const settings = JSON.parse(settingsJson) as NetworkSettings;
const loading = performance.now();
const loaded = await loadOrThrow([dir]);
const loadMs = Math.round(performance.now() - loading);
const clients = await shardClients(endpoint, shard.account);
// Warm-up, untimed (as the network scenarios do): one read pays for the SDK's lazy set-up and the
// JIT, a runner's start-up rather than the shard's work. Over the empty cloud it changes nothing.
await planShard(loaded, shard, clients, settings.scale);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const startupCpu = process.cpuUsage();
const result = {
  ...(await runShard(loaded, shard, clients, settings)),
  startup: {
    cpuMs: Math.round((startupCpu.user + startupCpu.system) / 1000),
    loadMs,
    documents: loaded.documents.length,
  },
};
clients.destroy();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
