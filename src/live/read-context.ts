/**
 * The shared machinery of one read: every SDK call is paced (rate budget) and retried when
 * pacing is given (pacing.ts) and runs under the concurrency limiter, a list that fails (after
 * the retries) becomes a ReadFailure instead of an exception, and a Get that answers not-found
 * is reported as gone (or, for what a list just returned, as an inconsistent read: getListed). Kind readers only ever see results, never throws,
 * so one failing call never stops the rest of the read.
 */
import type { ReadFailure } from './types.js';
import { errorMessage, isGoneError } from './errors.js';
import type { Limiter } from './limit.js';
import { collectPages, type Page } from './paginate.js';
import type { ReadPacing, Via } from './pacing.js';

/** What the readers report while they work (the CLI decides whether and how to show it). */
export interface LiveReadEvent {
  level: 'debug' | 'warn';
  /** `live.gone`: listed, then not found; `live.failure`: a read failed; `live.skip`: deliberately not read. */
  code: 'live.gone' | 'live.failure' | 'live.skip';
  operation: string;
  scope: string;
  message: string;
}

/** The result of a Get: its value, or why there is none (gone: deleted since listed; else failed and recorded). */
export type GetOutcome<T> = { ok: true; value: T } | { ok: false; gone: boolean };

/** The per-read services every kind reader uses. */
export class ReadContext {
  readonly failures: ReadFailure[] = [];

  /**
   * `limit` bounds the calls in flight; without `pacing` a call is made once, through `limit`
   * only (the apply passes a limiter that budgets and retries itself). `resources` bounds the
   * resources being fetched at once (see `resource`); unbounded when not given.
   */
  constructor(
    private readonly limit: Limiter,
    private readonly emit: (event: LiveReadEvent) => void = () => undefined,
    private readonly pacing?: ReadPacing,
    private readonly resources: Limiter = (task) => task(),
  ) {}

  /**
   * Runs the read of one resource (its Gets and lists, and the waits for what it is normalised
   * with) when fewer than the bound are being read. Ten thousand projects listed at once would
   * otherwise each hold an async frame, its calls' promises and their answers until the last is
   * done: most of a large read's memory, and garbage in the old space once done. A task must never
   * wait for another task of this limiter (it would deadlock once the bound is full): the lists
   * and the names a resource waits for are read outside it.
   */
  resource<T>(task: () => Promise<T>): Promise<T> {
    return this.resources(task);
  }

  private send<T>(via: Via, operation: string, call: () => Promise<T>): Promise<T> {
    return this.pacing ? this.pacing.run(via, operation, this.limit, call) : this.limit(call);
  }

  /** Records a failure (complete becomes false) and reports it. */
  fail(operation: string, scope: string, message: string): void {
    this.failures.push({ operation, scope, message });
    this.emit({ level: 'warn', code: 'live.failure', operation, scope, message });
  }

  /**
   * A context for calls started before it is known whether their answers will be used (a
   * scoped read's lookups by name, begun beside GetDomain): same limiter and pacing, but its
   * failures stay apart until `adopt` takes them, so a lookup whose domain turned out gone
   * cannot make the observation incomplete.
   */
  fork(): ReadContext {
    return new ReadContext(
      this.limit,
      (event) => {
        if (event.code !== 'live.failure') this.emit(event);
      },
      this.pacing,
      this.resources,
    );
  }

  /** Records (and reports) the failures of a fork whose answers were used. */
  adopt(fork: ReadContext): void {
    for (const f of fork.failures) this.fail(f.operation, f.scope, f.message);
  }

  /** Reports a deliberate skip (nothing is recorded as failed). */
  skip(operation: string, scope: string, message: string): void {
    this.emit({ level: 'debug', code: 'live.skip', operation, scope, message });
  }

  /** Reads every page of a list; undefined (and a recorded failure) when any page fails. */
  list<T>(
    operation: string,
    scope: string,
    via: Via,
    fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  ): Promise<T[] | undefined> {
    return this.pages(operation, via, fetchPage, (message) => this.fail(operation, scope, message));
  }

  /**
   * Reads every page of a list that is only a shortcut (the read can do without it): undefined
   * when any page fails, reported as a skip and not recorded as a failure.
   */
  tryList<T>(
    operation: string,
    scope: string,
    via: Via,
    fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  ): Promise<T[] | undefined> {
    return this.pages(operation, via, fetchPage, (message) =>
      this.skip(operation, scope, `not used: ${message}`),
    );
  }

  private async pages<T>(
    operation: string,
    via: Via,
    fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
    failed: (message: string) => void,
  ): Promise<T[] | undefined> {
    try {
      return await collectPages((token) => this.send(via, operation, () => fetchPage(token)));
    } catch (error) {
      failed(errorMessage(error));
      return undefined;
    }
  }

  /**
   * The Get of a resource a list just returned. A not-found here is an inconsistent read, not
   * proof of deletion: planning it as absent would plan creates of what exists (and, once
   * protected, wrong deletes elsewhere). It is asked once more; a second not-found is recorded
   * as a failed observation, so no plan is published from it.
   */
  async getListed<T>(
    operation: string,
    scope: string,
    via: Via,
    call: () => Promise<T>,
  ): Promise<GetOutcome<T>> {
    const first = await this.get(operation, scope, via, call);
    if (first.ok || !first.gone) return first;
    const second = await this.get(operation, scope, via, call);
    if (second.ok || !second.gone) return second;
    this.fail(operation, scope, 'listed, but its Get answered not-found twice: the read is inconsistent');
    return { ok: false, gone: false };
  }

  /** One call that reads a single resource; not-found is `gone`, any other error a recorded failure. */
  async get<T>(operation: string, scope: string, via: Via, call: () => Promise<T>): Promise<GetOutcome<T>> {
    try {
      return { ok: true, value: await this.send(via, operation, call) };
    } catch (error) {
      if (isGoneError(error)) {
        this.emit({ level: 'debug', code: 'live.gone', operation, scope, message: errorMessage(error) });
        return { ok: false, gone: true };
      }
      this.fail(operation, scope, errorMessage(error));
      return { ok: false, gone: false };
    }
  }
}
