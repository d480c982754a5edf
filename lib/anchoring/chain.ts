/**
 * Choosing, among the exact occurrences of many quotes, the ones that are
 * where the annotated passages went.
 *
 * Edits shift the text but do not reorder it, and between neighbouring
 * passages the shift changes little. So the occurrences that belong are those
 * forming the best chain: in old order, never going backwards in the new
 * text, each step keeping the shift or paying a penalty for changing it. A
 * passage that is unique only because its original was edited, leaving a copy
 * elsewhere, would need a jump there and back and would cost the chain the
 * passages it skips; it is left out. (Classic chaining, as in whole-genome
 * aligners.)
 */

import type { AnchorMatch } from "./types";

export interface ChainOption {
  /** Index of the annotation. */
  item: number;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  /** What placing the annotation here is worth (1 = exact with convincing context). */
  weight: number;
  match: AnchorMatch;
}

/** Cost of an arbitrary change of shift (a copy elsewhere, a moved passage). */
const JUMP = 2;
/** Annotations looked back at for a step with a graded cost. */
const LOOKBACK = 16;
/** Characters of shift change, beyond the tolerance, that cost as much as a whole placement. */
const SHIFT_COST_SCALE = 512;

/**
 * What a step that changes the shift costs: nothing for the drift that the
 * edits between two neighbours can cause, then growing with the change, so a
 * deleted sentence is cheap and a jump to a copy a page away is not.
 */
function stepCost(shiftChange: number, oldGap: number): number {
  const tolerance = 32 + 0.1 * oldGap;
  return shiftChange <= tolerance ? 0 : Math.min(JUMP, (shiftChange - tolerance) / SHIFT_COST_SCALE);
}

/** Prefix maxima over positions, for "best chain ending at or before here". */
class MaxTree {
  private readonly value: Float64Array;
  private readonly arg: Int32Array;

  constructor(size: number) {
    this.value = new Float64Array(size + 1).fill(-Infinity);
    this.arg = new Int32Array(size + 1).fill(-1);
  }

  update(pos: number, value: number, arg: number): void {
    for (let i = pos + 1; i < this.value.length; i += i & -i) {
      if (value > (this.value[i] as number)) {
        this.value[i] = value;
        this.arg[i] = arg;
      }
    }
  }

  query(pos: number): [number, number] {
    let best = -Infinity;
    let arg = -1;
    for (let i = pos + 1; i > 0; i -= i & -i) {
      if ((this.value[i] as number) > best) {
        best = this.value[i] as number;
        arg = this.arg[i] as number;
      }
    }
    return [best, arg];
  }
}

/**
 * `groups` holds the options of each annotation, the groups sorted by old
 * start. Returns the chosen option of each chained annotation.
 */
export function bestChain(groups: readonly ChainOption[][]): ChainOption[] {
  const options = groups.flat();
  if (options.length === 0) return [];
  const positions = [...new Set(options.map((o) => o.newStart))].sort((a, b) => a - b);
  const rank = new Map(positions.map((p, i) => [p, i]));
  const tree = new MaxTree(positions.length);
  const score = new Float64Array(options.length);
  const parent = new Int32Array(options.length).fill(-1);
  const recent: number[][] = [];
  let id = 0;
  for (const group of groups) {
    const ids: number[] = [];
    for (const o of group) {
      const me = id++;
      ids.push(me);
      let best = 0;
      let from = -1;
      const [viaJump, jumpFrom] = tree.query(rank.get(o.newStart) as number);
      if (viaJump - JUMP > best) {
        best = viaJump - JUMP;
        from = jumpFrom;
      }
      for (const earlier of recent) {
        for (const k of earlier) {
          const p = options[k] as ChainOption;
          if (p.newStart > o.newStart) continue;
          const shiftChange = Math.abs(o.newStart - o.oldStart - (p.newStart - p.oldStart));
          const value = (score[k] as number) - stepCost(shiftChange, o.oldStart - p.oldStart);
          if (value > best) {
            best = value;
            from = k;
          }
        }
      }
      score[me] = best + o.weight;
      parent[me] = from;
    }
    // Options of one annotation never chain with each other: insert after.
    for (const k of ids) tree.update(rank.get((options[k] as ChainOption).newStart) as number, score[k] as number, k);
    if (ids.length > 0) {
      recent.push(ids);
      if (recent.length > LOOKBACK) recent.shift();
    }
  }
  let end = 0;
  for (let k = 1; k < options.length; k++) if ((score[k] as number) > (score[end] as number)) end = k;
  const chain: ChainOption[] = [];
  for (let k = end; k !== -1; k = parent[k] as number) chain.push(options[k] as ChainOption);
  return chain.reverse();
}
