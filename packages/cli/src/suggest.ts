/** Edit distance (insertions, deletions, substitutions), one row at a time. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * The candidate closest to `value`, when it is close enough to be a likely typo ("did you
 * mean …?"): within two edits, or one edit in five characters for longer values; else the one
 * candidate that `value` (three characters or more) begins ("applies" → "appliesWhen"). Case
 * is ignored. Values longer than 200 characters get no suggestion (nobody mistypes that much).
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  if (value.length > 200) return undefined;
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  const prefixed: string[] = [];
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const d = distance(v, lower);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
    if (v.length >= 3 && lower.startsWith(v)) prefixed.push(c);
  }
  if (bestD <= Math.max(2, Math.floor(value.length / 5))) return best;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
