import { wouldCycle } from '../common/graph';

// The Hermes fate engine ("question the fates"): given the fate graph, the open labors of the
// batch's hosts and the batch's events, it plans which labors to open and which to close.
// No I/O: the events service loads the graph fresh in its transaction (never a stale cache),
// writes what this plans, then runs the quest completion check on `touchedQuestIds`.

/** A fate as the engine needs it. `followsId` null makes it a starting fate. */
export interface FateNode {
  id: number;
  creationTypeId: number;
  followsId: number | null;
  forCreator: boolean;
  forOwner: boolean;
}

/** An open labor (no completion event yet) of one of the batch's hosts. */
export interface OpenLabor {
  id: number;
  hostId: number;
  fateId: number;
  questId: number | null;
  startingLaborId: number | null;
}

/** An event already inserted, in batch order. */
export interface EngineEvent {
  id: number;
  hostId: number;
  eventTypeId: number;
}

export interface EngineInput {
  fates: readonly FateNode[];
  /**
   * Only these fates may start labors (quest creation passes its own fate). Absent or empty means
   * every fate without `followsId`: the original tested the list for truthiness, so `[]` is "all".
   */
  startingFateIds?: readonly number[];
  /** Snapshot taken before the batch; the engine never updates it while walking the events. */
  openLabors: readonly OpenLabor[];
  events: readonly EngineEvent[];
  /** The quest being created, owner of the labors this batch *starts*. */
  questId?: number | null;
}

/** A labor to insert. `startingLaborId` is null for the first link of a chain. */
export interface PlannedLabor {
  hostId: number;
  creationEventId: number;
  fateId: number;
  questId: number | null;
  forCreator: boolean;
  forOwner: boolean;
  startingLaborId: number | null;
}

/** Close `laborId` with this event through this follower fate. */
export interface PlannedClose {
  laborId: number;
  completionEventId: number;
  closingFateId: number;
}

export interface EngineResult {
  /** In planning order; insert them before the completion check so a new link keeps its quest open. */
  newLabors: PlannedLabor[];
  /** At most one per labor, in the order the labors were first closed. */
  closes: PlannedClose[];
  /** Quests owning a closed labor, each once, in first-close order: the ones to check for completion. */
  touchedQuestIds: number[];
}

/**
 * Runs one batch. For each event in order:
 * - start: the first starting fate whose creation type is the event's type opens one labor (never
 *   more than one per event, even when several starting fates share the type);
 * - advance: every snapshot labor of the event's host is closed by each follower of its fate whose
 *   creation type is the event's type; a follower that has followers of its own opens the next link,
 *   in the old labor's quest, with the follower's designations and the chain's first labor as
 *   `startingLaborId`.
 *
 * Caveats kept from the original, on purpose:
 * - a labor opened by one event of the batch is invisible to the later events of the same batch, and
 *   a labor closed by one event can still be closed (and advanced) by a later one;
 * - when one labor is closed more than once in a batch (two followers of its fate sharing the event
 *   type, or two events of the batch on its host) the last close wins, and every matching follower
 *   that has followers opens its own next link.
 * Planned labors are de-duplicated only when all their fields are equal, never against the database.
 */
