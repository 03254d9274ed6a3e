const DAMPING = 0.85;
const ITERATIONS = 40;
const TOLERANCE = 1e-9;

/**
 * PageRank by power iteration over `size` nodes. Teleports and the rank of
 * nodes without out-edges go to `personalization` (a node weight map) when
 * given, else uniformly, so a personalised rank measures closeness to the
 * chosen nodes.
 */
export function pageRank(
  size: number,
  edges: Map<number, number>[],
  personalization?: Map<number, number>,
): number[] {
  if (size === 0) return [];
  const teleport = teleportVector(size, personalization);
  const outWeight = edges.map((out) => [...out.values()].reduce((a, b) => a + b, 0));
  let rank = [...teleport];

  for (let round = 0; round < ITERATIONS; round += 1) {
    const next = new Array<number>(size).fill(0);
    let dangling = 0;
    for (let from = 0; from < size; from += 1) {
      const total = outWeight[from] ?? 0;
      const mass = rank[from] ?? 0;
      if (total === 0) {
        dangling += mass;
        continue;
      }
      for (const [to, weight] of edges[from] ?? []) {
        next[to] = (next[to] ?? 0) + (DAMPING * mass * weight) / total;
      }
    }
    const spread = 1 - DAMPING + DAMPING * dangling;
    let change = 0;
    for (let node = 0; node < size; node += 1) {
      const value = (next[node] ?? 0) + spread * (teleport[node] ?? 0);
      change += Math.abs(value - (rank[node] ?? 0));
      next[node] = value;
    }
    rank = next;
    if (change < TOLERANCE) break;
  }
  return rank;
}

function teleportVector(size: number, personalization?: Map<number, number>): number[] {
  const total = personalization ? [...personalization.values()].reduce((a, b) => a + b, 0) : 0;
  if (!personalization || total <= 0) return new Array<number>(size).fill(1 / size);
  const vector = new Array<number>(size).fill(0);
  for (const [node, weight] of personalization) vector[node] = weight / total;
  return vector;
}
