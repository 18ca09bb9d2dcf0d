/**
 * Milliseconds since `started`, for the build log. Every step logs its time as `…, N ms）` so
 * `npm run bench` can break a build down into its steps.
 */
export function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}
