export function SearchPage() {
  return <h1>搜索</h1>;
}
