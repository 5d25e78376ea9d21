/**
 * What a round trip to the bench's emulator costs beyond the latency it draws, measured on this
 * machine at this moment: the transport. The emulator sleeps the drawn latency in its worker
 * thread and the client waits on a socket; waking both after a 20 ms sleep, the loopback hops and
 * the emulator's own handling add a few ms that neither AWS's latency model nor the tool decides
 * (about 2.5 ms a call with two cores busy, against 0.5 ms for a call with no latency at all,
 * which never lets either thread sleep). A bound that charges a chain of calls only their mean
 * latency is one that even a client doing nothing but these requests cannot reach, so the PR
 * bound (pr-bound.ts) charges every chained call the transport too.
 *
 * The calibration is the least client there is: plain `node:http` GETs of ListDomains, one after
 * another on one kept-alive socket, no SDK, no signing (the emulator reads the SigV4 scope and
 * does not verify the signature). Each sample is its round trip minus the latency the emulator
 * drew for that very request (emulator-worker.ts timeline), so the latency's spread is no noise.
 */
import { Agent, request } from 'node:http';
import type { HostedEmulator } from './emulator-host.js';

/** The measured transport. */
export interface Transport {
  /** Mean of round trip − drawn latency over the samples, ms: what the bound charges a call. */
  meanMs: number;
  medianMs: number;
  samples: number;
  /** The latency the emulator drew for each sample, ms (what was subtracted). */
  drawnMs: number[];
}

/** A SigV4 header with the datazone scope; the bench's access key. Unsigned, as above. */
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIAEMULATORBENCH001/20260101/us-east-1/datazone/aws4_request, ' +
  'SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000';

function roundTrip(url: URL, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/v2/domains',
        method: 'GET',
        agent,
        headers: { authorization: AUTHORIZATION, 'x-amz-date': '20260101T000000Z' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(performance.now() - began));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * Measures the transport with `samples` round trips (after a few unmeasured ones that open the
 * socket). Takes the emulator's timeline and counts: call it between phases, not during one.
 */
export async function measureTransport(emulator: HostedEmulator, samples = 60): Promise<Transport> {
  const url = new URL(emulator.endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < 3; i++) await roundTrip(url, agent);
    await emulator.takeTimeline();
    const trips: number[] = [];
    for (let i = 0; i < samples; i++) trips.push(await roundTrip(url, agent));
    const answered = (await emulator.takeTimeline()).filter((e) => e[1] === 'datazone.ListDomains');
    await emulator.takeCounts();
    if (answered.length !== trips.length)
      throw new Error(
        `transport: ${trips.length} round trips but ${answered.length} answers in the timeline`,
      );
    const drawnMs = answered.map((e) => e[3]);
    const beyond = trips.map((ms, i) => ms - drawnMs[i]!).sort((a, b) => a - b);
    const mean = beyond.reduce((sum, ms) => sum + ms, 0) / beyond.length;
    const round2 = (ms: number) => Math.round(ms * 100) / 100;
    return { meanMs: round2(mean), medianMs: round2(beyond[beyond.length >> 1]!), samples, drawnMs };
  } finally {
    agent.destroy();
  }
}
