/**
 * The printable A4 sheet of QR cards (print CSS in surveys.css: 3 × 4 cards a page). `qrcode`
 * draws each QR as SVG; it is loaded only when a sheet is shown, so the rest of the console does
 * not carry it. Each card carries its URL and code as data attributes as well as in text.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Sheet {
  unitName: string;
  groupLabel: string;
  surveyName: string;
  links: { code: string; url: string }[];
}

export function QrSheet({ sheet }: { sheet: Sheet }) {
  const [svgs, setSvgs] = useState<string[] | undefined>();
  useEffect(() => {
    let live = true;
    setSvgs(undefined);
    void import('qrcode').then(async (QR) => {
      const drawn = await Promise.all(
        sheet.links.map((l) =>
          QR.toString(l.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000', light: '#fff' } }),
        ),
      );
      if (live) setSvgs(drawn);
    });
    return () => void (live = false);
  }, [sheet]);
  const host = sheet.links[0] ? new URL(sheet.links[0].url).host : '';
  return (
    <section class="qr-sheet" aria-labelledby="sheet-h">
      <div class="no-print sheet-head">
        <h2 id="sheet-h">
          Bản in: {sheet.links.length} thẻ cho {sheet.unitName}
        </h2>
        <button type="button" class="primary" onClick={() => window.print()} disabled={!svgs}>
          In trang này
        </button>
      </div>
      <ul class="qr-cards">
        {sheet.links.map((l, i) => (
          <li key={l.code} class="qr-card" data-code={l.code} data-url={l.url}>
            <p class="qr-unit">{sheet.unitName}</p>
            <p class="qr-help">Quét mã để góp ý về cải cách hành chính. Không cần đăng nhập; mỗi mã dùng một lần.</p>
            {svgs ? (
              <div class="qr-img" role="img" aria-label={`Mã QR của mã ${l.code}`} dangerouslySetInnerHTML={{ __html: svgs[i] ?? '' }} />
            ) : (
              <div class="qr-img" aria-hidden="true" />
            )}
            <p class="qr-code">{l.code}</p>
            <p class="qr-url">hoặc vào {host}/tra-loi và nhập mã</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
