/**
 * Runs attempts in list order, several at a time, until the first `needed` successes in list
 * order are known, and returns every result it got. It is how bootstrapping is parallel (DSPy's
 * issue #8960) yet accepts exactly what the serial loop would.
 *
 * Which items get launched must not depend on completion order, or a second run over a warm
 * cache could launch an item the first run never sent (a provider call) and a budget would be
 * spent differently from run to run. So item i is launched only once items 0..i-width have all
 * finished, and only if fewer than `needed` of those succeeded: a decision over a fixed prefix,
 * the same on every run, while up to `width` items stay in flight.
 */
export interface OrderedOutcome<R> {
  /** Results by item index, filled in as items finish (also after `rest`'s items finish); undefined until then. */
  results: (R | undefined)[];
  /** Indexes of the first `needed` successes, in list order. */
  accepted: number[];
  launched: number;
  /**
   * The outcome is decided (and this resolves) as soon as the first `needed` successes are in the
   * finished prefix; items launched ahead may still be running then. `rest` resolves when every
   * launched item has finished, whatever its result; it never rejects.
   */
  rest: Promise<void>;
}

export function firstSuccessesInOrder<R>(
  count: number,
  width: number,
  needed: number,
  attempt: (index: number) => Promise<R>,
  succeeded: (result: R) => boolean,
  /** Sees each result in list order as the finished prefix grows; throwing stops the search. */
  onPrefix?: (index: number, result: R) => void,
): Promise<OrderedOutcome<R>> {
  const results: (R | undefined)[] = new Array<R | undefined>(count).fill(undefined);
  const finished: boolean[] = new Array<boolean>(count).fill(false);
  const lanes = Math.max(1, Math.floor(width));
  let next = 0;
  let active = 0;
  // Items 0..prefix-1 have all finished; `prefixSuccesses[j]` counts successes among 0..j-1.
  let prefix = 0;
  const prefixSuccesses = [0];
  let failed = false;
  let settled = false;
  let finishRest: () => void = () => {};
  const rest = new Promise<void>((resolve) => (finishRest = resolve));
  // Only once the search is over: mid-run, nothing in flight can just mean the next launch is due.
  const checkRest = () => {
    if (active === 0 && (settled || failed)) finishRest();
  };

  return new Promise((resolve, reject) => {
    const settle = () => {
      if (settled) return;
      settled = true;
      const accepted: number[] = [];
      for (let i = 0; i < count && accepted.length < needed; i++) {
        const r = results[i];
        if (finished[i] && r !== undefined && succeeded(r)) accepted.push(i);
      }
      resolve({ results, accepted, launched: next, rest });
    };
    const fail = (error: unknown) => {
      if (!failed && !settled) {
        failed = true;
        reject(error);
      }
      checkRest();
    };
    const mayLaunch = (i: number): boolean => {
      const gate = i - lanes; // items 0..gate must be done before i starts
      if (gate >= prefix) return false;
      return (gate < 0 ? 0 : (prefixSuccesses[gate + 1] as number)) < needed;
    };
    const pump = () => {
      if (failed) return;
      while (next < count && active < lanes && needed > 0 && mayLaunch(next)) {
        const index = next++;
        active++;
        attempt(index).then(
          (result) => {
            active--;
            if (!failed) {
              results[index] = result;
              finished[index] = true;
            }
            if (failed || settled) {
              checkRest();
              return;
            }
            try {
              while (prefix < count && finished[prefix]) {
                const r = results[prefix] as R;
                // Past the serial cutoff the serial loop never ran the item: it must not count.
                if ((prefixSuccesses[prefix] as number) < needed) onPrefix?.(prefix, r);
                prefixSuccesses.push((prefixSuccesses[prefix] as number) + (succeeded(r) ? 1 : 0));
                prefix++;
              }
            } catch (error) {
              fail(error);
              return;
            }
            pump();
          },
          (error: unknown) => {
            active--;
            fail(error);
          },
        );
      }
      // Every item the rule allows is launched by now (its gate lies inside the finished prefix),
      // so the set of launched items is already fixed when the successes decide the outcome.
      const decided = needed > 0 && (prefixSuccesses[prefix] as number) >= needed;
      if (!failed && (active === 0 || decided)) settle();
      checkRest();
    };
    pump();
  });
}
