/** Small frameworks written by hand for worked examples; every number can be checked on paper. */
import { parseFramework } from '../../../shared/domain/framework.ts';
import { compileSurvey, surveyLeafScore, tallyResponses, type TallyResult } from '../../../shared/domain/survey-aggregation.ts';
import type { SurveyLeafSource } from '../../../shared/domain/scoring.ts';
import type { Framework } from '../../../shared/schemas/files/framework.ts';
import { surveyDefinitionSchema } from '../../../shared/schemas/files/survey-file.ts';

/** Area 1 (3 points: 1.1.1 boolean 0.5, 1.1.2 tiers 1.5, 1.2 manual 1), area 2 (2.1 survey, 2 points). */
export function smallFrameworkJson(): Record<string, unknown> {
  return {
    id: 'test-1',
    name: 'Bộ chỉ số thử',
    unitType: 'department',
    maxTotal: 5,
    areas: [
      {
        code: '1',
        name: 'Chỉ đạo',
        maxPoints: 3,
        items: [
          {
            code: '1.1',
            name: 'Kế hoạch',
            maxPoints: 2,
            items: [
              { code: '1.1.1', name: 'Ban hành', maxPoints: 0.5, method: 'self', rule: { kind: 'boolean' } },
              {
                code: '1.1.2',
                name: 'Hoàn thành',
                maxPoints: 1.5,
                method: 'self',
                rule: {
                  kind: 'tiers',
                  figure: '%',
                  tiers: [
                    { min: 100, points: 1.5 },
                    { min: 80, points: 1 },
                  ],
                },
              },
            ],
          },
          { code: '1.2', name: 'Kiểm tra', maxPoints: 1, method: 'self', rule: { kind: 'manual', step: 0.5 } },
        ],
      },
      {
        code: '2',
        name: 'Khảo sát',
        maxPoints: 2,
        items: [{ code: '2.1', name: 'Hài lòng', maxPoints: 2, method: 'survey' }],
      },
    ],
    adjustments: [
      { code: 'T1', kind: 'bonus', name: 'Khen thưởng', maxPoints: 1 },
      { code: 'P1', kind: 'penalty', name: 'Trễ hạn', maxPoints: 1 },
    ],
    bands: [
      { label: 'Tốt', min: 90 },
      { label: 'Khá', min: 80 },
      { label: 'Yếu', min: 0 },
    ],
  };
}

export function framework(json: unknown): Framework {
  const r = parseFramework(json);
  if (!r.ok) throw new Error(`fixture framework invalid: ${JSON.stringify(r.errors)}`);
  return r.framework;
}

export const smallFramework = (): Framework => framework(smallFrameworkJson());

/** Compile, tally and wrap a survey as the scoring's survey source; throws on invalid input. */
export function surveySource(
  f: Framework,
  definition: unknown,
  responses: unknown[],
  knownUnits?: ReadonlySet<string>,
): { source: SurveyLeafSource; tally: TallyResult } {
  const compiled = compileSurvey(surveyDefinitionSchema.parse(definition), f);
  if (!compiled.ok) throw new Error(`survey invalid: ${JSON.stringify(compiled.errors)}`);
  const tally = tallyResponses(compiled.survey, responses, { knownUnits });
  if (tally.errorCount > 0) throw new Error(`responses invalid: ${JSON.stringify(tally.errors)}`);
  return { source: (unitId, leaf) => surveyLeafScore(compiled.survey, tally.tally, unitId, leaf), tally };
}
