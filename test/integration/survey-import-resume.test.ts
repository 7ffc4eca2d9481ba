/**
 * An ingestion killed half-way (SIGKILL of the function's process, as a Lambda timeout or crash
 * would end it) and resumed by the platform's retry of the same upload event: every row ends up
 * counted exactly once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { getCheckpoint } from '../../shared/store/survey-ingest-store.ts';
import { getImport, reportRowKeys } from '../../shared/store/survey-imports-store.ts';
import { loadRespondents, readCounts } from '../../shared/store/survey-respondents-store.ts';
import { tokens } from '../support/api.ts';
import { uploadToForm } from '../support/assessment-helpers.ts';
import { createSurvey, header, startImport, summary, waitForImport, year } from '../support/survey-helpers.ts';

const surveyId = 'test-import-resume';
const units = ['VPUBND', 'SNV', 'STP', 'SKHDT', 'STC'];

/** 40,000 rows: every 97th repeats an earlier id, every 101st has an out-of-scale answer. */
function bigFile() {
  const lines = [header.join(',')];
  let expectedAccepted = 0;
  let expectedDuplicates = 0;
  let expectedRejected = 0;
  for (let i = 1; i <= 40_000; i++) {
    const unit = units[i % units.length];
    if (i % 101 === 0) {
      lines.push(`K${i},${unit},leader,Q,,`);
      expectedRejected++;
    } else if (i % 97 === 0) {
      const earlier = (i - 1) % 101 === 0 ? i - 2 : i - 1; // an id that was accepted
      lines.push(`K${earlier},${unit},citizen,,A,B`);
      expectedDuplicates++;
    } else {
      lines.push(i % 2 ? `K${i},${unit},leader,${'ABCDE'[i % 5]},,` : `K${i},${unit},citizen,,${'ABCDE'[i % 5]},${'ABCDE'[(i + 1) % 5]}`);
      expectedAccepted++;
    }
  }
  return { file: Buffer.from(`${lines.join('\n')}\n`), expectedAccepted, expectedDuplicates, expectedRejected };
}

function runningInvocation(objectKey: string): number | undefined {
  const dir = join(inject('localDir'), 'lambda', 'running');
  for (const name of readdirSync(dir)) {
    const entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { pid: number; keys: string[] };
    if (entry.keys.includes(objectKey)) return entry.pid;
  }
  return undefined;
}

describe('an interrupted ingestion', () => {
  it('is killed after a checkpoint, resumed by the retry, and counts each row exactly once', { timeout: 180_000 }, async () => {
    const admin = await tokens.admin();
    await createSurvey(admin, surveyId);
    const { file, expectedAccepted, expectedDuplicates, expectedRejected } = bigFile();
    const created = await startImport(admin, surveyId, 'lon.csv');
    expect(await uploadToForm(created.upload, file, 'text/csv')).toBeLessThan(300);

    // Wait until the run has checkpointed past line 10,000, then kill its process mid-way.
    const ref = { year, surveyId, importId: created.importId };
    let killedAt = 0;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      // The record's lines move every 1,000 rows (the console's bar); the checkpoint is what a retry resumes from.
      const [record, saved] = await Promise.all([getImport(ref), getCheckpoint(ref)]);
      const pid = runningInvocation(created.objectKey);
      if (record && saved && saved.line >= 10_000 && pid) {
        process.kill(pid, 'SIGKILL');
        killedAt = Math.max(record.lines, saved.line);
        break;
      }
    }
    expect(killedAt).toBeGreaterThanOrEqual(10_000);
    expect(killedAt).toBeLessThan(40_000);
    // The killed run had written rows beyond its last checkpoint: the retry must recognise them as its own.
    const checkpoint = await getCheckpoint(ref);
    const writtenAtKill = [...(await loadRespondents(ref)).values()].filter((h) => typeof h === 'number').length;
    expect(checkpoint?.line).toBeGreaterThanOrEqual(10_000);
    expect(writtenAtKill).toBeGreaterThan(checkpoint?.counts.accepted ?? 0);

    const report = await waitForImport(admin, surveyId, created.importId, 150_000);
    expect(report).toMatchObject({
      status: 'done',
      accepted: expectedAccepted,
      duplicates: expectedDuplicates,
      rejectedCount: expectedRejected,
      lines: 40_001,
    });
    expect((await getImport(ref))?.attempts).toBeGreaterThanOrEqual(2);

    // Read back: one respondent item per accepted row, one report row per refused one, counts that add up.
    const held = await loadRespondents(ref);
    expect([...held.values()].filter((h) => typeof h === 'number').length).toBe(expectedAccepted);
    expect((await reportRowKeys(ref)).length).toBe(expectedDuplicates + expectedRejected);
    const counts = (await readCounts(year, surveyId)).filter((c) => c.source === `import:${created.importId}`);
    expect(counts.reduce((n, c) => n + c.responses, 0)).toBe(expectedAccepted);
    const answers = counts.reduce((n, c) => n + Object.values(c.counts).reduce((a, b) => a + b, 0), 0);
    const leaders = Math.ceil(40_000 / 2); // odd i: one answer; even i: two
    expect(answers).toBeGreaterThan(leaders);
    const responses = (await summary(admin, surveyId)).units.reduce(
      (n, u) => n + Object.values(u.groups).reduce((a, g) => a + g.responses, 0),
      0,
    );
    expect(responses).toBe(expectedAccepted);
  });
});
