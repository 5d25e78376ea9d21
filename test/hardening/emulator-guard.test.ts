/**
 * Issue 19.15: the emulator answers unauthenticated on loopback, so it must not be reachable by DNS
 * rebinding (a foreign name in Host, a foreign Origin) nor exhaust memory on an unbounded body.
 * node:http is used because fetch cannot set the Host header.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

interface Answer {
  status: number;
  body: string;
}

function call(
  emu: RunningEmulator,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Answer> {
  const url = new URL(emu.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may close while a refused body is still being sent.
    req.on('error', (error) => reject(error));
    req.end(options.body);
  });
}

describe('emulator request guard', () => {
  let emu: RunningEmulator;
  let port: string;
  beforeAll(async () => {
    emu = await startEmulator();
    port = new URL(emu.endpoint).port;
  });
  afterAll(() => emu.close());

  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves the loopback Host %s', async (name) => {
    const answer = await call(emu, { path: '/__emulator/stats', headers: { host: `${name}:${port}` } });
    expect(answer.status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) on control and service paths', async () => {
    for (const path of ['/__emulator/stats', '/v2/domains']) {
      const answer = await call(emu, { path, headers: { host: `attacker.example:${port}` } });
      expect(answer).toEqual({
        status: 403,
        body: '{"error":"Forbidden","message":"the Host header must name the emulator on loopback"}',
      });
    }
  });

  it('refuses a loopback Host on another port', async () => {
    const answer = await call(emu, { path: '/__emulator/stats', headers: { host: '127.0.0.1:1' } });
    expect(answer.status).toBe(403);
  });

  it('refuses a non-loopback Origin and serves a loopback one', async () => {
    const foreign = await call(emu, {
      path: '/__emulator/reset',
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, origin: 'http://attacker.example' },
    });
    expect(foreign).toEqual({
      status: 403,
      body: '{"error":"Forbidden","message":"requests from a non-loopback Origin are refused"}',
    });
    const local = await call(emu, {
      path: '/__emulator/stats',
      headers: { host: `127.0.0.1:${port}`, origin: `http://localhost:${port}` },
    });
    expect(local.status).toBe(200);
  });

  it('answers 413 to a body over 1 MiB, declared or chunked', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
    const declared = await call(emu, {
      path: '/__emulator/behaviour',
      method: 'PATCH',
      headers: { host: `127.0.0.1:${port}`, 'content-length': String(big.length) },
      body: big,
    }).catch((error: Error) => ({ status: -1, body: error.message }));
    expect(declared.status).toBe(413);
    const chunked = await call(emu, {
      path: '/v2/domains',
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'transfer-encoding': 'chunked' },
      body: big,
    }).catch((error: Error) => ({ status: -1, body: error.message }));
    expect(chunked.status).toBe(413);
  });
});
