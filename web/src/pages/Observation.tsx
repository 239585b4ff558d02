export function ObservationPage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
