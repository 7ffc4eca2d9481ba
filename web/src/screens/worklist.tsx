export function Worklist() {
  return (
    <main id="main" class="page">
      <h1>Danh sách thẩm định</h1>
    </main>
  );
}
