/**
 * Writes a local execution's status and events to the table as it runs (one overwritten item,
 * shared/store/local-executions-store.ts), so the console's pipeline screen reads locally what
 * Step Functions' DescribeExecution and GetExecutionHistory answer in the cloud. Writes go one
 * after another; a failed write is logged and never fails the run.
 */
import type { ExecutionView, PipelineEvent } from '../../shared/schemas/api/admin-api.ts';
import { saveLocalExecution } from '../../shared/store/local-executions-store.ts';

const keptEvents = 300;

export interface ExecutionRecorder {
  event(event: Omit<PipelineEvent, 'at'>): void;
  finish(status: 'SUCCEEDED' | 'FAILED', error?: { name: string; message: string }): Promise<void>;
}

export function recordExecution(year: number, name: string, startedAt: Date): ExecutionRecorder {
  const view: ExecutionView = { name, source: 'local', status: 'RUNNING', startedAt: startedAt.toISOString(), events: [] };
  let chain: Promise<void> = Promise.resolve();
  const save = () => {
    const snapshot = structuredClone(view);
    chain = chain
      .then(() => saveLocalExecution(year, snapshot))
      .catch((error: unknown) => {
        console.warn(`pipeline ${name}: could not record the execution: ${(error as Error).message}`);
      });
  };
  save();
  return {
    event(e) {
      view.events.push({ at: new Date().toISOString(), ...e });
      if (view.events.length > keptEvents) view.events.splice(0, view.events.length - keptEvents);
      if (e.type === 'StateEntered') view.currentState = e.state;
      save();
    },
    async finish(status, error) {
      view.status = status;
      view.stoppedAt = new Date().toISOString();
      if (error) view.error = { name: error.name, cause: error.message };
      save();
      await chain;
    },
  };
}
