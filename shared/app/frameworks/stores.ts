/** The stores the framework use cases call (a port: the fast tier passes in-memory ones). */
import { getCycle } from '../../store/cycles-store.ts';
import { freezeFramework, getFramework, saveFramework } from '../../store/frameworks-store.ts';

export interface FrameworksStores {
  getFramework: typeof getFramework;
  saveFramework: typeof saveFramework;
  freezeFramework: typeof freezeFramework;
  /** The cycles that use a framework: a published one makes it CYCLE_PUBLISHED, not just frozen. */
  getCycle: typeof getCycle;
}

export const frameworksStores: FrameworksStores = { getFramework, saveFramework, freezeFramework, getCycle };
