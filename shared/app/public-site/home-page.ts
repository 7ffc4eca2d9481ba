/** The public site's start page: the published years. */
import { allPublishedYears } from '../results/previous-publications.ts';
import { layout } from './html.ts';
import { home, type Page } from './page.ts';

export async function homePage(): Promise<Page> {
  const years = (await allPublishedYears()).sort((a, b) => b - a);
  const list = years.length
    ? `<ul>${years.map((y) => `<li><a href="/cong-khai/${y}">Kết quả Chỉ số CCHC năm ${y}</a></li>`).join('')}</ul>`
    : '<p>Chưa có năm nào được công bố.</p>';
  const body = `<h1>Công khai kết quả Chỉ số cải cách hành chính</h1>
<p>Kết quả do Hội đồng thẩm định phê duyệt: xếp hạng theo loại đơn vị, chỉ số thành phần theo lĩnh vực, tệp báo cáo kèm mã kiểm tra SHA-256 và dữ liệu mở.</p>
<h2>Các năm đã công bố</h2>${list}`;
  return {
    status: 200,
    html: layout({
      title: 'Công khai kết quả',
      description: 'Các năm đã công bố kết quả Chỉ số CCHC của tỉnh.',
      crumbs: [{ label: home.label }],
      body,
    }),
  };
}
