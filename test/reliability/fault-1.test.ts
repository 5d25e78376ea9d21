/** Fault campaign, part 1 (see fault-part.ts). */
import { faultPart } from './fault-part.js';

faultPart(0);
