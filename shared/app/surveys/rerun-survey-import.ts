/**
 * An administrator re-runs a failed import (the same uploaded file, e.g. after the survey
 * definition was fixed): it goes back to pending, audited, and the re-drive runs it.
 */
import { enforce } from '../../domain/errors.ts';
import type { Caller } from '../../domain/roles.ts';
import { surveyWindow } from '../../domain/write-window.ts';
import { importNotFound, importReport, type ImportInput } from './get-survey-import.ts';
import { loadSurveyContext } from './survey-context.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export async function rerunSurveyImport(
  caller: Caller,
  input: ImportInput & { reason?: string },
  stores: SurveyStores = surveyStores,
  now = new Date(),
) {
  const ref = { year: input.year, surveyId: input.surveyId, importId: input.importId };
  const { cycle } = await loadSurveyContext(input.year, input.surveyId, stores);
  if (!(await stores.getImport(ref))) throw importNotFound(ref);
  enforce(surveyWindow(cycle, now));
  return importReport(await stores.reopenImport(caller, ref, input.reason));
}
