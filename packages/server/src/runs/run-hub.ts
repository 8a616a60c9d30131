/**
 * `RunHub`: the in-process fan-out of a run's live events to server-sent-event listeners. The
 * run service publishes each progress event after it is stored (with its catalog `seq`), each
 * status change, and the end of the run (its final record); listeners subscribe per run and must
 * unsubscribe (the returned function) when their client goes away.
 */
import { EventEmitter } from 'node:events';
import type { RunRecord, RunStatus } from '../store/catalog.js';

/** One live message of a run. */
export type RunHubMessage =
  | { readonly type: 'progress'; readonly seq: number; readonly event: unknown }
  | { readonly type: 'status'; readonly status: RunStatus }
  | { readonly type: 'end'; readonly run: RunRecord };

/**
 * Per-run publish/subscribe over one EventEmitter (event name = run id).
 * @example
 * const off = hub.subscribe(runId, (message) => send(message));
 * hub.publish(runId, { type: 'status', status: 'running' });
 * off();
 */
export class RunHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Many dashboards may follow one run; listeners are removed on disconnect.
    this.emitter.setMaxListeners(0);
  }

  /** Delivers a message to every listener of the run (synchronously, in subscription order). */
  publish(runId: string, message: RunHubMessage): void {
    this.emitter.emit(runId, message);
  }

  /** Adds a listener; returns the function that removes it (safe to call twice). */
  subscribe(runId: string, listener: (message: RunHubMessage) => void): () => void {
    this.emitter.on(runId, listener);
    return () => {
      this.emitter.off(runId, listener);
    };
  }

  /** Listeners currently following a run (for tests: cleanup on disconnect). */
  listenerCount(runId: string): number {
    return this.emitter.listenerCount(runId);
  }
}
