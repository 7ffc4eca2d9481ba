/**
 * A scoring rule as the province's annex writes it ("Cách chấm điểm"), and back. The written form
 * is Vietnamese with decimal commas; the reader also accepts the usual hand-written variants
 * ("Hoàn thành từ 80% đến dưới 100%: 0,5 điểm").
 */
import type { Rule } from '../schemas/files/framework.ts';

const decimal = (n: number) => String(n).replace('.', ',');
const number = String.raw`(\d+(?:[.,]\d+)?)`;

export function ruleToText(rule: Rule | undefined): string {
  if (!rule) return '';
  if (rule.kind === 'boolean') return rule.figure ? `${rule.figure}: đạt / không đạt` : 'Đạt / không đạt';
  if (rule.kind === 'manual') return rule.step === undefined ? 'Chấm theo mức độ' : `Chấm theo mức độ, bước ${decimal(rule.step)} điểm`;
  const tiers = rule.tiers.map((t) => `từ ${decimal(t.min)} trở lên: ${decimal(t.points)} điểm`).join('; ');
  return `${rule.figure}: ${tiers}`;
}

const parseNumber = (text: string) => Number(text.replace(',', '.'));

/** The tiers of a text, highest first: "từ 100 trở lên: 1 điểm", "từ 80% đến dưới 100%: 0,5 điểm", "≥ 60%: 0,25 điểm". */
function tiersOf(text: string): { min: number; points: number }[] {
  const tier = new RegExp(String.raw`(?:từ|≥|>=)\s*${number}\s*%?[^:;→]*?[:→]\s*${number}\s*điểm`, 'giu');
  return [...text.matchAll(tier)].map((m) => ({ min: parseNumber(m[1]!), points: parseNumber(m[2]!) }));
}

export type RuleReading = { rule?: Rule; problem?: { code: 'unreadable-rule' | 'rule-without-figure'; message: string } };

/** Reads a rule text; blank means no rule (survey leaves); what cannot be read is said, not guessed. */
export function ruleFromText(raw: string): RuleReading {
  const text = raw.normalize('NFC').trim();
  if (text === '') return {};
  const colon = text.indexOf(':');
  const figure = colon > 0 ? text.slice(0, colon).trim() : undefined;
  const body = colon > 0 ? text.slice(colon + 1) : text;
  if (/đạt\s*\/\s*không đạt/iu.test(body)) return { rule: figure ? { kind: 'boolean', figure } : { kind: 'boolean' } };
  const manual = /^chấm theo mức độ(?:,\s*bước\s*(\d+(?:[.,]\d+)?)\s*điểm)?$/iu.exec(text);
  if (manual) return { rule: manual[1] === undefined ? { kind: 'manual' } : { kind: 'manual', step: parseNumber(manual[1]) } };
  const tiers = tiersOf(body);
  if (tiers.length === 0) return { problem: { code: 'unreadable-rule', message: `cannot read the scoring rule "${text}"` } };
  if (!figure)
    return {
      problem: {
        code: 'rule-without-figure',
        message: `the tiers of "${text}" name no figure (write "Tên chỉ số (%): từ 100 trở lên: 1 điểm; ...")`,
      },
    };
  return { rule: { kind: 'tiers', figure, tiers: tiers.sort((a, b) => b.min - a.min) } };
}
