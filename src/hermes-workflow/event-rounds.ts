// How a batch of event requests is split into rounds so that it gives the outcome of running the
// requests one after another: a request goes one round after the last earlier request that named
// one of its hosts. Requests of one round touch disjoint hosts and run through the engine together.

/** Request indexes per round, in arrival order within each round. */
export function planRounds(hostsOfRequest: readonly (readonly number[])[]): number[][] {
  const nextRoundOfHost = new Map<number, number>();
  const rounds: number[][] = [];
  hostsOfRequest.forEach((hosts, i) => {
    const round = Math.max(0, ...hosts.map((h) => nextRoundOfHost.get(h) ?? 0));
    hosts.forEach((h) => nextRoundOfHost.set(h, round + 1));
    (rounds[round] ??= []).push(i);
  });
  return rounds;
}
