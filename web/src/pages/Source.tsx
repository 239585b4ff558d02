export function SourcePage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
