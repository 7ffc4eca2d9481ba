/** Vietnamese formats: decimal commas, Asia/Ho_Chi_Minh dates, collation for names. */
import type { UnitType } from '../../../shared/schemas/files/framework.ts';

const timeZone = 'Asia/Ho_Chi_Minh';
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const date = new Intl.DateTimeFormat('vi-VN', { timeZone, dateStyle: 'long' });

export const fmtNumber = (n: number | null | undefined) => (n === null || n === undefined ? '—' : number.format(n));
export const fmtDateTime = (iso: string) => dateTime.format(new Date(iso));
export const fmtDate = (iso: string) => date.format(new Date(iso));
export const fmtPercent = (part: number, total: number) => (total === 0 ? '0%' : `${number.format(Math.round((part / total) * 100))}%`);

/** Parses "1,25" or "1.25" (what a Vietnamese keyboard user types) into a number. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export function remaining(deadline: string, now = Date.now()): string {
  const ms = new Date(deadline).getTime() - now;
  if (ms <= 0) return 'đã hết hạn';
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  if (days > 0) return `còn ${days} ngày ${hours} giờ`;
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return `còn ${hours} giờ ${minutes} phút`;
}

export const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Diacritics-insensitive fold for search ("ba tri" finds "Ba Tri", "my hoa" finds "Mỹ Hòa"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date()));
}

export const stateNames: Record<string, string> = {
  draft: 'Đang tự chấm',
  submitted: 'Đã nộp',
  returned: 'Trả lại để giải trình',
  explained: 'Đã giải trình',
  appraised: 'Đã thẩm định xong',
};

/** Every unit type labelled (the `satisfies` fails the type check when a type is added without one). */
export const unitTypeNames: Record<string, string> = {
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
} satisfies Record<UnitType, string>;
