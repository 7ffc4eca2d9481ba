/** The one rule for a cell's text, read by the survey ingestion and the registry import. */
import { describe, expect, it } from 'vitest';
import { xlsxCellText } from '../../shared/formats/xlsx-cell.ts';

describe('xlsxCellText', () => {
  it('writes numbers, booleans and text as they are, dates in ISO and empty cells as nothing', () => {
    expect(xlsxCellText(12.5, 'code')).toBe('12.5');
    expect(xlsxCellText(true, 'blank')).toBe('true');
    expect(xlsxCellText('Xã Vĩnh Hòa', 'code')).toBe('Xã Vĩnh Hòa');
    expect(xlsxCellText(new Date(Date.UTC(2025, 6, 1)), 'blank')).toBe('2025-07-01T00:00:00.000Z');
    expect(xlsxCellText(null, 'code')).toBe('');
  });

  it('shows an error cell by its code in a survey file and as a missing field in a registry file', () => {
    expect(xlsxCellText({ error: '#N/A' }, 'code')).toBe('#N/A');
    expect(xlsxCellText({ error: '#N/A' }, 'blank')).toBe('');
  });
});
