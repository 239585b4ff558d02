export function CuratePage() {
  return <h1>导入</h1>;
}
