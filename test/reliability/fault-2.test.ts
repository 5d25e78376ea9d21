/** Fault campaign, part 2 (see fault-part.ts). */
import { faultPart } from './fault-part.js';

faultPart(1);
