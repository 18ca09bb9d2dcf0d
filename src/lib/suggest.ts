/** Edit distance between two short strings (ids, field names), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `input`, best first: within a third of its length in edits, or
 * sharing its first word (wang-xiang for wang-x). At most `limit`.
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const budget = Math.max(1, Math.floor(input.length / 3));
  const head = input.split('-')[0] ?? input;
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(input.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= budget || (head.length >= 2 && candidate.split('-')[0] === head))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
