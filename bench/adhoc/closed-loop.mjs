// Closed loop of four explorer-like queries on the corpus: node closed-loop.mjs URL [seconds] [connections]
const [url, secs = "15", conns = "8"] = process.argv.slice(2);
const qs = [
  {
    query: `query EntityPage($name: String!) { entity(name: $name, kind: DISTRICT) { id name aliases relations(first: 20) { totalCount edges { type direction node { __typename id name } citations { quote start end document { id } } } } } }`,
    variables: { name: "市北区" },
  },
  {
    query: `query Z($name: String!) { entity(name: $name, kind: ZONE) { name ... on Zone { projects { id name mentions(first: 5) { totalCount edges { node { quote start end document { id title } } } } } } } }`,
    variables: { name: "邮轮港区" },
  },
  {
    query: `query O($name: String!) { entity(name: $name) { name observations(first: 20) { edges { node { id kind value unit period indicator { name } citations { quote start end } } } } } }`,
    variables: { name: "市北区" },
  },
  { query: `query S($q: String!) { search(query: $q, first: 10) { edges { node { __typename } } } }`, variables: { q: "港" } },
];
let n = 0,
  errs = 0;
const end = Date.now() + Number(secs) * 1000;
const lat = [];
async function w(i) {
  for (; Date.now() < end; i++) {
    const t = performance.now();
    const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(qs[i % qs.length]) });
    const b = await r.json();
    if (b.errors) {
      errs++;
      if (errs < 3) console.error(JSON.stringify(b.errors).slice(0, 300));
    }
    n++;
    lat.push(performance.now() - t);
  }
}
const t0 = Date.now();
await Promise.all(Array.from({ length: Number(conns) }, (_, i) => w(i)));
lat.sort((a, b) => a - b);
console.log(JSON.stringify({ requests: n, errs, rps: +(n / ((Date.now() - t0) / 1000)).toFixed(1), p50: +lat[Math.floor(lat.length / 2)].toFixed(2) }));
