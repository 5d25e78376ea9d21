/** Model-based campaign, part 1 (see model-part.ts). */
import { modelPart } from './model-part.js';

modelPart(0);
