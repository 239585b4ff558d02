export default function GraphPage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
