/** Crash campaign, part 2 (see crash-part.ts). */
import { crashPart } from './crash-part.js';

crashPart(1);
