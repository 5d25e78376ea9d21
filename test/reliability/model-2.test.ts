/** Model-based campaign, part 2 (see model-part.ts). */
import { modelPart } from './model-part.js';

modelPart(1);
