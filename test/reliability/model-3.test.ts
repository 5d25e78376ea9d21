/** Model-based campaign, part 3 (see model-part.ts). */
import { modelPart } from './model-part.js';

modelPart(2);
