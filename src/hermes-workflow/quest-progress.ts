// Quest arithmetic of Hermes: the `progressInfo` fields (same names and formulas as the original,
// which clients read) and the completion rule. No I/O: the quests service loads the labors.

/** A labor of the quest; open while `completionEventId` is null (the engine sets it with the completion time). */
export interface QuestLabor {
  startingLaborId: number | null;
  completionEventId: number | null;
}

export interface QuestProgress {
  /** Chains: labors without `startingLaborId`. */
  totalLabors: number;
  /** Chains whose first labor is still open. */
  unstartedLabors: number;
  /** Open labors past the first step of their chain. */
  inprogressLabors: number;
  /** `totalLabors - unstartedLabors - inprogressLabors`. */
  completedLabors: number;
  /** Closed labors over all labors (every link counts), times 100, rounded to 2 decimals. */
  percentComplete: number;
}

/**
 * The original's formulas, kept as they are even where they are odd: a later link attached to the
 * quest without its first labor counts as in progress but not as a chain, which can make
 * `completedLabors` negative. A quest with no labors (the original divided by zero) answers zeros.
 */
export function questProgress(labors: readonly QuestLabor[]): QuestProgress {
  let closed = 0;
  let chains = 0;
  let unstarted = 0;
  let inprogress = 0;
  for (const labor of labors) {
    const open = labor.completionEventId === null;
    if (!open) closed += 1;
    if (labor.startingLaborId === null) {
      chains += 1;
      if (open) unstarted += 1;
    } else if (open) {
      inprogress += 1;
    }
  }
  return {
    totalLabors: chains,
    unstartedLabors: unstarted,
    inprogressLabors: inprogress,
    completedLabors: chains - unstarted - inprogress,
    percentComplete: labors.length === 0 ? 0 : round2((closed / labors.length) * 100),
  };
}

/** Open labors counted by the event type that opened them, ascending type id (the quest update mail's breakdown). */
export function openLaborsByType(
  labors: readonly (QuestLabor & { creationEventTypeId: number })[],
): { eventTypeId: number; openLabors: number }[] {
  const counts = new Map<number, number>();
  for (const l of labors) {
    if (l.completionEventId === null) counts.set(l.creationEventTypeId, (counts.get(l.creationEventTypeId) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([eventTypeId, openLabors]) => ({ eventTypeId, openLabors }));
}

/** A quest is complete when none of its labors is open. */
export function isQuestComplete(labors: readonly Pick<QuestLabor, 'completionEventId'>[]): boolean {
  return labors.every((l) => l.completionEventId !== null);
}

/** A quest as the completion check sees it after the batch's new labors and closes are written. */
export interface QuestCompletionState {
  id: number;
  completed: boolean;
  openLabors: number;
}

/**
 * Quests the batch completes. Only quests the engine closed a labor of are checked (attaching labors
 * to a quest never completes it), only when nothing is left open, and a quest already complete keeps
 * its completion time: completion is never undone nor moved.
 */
export function questsToComplete(
  touchedQuestIds: readonly number[],
  quests: readonly QuestCompletionState[],
): number[] {
  const byId = new Map(quests.map((q) => [q.id, q]));
  return touchedQuestIds.filter((id) => {
    const quest = byId.get(id);
    return quest !== undefined && !quest.completed && quest.openLabors === 0;
  });
}

/** `round(x, 2)` of the original (Python 2.7 rounds the exact binary value, ties away from zero), as `toFixed` does for x >= 0. */
function round2(x: number): number {
  return Number(x.toFixed(2));
}