export function questionTheFates(input: EngineInput): EngineResult {
  const byId = new Map(input.fates.map((f) => [f.id, f]));
  const followers = followersByFate(input.fates);
  const starting = startingFates(input, byId);
  const batchQuestId = input.questId ?? null;
  const laborsByHost = openLaborsByHost(input.openLabors);

  const newLabors: PlannedLabor[] = [];
  const plannedKeys = new Set<string>();
  const plan = (labor: PlannedLabor): void => {
    const key = laborKey(labor);
    if (plannedKeys.has(key)) return;
    plannedKeys.add(key);
    newLabors.push(labor);
  };
  // A Map keeps the first-close position while a later close overwrites the values.
  const closes = new Map<number, PlannedClose>();
  const touched = new Set<number>();

  for (const event of input.events) {
    const start = starting.find((f) => f.creationTypeId === event.eventTypeId);
    if (start) {
      plan({
        hostId: event.hostId,
        creationEventId: event.id,
        fateId: start.id,
        questId: batchQuestId,
        forCreator: start.forCreator,
        forOwner: start.forOwner,
        startingLaborId: null,
      });
    }

    for (const labor of laborsByHost.get(event.hostId) ?? []) {
      if (!byId.has(labor.fateId)) throw new Error(`labor ${labor.id} has fate ${labor.fateId}, not in the graph`);
      for (const next of followers.get(labor.fateId) ?? []) {
        if (next.creationTypeId !== event.eventTypeId) continue;
        closes.set(labor.id, { laborId: labor.id, completionEventId: event.id, closingFateId: next.id });
        if (labor.questId !== null) touched.add(labor.questId);
        // A follower without followers is the end of the chain: closing is all it does.
        if ((followers.get(next.id) ?? []).length > 0) {
          plan({
            hostId: event.hostId,
            creationEventId: event.id,
            fateId: next.id,
            questId: labor.questId,
            forCreator: next.forCreator,
            forOwner: next.forOwner,
            startingLaborId: labor.startingLaborId ?? labor.id,
          });
        }
      }
    }
  }

  return { newLabors, closes: [...closes.values()], touchedQuestIds: [...touched] };
}

/**
 * Why `fateId` may not follow `followsId`, or null when it may. `fateId` is null for a fate not yet
 * created (it cannot close a cycle); `followsId` null makes a starting fate and is always allowed.
 * The original checked existence on create only and nothing on update.
 */
export function validateFollows(
  fates: readonly FateNode[],
  fateId: number | null,
  followsId: number | null,
): string | null {
  if (followsId === null) return null;
  if (!fates.some((f) => f.id === followsId)) return `Fate cannot follow a non-existent Fate ${followsId}`;
  if (fateId === null) return null;
  if (fateId === followsId) return `Fate ${fateId} cannot follow itself`;
  // Links point from a fate to the one it follows; the new link must not lead back to `fateId`.
  const edges = fates.filter((f) => f.followsId !== null).map((f) => ({ from: f.id, to: f.followsId as number }));
  if (wouldCycle(fateId, followsId, edges)) return `Fate ${fateId} cannot follow Fate ${followsId}: that makes a cycle`;
  return null;
}

/** Followers of each fate, ascending id, so that the order of closes and new links is stable. */
function followersByFate(fates: readonly FateNode[]): Map<number, FateNode[]> {
  const out = new Map<number, FateNode[]>();
  for (const f of [...fates].sort((a, b) => a.id - b.id)) {
    if (f.followsId !== null) push(out, f.followsId, f);
  }
  return out;
}

function startingFates(input: EngineInput, byId: ReadonlyMap<number, FateNode>): FateNode[] {
  const explicit = input.startingFateIds ?? [];
  if (explicit.length === 0) {
    return input.fates.filter((f) => f.followsId === null).sort((a, b) => a.id - b.id);
  }
  // The caller's order is kept: it decides which fate wins when several share a type.
  return explicit.map((id) => {
    const fate = byId.get(id);
    if (!fate) throw new Error(`starting fate ${id} is not in the graph`);
    return fate;
  });
}

/** Open labors grouped by host, ascending id within a host, whatever order the caller loaded them in. */
function openLaborsByHost(labors: readonly OpenLabor[]): Map<number, OpenLabor[]> {
  const out = new Map<number, OpenLabor[]>();
  for (const l of [...labors].sort((a, b) => a.id - b.id)) push(out, l.hostId, l);
  return out;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function laborKey(l: PlannedLabor): string {
  return JSON.stringify([
    l.hostId,
    l.creationEventId,
    l.fateId,
    l.questId,
    l.forCreator,
    l.forOwner,
    l.startingLaborId,
  ]);
}
