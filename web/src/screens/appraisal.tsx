export function AppraisalScreen() {
  return (
    <main id="main" class="page">
      <h1>Thẩm định</h1>
    </main>
  );
}
