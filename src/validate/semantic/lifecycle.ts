/** `lifecycle` misuse that the schema cannot see: protecting a tombstone, or deleting what must stay. */
import { report, type CheckContext } from './context.js';

/** Reports contradictory lifecycle settings. */
export function checkLifecycle(ctx: CheckContext): void {
  for (const doc of ctx.inventory.all) {
    const lifecycle = doc.manifest.lifecycle;
    if (!lifecycle) continue;
    if (doc.manifest.kind === 'Policy') {
      report(ctx, doc, 'SG309', 'a Policy is not a cloud resource: lifecycle does not apply', '/lifecycle', {
        atKey: true,
      });
      continue;
    }
    if (lifecycle.protect === true && lifecycle.ensure === 'absent') {
      report(
        ctx,
        doc,
        'SG309',
        'lifecycle.protect and ensure: absent contradict each other (a protected resource is never deleted)',
        '/lifecycle/ensure',
      );
    }
  }
}
