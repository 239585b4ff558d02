export default function SeriesPage() {
  return <h1>Series</h1>;
}
