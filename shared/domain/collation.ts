/** Vietnamese collation for names (Ă after A, Đ after D, tones ordered as dictionaries do). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function byVietnameseName<T extends { name: string }>(a: T, b: T): number {
  return vietnameseCollator.compare(a.name, b.name);
}
