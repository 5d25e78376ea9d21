/** The virtual clock moved to the shared test helpers (the suite's fast reads use it too). */
export { virtualTiming } from '../../helpers/virtual-time.js';
