export function EntityPage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
export function EntityByNamePage({ name }: { name: string }) {
  return <h1>{name}</h1>;
}
