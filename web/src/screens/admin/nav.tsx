/** The administrator's screens, one link each (the registry is its own screen, /quan-tri/don-vi). */
export function AdminNav({ year }: { year: number }) {
  return (
    <nav class="admin-nav" aria-label="Quản trị">
      <a href={`/quan-tri/ky/${year}`}>Kỳ đánh giá {year}</a>
      <a href="/quan-tri/bo-tieu-chi">Bộ tiêu chí</a>
      <a href={`/quan-tri/ky/${year}/quy-trinh`}>Quy trình năm</a>
    </nav>
  );
}
