/** Model-based campaign, part 4 (see model-part.ts). */
import { modelPart } from './model-part.js';

modelPart(3);
