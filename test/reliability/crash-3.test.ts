/** Crash campaign, part 3 (see crash-part.ts). */
import { crashPart } from './crash-part.js';

crashPart(2);
