/** The published report files with their SHA-256 checksums (what anyone can check a download against). */
import type { Schemas } from '../api/client';
import { config } from '../lib/config';
import { fmtDateTime } from '../lib/format';

const bytes = new Intl.NumberFormat('vi-VN');

export function ReportFiles({ reports }: { reports: Schemas['PublishedReports'] }) {
  const site = `${config().apiUrl}/cong-khai/${reports.year}`;
  return (
    <section class="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">Báo cáo đã công bố năm {reports.year}</h2>
      <p>
        {reports.decision}; phê duyệt lúc {fmtDateTime(reports.approvedAt)}. Trang công khai:{' '}
        <a href={site}>{site.replace(/^https?:\/\//, '')}</a>
      </p>
      <div class="table-scroll">
        <table class="reports">
          <thead>
            <tr>
              <th scope="col">Tệp</th>
              <th scope="col" class="num">
                Dung lượng (byte)
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {reports.files.map((f) => (
              <tr key={f.name}>
                <td>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</td>
                <td class="num">{bytes.format(f.bytes)}</td>
                <td>
                  <code class="sha">{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
