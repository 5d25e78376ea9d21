/**
 * The control endpoints over HTTP, for out-of-process users (the CLI's tests, the bench):
 *
 * | request | effect |
 * |---|---|
 * | `GET /__emulator/stats` | counters as JSON |
 * | `POST /__emulator/stats/reset` | zero the counters |
 * | `POST /__emulator/reset` | empty world |
 * | `GET`/`PUT`/`DELETE /__emulator/faults` | read / replace (JSON list) / clear the fault rules |
 * | `GET`/`PUT`/`DELETE /__emulator/project-faults` | read / replace (`{deployments, lifecycle}`) / clear the project fault rules |
 * | `POST /__emulator/clock/advance` `{"ms":N}` | move the emulated clock |
 * | `GET`/`PATCH /__emulator/behaviour` | read / merge behaviour knobs |
 * | `POST /__emulator/service/<service>/<name>` | the service's control hook, JSON in and out |
 *
 * Answers are JSON; failures are `{"error": code, "message": …}` with status 400 (404 unknown path).
 */
import type { BehaviourPatch } from './behaviour.js';
import type { EmulatorControl } from './control.js';
import { parseFaultSpecs } from './knobs/faults.js';
import { parseProjectFaults } from './knobs/project-faults.js';
import { isServiceName } from './service-wire.js';
import { isEmulatorServiceError } from './service-error.js';
import type { WireResponse } from './protocols/types.js';

/** The path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__emulator/';

function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value ?? null) };
}

function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

/** Serves one control request. */
export async function handleControl(
  control: EmulatorControl,
  method: string,
  path: string,
  body: Buffer,
): Promise<WireResponse> {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  try {
    switch (route) {
      case 'GET /stats':
        return json(200, control.stats());
      case 'POST /stats/reset':
        control.resetStats();
        return json(200, {});
      case 'POST /reset':
        await control.reset();
        return json(200, {});
      case 'GET /faults':
        return json(200, control.faults());
      case 'PUT /faults':
        control.setFaults(parseFaultSpecs(parseBody(body)));
        return json(200, control.faults());
      case 'DELETE /faults':
        control.clearFaults();
        return json(200, []);
      case 'GET /project-faults':
        return json(200, control.projectFaults());
      case 'PUT /project-faults':
        control.setProjectFaults(parseProjectFaults(parseBody(body)));
        return json(200, control.projectFaults());
      case 'DELETE /project-faults':
        control.setProjectFaults({});
        return json(200, control.projectFaults());
      case 'POST /clock/advance': {
        const ms = (parseBody(body) as { ms?: unknown }).ms;
        if (typeof ms !== 'number') throw new Error('body must be {"ms": number}');
        await control.advanceClock(ms);
        return json(200, {});
      }
      case 'GET /behaviour':
        return json(200, control.behaviour());
      case 'PATCH /behaviour':
        control.setBehaviour(parseBody(body) as BehaviourPatch);
        return json(200, control.behaviour());
      default:
        break;
    }
    const hook = /^POST \/service\/([^/]+)\/([^/]+)$/.exec(route);
    if (hook && isServiceName(hook[1] ?? '')) {
      const service = hook[1] as Parameters<EmulatorControl['serviceControl']>[0];
      return json(
        200,
        await control.serviceControl(service, decodeURIComponent(hook[2] ?? ''), parseBody(body)),
      );
    }
    return json(404, { error: 'NotFound', message: `no control endpoint ${route}` });
  } catch (error) {
    if (isEmulatorServiceError(error))
      return json(error.status ?? 400, { error: error.code, message: error.message });
    return json(400, {
      error: 'BadRequest',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
