/**
 * JSON-plan golden scenarios of the ownership rules (issue 5, DESIGN §4): delete by tombstone and
 * by prune, unmanaged resources reported and untouched by apply, protected deletes and replaces
 * refused, maxDeletes, ambiguous identities, and Studio-domain ownership; all against one emulator holding the applied
 * base (the ambiguity scenarios add a record and take it out again). Goldens: __golden__/.
 */
import { ambiguousScenarios } from './ambiguous.js';
import { deleteScenarios } from './delete.js';
import { withBase } from './harness.js';
import { safetyScenarios } from './safety.js';
import { studioScenarios } from './studio.js';
import { unmanagedScenarios } from './unmanaged.js';
import { useEmulatorClock } from '../../helpers/cli.js';

// The CLI waits on the emulator's clock: pacing and polls cost no real time (issue 18).
useEmulatorClock();

const emu = withBase();

deleteScenarios(emu);
unmanagedScenarios(emu);
safetyScenarios(emu);
ambiguousScenarios(emu);
studioScenarios(emu);
