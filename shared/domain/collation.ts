/** Vietnamese collation for names (Ă after A, Đ after D), one collator for every list and ranking. */
export const vietnameseCollator = new Intl.Collator('vi');

export function byVietnameseName<T extends { name: string }>(a: T, b: T): number {
  return vietnameseCollator.compare(a.name, b.name);
}
