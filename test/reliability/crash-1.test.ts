/** Crash campaign, part 1 (see crash-part.ts). */
import { crashPart } from './crash-part.js';

crashPart(0);
