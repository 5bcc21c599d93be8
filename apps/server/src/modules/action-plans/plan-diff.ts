import type { PlanClause } from './plan-clauses.ts';

/** One run of a text diff: kept, inserted (only in the new text) or deleted (only in the old). */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** How a clause differs between two versions. */
export interface ClauseDiff {
  key: string;
  label: string;
  title: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  oldText: string | null;
  newText: string | null;
  /** Character-level diff of old → new; for added/removed a single insert/delete run. */
  ops: DiffOp[];
}

/** Above this many LCS cells (≈ two 3,000-character texts) the middle is shown replaced whole. */
const MAX_CELLS = 9_000_000;

function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (text === '') return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

/**
 * Character diff of two texts by longest common subsequence over Unicode code points (Chinese
 * has no spaces, so words are no unit). Common prefix and suffix are trimmed first; runs of the
 * same kind are merged; deletions come before insertions at a change. Pure and deterministic.
 *
 * @example diffChars('建设1个工作室', '建设2个工作室')
 * // [{op:'equal',text:'建设'},{op:'delete',text:'1'},{op:'insert',text:'2'},{op:'equal',text:'个工作室'}]
 */
export function diffChars(oldText: string, newText: string): DiffOp[] {
  const a = Array.from(oldText);
  const b = Array.from(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  push(ops, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    push(ops, 'delete', midA.join(''));
    push(ops, 'insert', midB.join(''));
  } else if (n > 0 || m > 0) {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], row-major in one array.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    let del = '';
    let ins = '';
    const flush = () => {
      push(ops, 'delete', del);
      push(ops, 'insert', ins);
      del = '';
      ins = '';
    };
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        flush();
        push(ops, 'equal', midA[i]!);
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        del += midA[i++];
      } else {
        ins += midB[j++];
      }
    }
    flush();
  }
  push(ops, 'equal', a.slice(endA).join(''));
  return ops;
}

/**
 * Compares two versions clause by clause, matched by stable key: clauses in the new version's
 * order, each removed clause placed after the clause that preceded it in the old version.
 *
 * @example diffClauses(derivePlanClauses(v1), derivePlanClauses(v2)).filter((d) => d.status !== 'unchanged')
 */
export function diffClauses(
  oldClauses: readonly PlanClause[],
  newClauses: readonly PlanClause[],
): ClauseDiff[] {
  const oldByKey = new Map(oldClauses.map((c) => [c.key, c]));
  const newKeys = new Set(newClauses.map((c) => c.key));
  const result: ClauseDiff[] = newClauses.map((c) => {
    const before = oldByKey.get(c.key);
    if (!before) {
      return {
        key: c.key,
        label: c.label,
        title: c.title,
        status: 'added',
        oldText: null,
        newText: c.text,
        ops: [{ op: 'insert', text: c.text }],
      };
    }
    const same = before.text === c.text;
    return {
      key: c.key,
      label: c.label,
      title: c.title,
      status: same ? 'unchanged' : 'changed',
      oldText: before.text,
      newText: c.text,
      ops: same ? [{ op: 'equal', text: c.text }] : diffChars(before.text, c.text),
    };
  });
  oldClauses.forEach((c, index) => {
    if (newKeys.has(c.key)) return;
    const removed: ClauseDiff = {
      key: c.key,
      label: c.label,
      title: c.title,
      status: 'removed',
      oldText: c.text,
      newText: null,
      ops: [{ op: 'delete', text: c.text }],
    };
    const prevKey = index > 0 ? oldClauses[index - 1]!.key : null;
    const at = prevKey ? result.findIndex((r) => r.key === prevKey) : -1;
    result.splice(at + 1, 0, removed);
  });
  return result;
}
