// Best-of-runs timing for the side-by-side benches. The sides take turns, run by run, so a
// neighbour's load on this shared machine (it moved one side's figure by 30% between two
// sequential blocks) falls on both alike; the best run of each is reported.
export function bestInterleaved(sides, { n, runs = 7, touch }) {
  let sink = 0;
  for (const fn of sides) for (let i = 0; i < n / 5; i++) sink += touch(fn()); // warm-up
  const best = sides.map(() => Infinity);
  for (let run = 0; run < runs; run++) {
    sides.forEach((fn, s) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) sink += touch(fn());
      best[s] = Math.min(best[s], Number(process.hrtime.bigint() - t0) / n);
    });
  }
  if (sink === 0) throw new Error("unreachable");
  return best.map((ns) => ns / 1000); // µs per call
}
