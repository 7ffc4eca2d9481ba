/**
 * What the public site's pages share: the page shape, the breadcrumb home, area names, and the
 * Vietnamese 404 page for a year not published or a unit never ranked. Each page is its own module,
 * so a Lambda bundles only what its page reads (the year page alone needs S3, for the report links).
 */
import { DomainError } from '../../domain/errors.ts';
import { getFramework } from '../../store/frameworks-store.ts';
import { layout } from './html.ts';

export const home = { href: '/cong-khai', label: 'Công khai kết quả' };

export interface Page {
  status: number;
  html: string;
}

export async function areaNames(frameworkId: string): Promise<Map<string, string>> {
  const stored = await getFramework(frameworkId);
  return new Map((stored?.framework.areas ?? []).map((a) => [a.code, a.name]));
}

/** A published-data miss (a year not published, a unit never ranked) is a page too, not JSON. */
export async function orNotFound(render: () => Promise<Page>): Promise<Page> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== 'RESULTS_NOT_PUBLISHED' && error.code !== 'UNIT_NOT_FOUND')) throw error;
    const text = error.code === 'RESULTS_NOT_PUBLISHED' ? 'Kết quả năm này chưa được công bố.' : 'Đơn vị này chưa có kết quả được công bố.';
    const body = `<h1>Không tìm thấy</h1><p>${text}</p><p><a href="/cong-khai">Xem các năm đã công bố</a></p>`;
    return { status: 404, html: layout({ title: 'Không tìm thấy', description: text, crumbs: [home, { label: 'Không tìm thấy' }], body }) };
  }
}
