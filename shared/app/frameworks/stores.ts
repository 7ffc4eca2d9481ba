/** The stores the framework use cases call (a port: the fast tier passes in-memory ones). */
import { getFramework, saveFramework } from '../../store/frameworks-store.ts';

export interface FrameworksStores {
  getFramework: typeof getFramework;
  saveFramework: typeof saveFramework;
}

export const frameworksStores: FrameworksStores = { getFramework, saveFramework };
