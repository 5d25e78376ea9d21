// Loads a TypeScript worker module under tsx: a worker thread does not inherit the tsx loader of
// the process that starts it, so it registers tsx itself before importing the module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
