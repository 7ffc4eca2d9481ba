/** The stores the cycle use cases call (a port: the fast tier passes in-memory ones). */
import { createCycle, getCycle, updateCycle } from '../../store/cycles-store.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { getSurvey } from '../../store/surveys-store.ts';
import { getUnit, listUnits } from '../../store/units-store.ts';

export interface CyclesStores {
  getCycle: typeof getCycle;
  createCycle: typeof createCycle;
  updateCycle: typeof updateCycle;
  getFramework: typeof getFramework;
  getUnit: typeof getUnit;
  listUnits: typeof listUnits;
  getSurvey: typeof getSurvey;
}

export const cyclesStores: CyclesStores = { getCycle, createCycle, updateCycle, getFramework, getUnit, listUnits, getSurvey };
