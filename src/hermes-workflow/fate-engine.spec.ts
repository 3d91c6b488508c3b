import {
  EngineEvent,
  EngineInput,
  EngineResult,
  FateNode,
  OpenLabor,
  PlannedLabor,
  questionTheFates,
  validateFollows,
} from './fate-engine';

function fate(
  id: number,
  creationTypeId: number,
  followsId: number | null = null,
  designations: { forCreator?: boolean; forOwner?: boolean } = {},
): FateNode {
  return {
    id,
    creationTypeId,
    followsId,
    forCreator: designations.forCreator ?? false,
    forOwner: designations.forOwner ?? true,
  };
}

function event(id: number, hostId: number, eventTypeId: number): EngineEvent {
  return { id, hostId, eventTypeId };
}

function labor(
  id: number,
  hostId: number,
  fateId: number,
  rest: { questId?: number | null; startingLaborId?: number | null } = {},
): OpenLabor {
  return { id, hostId, fateId, questId: rest.questId ?? null, startingLaborId: rest.startingLaborId ?? null };
}

function planned(fields: Partial<PlannedLabor> & Pick<PlannedLabor, 'hostId' | 'creationEventId' | 'fateId'>) {
  return { questId: null, forCreator: false, forOwner: true, startingLaborId: null, ...fields };
}

function run(input: Partial<EngineInput> & Pick<EngineInput, 'fates' | 'events'>): EngineResult {
  return questionTheFates({ openLabors: [], ...input });
}

// Types: A=1, B=2, C=3, D=4. A simple three-step chain: 1 (A) -> 2 (B) -> 3 (C).
const A = 1;
const B = 2;
const C = 3;
const D = 4;
const chain = [fate(1, A), fate(2, B, 1), fate(3, C, 2)];

describe('questionTheFates', () => {
  it('opens one labor for an event of a starting type, with that fate’s designations and no quest', () => {
    const result = run({ fates: [fate(1, A, null, { forCreator: true, forOwner: false })], events: [event(10, 5, A)] });
    expect(result).toEqual({
      newLabors: [planned({ hostId: 5, creationEventId: 10, fateId: 1, forCreator: true, forOwner: false })],
      closes: [],
      touchedQuestIds: [],
    });
  });

  it('does nothing for an event whose type no fate uses', () => {
    expect(run({ fates: chain, openLabors: [labor(1, 5, 1)], events: [event(10, 5, D)] })).toEqual({
      newLabors: [],
      closes: [],
      touchedQuestIds: [],
    });
  });

  it('cannot start mid-workflow: a type used only by follower fates needs a matching open labor', () => {
    expect(run({ fates: chain, events: [event(10, 5, B), event(11, 5, C)] }).newLabors).toEqual([]);
    // An open labor on another host does not count either.
    const other = run({ fates: chain, openLabors: [labor(1, 6, 1)], events: [event(10, 5, B)] });
    expect(other).toEqual({ newLabors: [], closes: [], touchedQuestIds: [] });
  });

  it('chooses its own adventure: whichever follower’s type comes first closes the labor, named by closingFateId', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, C, 1)];
    const open = [labor(7, 5, 1)];
    expect(run({ fates, openLabors: open, events: [event(10, 5, C)] })).toEqual({
      newLabors: [],
      closes: [{ laborId: 7, completionEventId: 10, closingFateId: 3 }],
      touchedQuestIds: [],
    });
    expect(run({ fates, openLabors: open, events: [event(10, 5, B)] }).closes).toEqual([
      { laborId: 7, completionEventId: 10, closingFateId: 2 },
    ]);
  });

  it('closes every open labor of the host that a follower of its type advances: other fates, duplicates, quests', () => {
    // Fates 1 and 4 both have a B follower (2 and 5); fate 6 has a C follower only.
    const fates = [fate(1, A), fate(2, B, 1), fate(4, D), fate(5, B, 4), fate(6, A), fate(7, C, 6)];
    const open = [
      labor(20, 5, 1, { questId: 8 }),
      labor(21, 5, 1, { questId: 8 }),
      labor(22, 5, 4, { questId: 9 }),
      labor(23, 5, 1),
      labor(24, 5, 6, { questId: 10 }),
      labor(25, 6, 1, { questId: 11 }),
    ];
    const result = run({ fates, openLabors: open, events: [event(30, 5, B)] });
    expect(result.closes).toEqual([
      { laborId: 20, completionEventId: 30, closingFateId: 2 },
      { laborId: 21, completionEventId: 30, closingFateId: 2 },
      { laborId: 22, completionEventId: 30, closingFateId: 5 },
      { laborId: 23, completionEventId: 30, closingFateId: 2 },
    ]);
    expect(result.touchedQuestIds).toEqual([8, 9]);
    expect(result.newLabors).toEqual([]);
  });

  it('both closes and opens with one event when its type is a starting type and a follower type', () => {
    // A recurring check: A starts fate 1, and another A closes it through fate 2.
    const fates = [fate(1, A), fate(2, A, 1)];
    const result = run({ fates, openLabors: [labor(7, 5, 1, { questId: 3 })], events: [event(10, 5, A)] });
    expect(result).toEqual({
      newLabors: [planned({ hostId: 5, creationEventId: 10, fateId: 1 })],
      closes: [{ laborId: 7, completionEventId: 10, closingFateId: 2 }],
      touchedQuestIds: [3],
    });
  });

  it('opens the next link when the closing follower has followers of its own', () => {
    const result = run({ fates: chain, openLabors: [labor(7, 5, 1)], events: [event(10, 5, B)] });
    expect(result).toEqual({
      newLabors: [planned({ hostId: 5, creationEventId: 10, fateId: 2, startingLaborId: 7 })],
      closes: [{ laborId: 7, completionEventId: 10, closingFateId: 2 }],
      touchedQuestIds: [],
    });
  });

  it('does not de-duplicate against labors already open: a second starting event opens a second labor', () => {
    const result = run({ fates: chain, openLabors: [labor(7, 5, 1)], events: [event(10, 5, A)] });
    expect(result.newLabors).toEqual([planned({ hostId: 5, creationEventId: 10, fateId: 1 })]);
    expect(result.closes).toEqual([]);
  });

  it('de-duplicates planned labors of one batch only when every field is equal', () => {
    // Two open labors at the same step of one chain plan the very same next link: it is planned once.
    const same = run({
      fates: chain,
      openLabors: [labor(7, 5, 1, { questId: 3 }), labor(8, 5, 1, { questId: 3, startingLaborId: 7 })],
      events: [event(10, 5, B)],
    });
    expect(same.newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 10, fateId: 2, questId: 3, startingLaborId: 7 }),
    ]);
    expect(same.closes.map((c) => c.laborId)).toEqual([7, 8]);
    // One differing field (the quest) keeps both.
    const different = run({
      fates: chain,
      openLabors: [labor(7, 5, 1, { questId: 3 }), labor(8, 5, 1, { questId: 4, startingLaborId: 7 })],
      events: [event(10, 5, B)],
    });
    expect(different.newLabors.map((l) => l.questId)).toEqual([3, 4]);
  });

  it('keeps a chain in its quest and takes each link’s designations from its own fate', () => {
    // Owner -> creator -> owner -> end.
    const fates = [
      fate(1, A),
      fate(2, B, 1, { forCreator: true, forOwner: false }),
      fate(3, C, 2, { forCreator: false, forOwner: true }),
      fate(4, D, 3),
      fate(9, D),
    ];
    const toCreator = run({ fates, openLabors: [labor(7, 5, 1, { questId: 3 })], events: [event(10, 5, B)] });
    expect(toCreator.newLabors).toEqual([
      planned({
        hostId: 5,
        creationEventId: 10,
        fateId: 2,
        questId: 3,
        forCreator: true,
        forOwner: false,
        startingLaborId: 7,
      }),
    ]);
    const backToOwner = run({
      fates,
      openLabors: [labor(8, 5, 2, { questId: 3, startingLaborId: 7 })],
      events: [event(11, 5, C)],
    });
    expect(backToOwner.newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 11, fateId: 3, questId: 3, forOwner: true, startingLaborId: 7 }),
    ]);
    // A quest-creation batch (quest 50, starting fate 9 of type D) advances a labor of quest 3 and a
    // labor of no quest: their links keep quest 3 and no quest; only the started labor joins quest 50.
    const questBatch = run({
      fates,
      startingFateIds: [9],
      questId: 50,
      openLabors: [
        labor(8, 5, 3, { questId: 3, startingLaborId: 7 }),
        labor(12, 5, 2, { questId: null, startingLaborId: 11 }),
      ],
      events: [event(20, 5, D), event(21, 5, C)],
    });
    expect(questBatch.newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 20, fateId: 9, questId: 50 }),
      planned({ hostId: 5, creationEventId: 21, fateId: 3, questId: null, startingLaborId: 11 }),
    ]);
    expect(questBatch.closes).toEqual([
      { laborId: 8, completionEventId: 20, closingFateId: 4 },
      { laborId: 12, completionEventId: 21, closingFateId: 3 },
    ]);
    expect(questBatch.touchedQuestIds).toEqual([3]);
  });

  it('points startingLaborId at the first labor of the chain, not at the link just closed', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, C, 2), fate(4, D, 3)];
    const fromFirst = run({ fates, openLabors: [labor(7, 5, 1)], events: [event(10, 5, B)] });
    expect(fromFirst.newLabors[0].startingLaborId).toBe(7);
    const fromLater = run({ fates, openLabors: [labor(8, 5, 2, { startingLaborId: 7 })], events: [event(11, 5, C)] });
    expect(fromLater.newLabors).toEqual([planned({ hostId: 5, creationEventId: 11, fateId: 3, startingLaborId: 7 })]);
  });

  it('starts only the first starting fate of a type, in ascending id order whatever order the fates come in', () => {
    const fates = [fate(9, A, null, { forCreator: true }), fate(3, B), fate(1, A), fate(2, C, 1)];
    const result = run({ fates, events: [event(10, 5, A)] });
    expect(result.newLabors).toEqual([planned({ hostId: 5, creationEventId: 10, fateId: 1 })]);
  });

  it('lets an explicit starting list (quest creation) pick a later fate of the same type, or an intermediate one', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, C, 2), fate(6, D), fate(9, A, null, { forCreator: true })];
    const later = run({ fates, startingFateIds: [9], questId: 4, events: [event(10, 5, A), event(11, 6, A)] });
    expect(later.newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 10, fateId: 9, questId: 4, forCreator: true }),
      planned({ hostId: 6, creationEventId: 11, fateId: 9, questId: 4, forCreator: true }),
    ]);
    // The list replaces the default: starting fate 6 (type D) starts nothing in this batch.
    expect(run({ fates, startingFateIds: [9], events: [event(10, 5, D)] }).newLabors).toEqual([]);
    // An intermediate fate named explicitly starts a chain of its own (startingLaborId null).
    const intermediate = run({ fates, startingFateIds: [2], questId: 4, events: [event(10, 5, B)] });
    expect(intermediate.newLabors).toEqual([planned({ hostId: 5, creationEventId: 10, fateId: 2, questId: 4 })]);
  });

  it('treats an empty starting list as absent, as the original did', () => {
    const fates = [fate(1, A), fate(2, B, 1)];
    expect(run({ fates, startingFateIds: [], events: [event(10, 5, A)] }).newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 10, fateId: 1 }),
    ]);
  });

  it('works on the snapshot: a labor opened in a batch is invisible to later events of the same batch', () => {
    const result = run({ fates: chain, events: [event(10, 5, A), event(11, 5, B)] });
    expect(result.newLabors).toEqual([planned({ hostId: 5, creationEventId: 10, fateId: 1 })]);
    expect(result.closes).toEqual([]);
  });

  it('works on the snapshot: a labor closed in a batch is still open for later events of that batch (last close wins)', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, C, 1), fate(4, D, 3)];
    const result = run({ fates, openLabors: [labor(7, 5, 1)], events: [event(10, 5, B), event(11, 5, C)] });
    expect(result.closes).toEqual([{ laborId: 7, completionEventId: 11, closingFateId: 3 }]);
    expect(result.newLabors).toEqual([planned({ hostId: 5, creationEventId: 11, fateId: 3, startingLaborId: 7 })]);
  });

  it('closes once, through the last (highest id) follower, when two followers share the type; each opens its link', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, B, 1, { forCreator: true }), fate(4, C, 2), fate(5, C, 3)];
    const result = run({ fates, openLabors: [labor(7, 5, 1, { questId: 6 })], events: [event(10, 5, B)] });
    expect(result.closes).toEqual([{ laborId: 7, completionEventId: 10, closingFateId: 3 }]);
    expect(result.newLabors).toEqual([
      planned({ hostId: 5, creationEventId: 10, fateId: 2, questId: 6, startingLaborId: 7 }),
      planned({ hostId: 5, creationEventId: 10, fateId: 3, questId: 6, forCreator: true, startingLaborId: 7 }),
    ]);
    expect(result.touchedQuestIds).toEqual([6]);
  });

  it('walks the events in batch order, each against its own host’s labors only', () => {
    const result = run({
      fates: chain,
      openLabors: [labor(8, 6, 1), labor(7, 5, 1)],
      events: [event(10, 6, B), event(11, 5, A), event(12, 5, B)],
    });
    expect(result.newLabors).toEqual([
      planned({ hostId: 6, creationEventId: 10, fateId: 2, startingLaborId: 8 }),
      planned({ hostId: 5, creationEventId: 11, fateId: 1 }),
      planned({ hostId: 5, creationEventId: 12, fateId: 2, startingLaborId: 7 }),
    ]);
    expect(result.closes).toEqual([
      { laborId: 8, completionEventId: 10, closingFateId: 2 },
      { laborId: 7, completionEventId: 12, closingFateId: 2 },
    ]);
  });

  it('gives the same answer whatever order the fates and open labors are given in, and leaves its input alone', () => {
    const fates = [fate(1, A), fate(2, B, 1), fate(3, B, 1), fate(4, C, 2), fate(5, C, 3)];
    const open = [labor(7, 5, 1), labor(9, 5, 1, { questId: 2 }), labor(8, 5, 1, { questId: 1 })];
    const events = [event(10, 5, B)];
    const input: EngineInput = { fates, openLabors: open, events };
    const frozen = JSON.stringify(input);
    const forward = questionTheFates(input);
    expect(JSON.stringify(input)).toBe(frozen);
    const backward = questionTheFates({ fates: [...fates].reverse(), openLabors: [...open].reverse(), events });
    expect(backward).toEqual(forward);
    expect(forward.closes.map((c) => c.laborId)).toEqual([7, 8, 9]);
    expect(forward.touchedQuestIds).toEqual([1, 2]);
  });

  it('refuses a graph that lacks a fate it is asked to use', () => {
    expect(() => run({ fates: chain, startingFateIds: [42], events: [event(10, 5, A)] })).toThrow(/42/);
    expect(() => run({ fates: chain, openLabors: [labor(7, 5, 42)], events: [event(10, 5, A)] })).toThrow(/42/);
  });

  describe('worked example: tests/sample_data/sample_data2.sql', () => {
    // Event types.
    const audit = 1;
    const needed = 2;
    const ready = 3;
    const completed = 4;
    const rebootNeeded = 5;
    const rebootCompleted = 6;
    const puppetRestart = 7;
    const creator = { forCreator: true, forOwner: false };
    const fates = [
      fate(1, audit),
      fate(2, needed, 1),
      fate(3, ready, 2, creator),
      fate(4, completed, 3, creator),
      fate(5, rebootCompleted, 2),
      fate(6, rebootNeeded),
      fate(7, rebootCompleted, 6),
      fate(8, puppetRestart, 7, creator),
      fate(9, audit),
      fate(10, puppetRestart, 9),
    ];
    const host = 1;

    /** Applies results as the events service would: new labors get the next ids, closes drop labors. */
    class Ledger {
      open: OpenLabor[] = [];
      private nextLaborId = 1;
      private nextEventId = 1;

      record(eventTypeId: number): EngineResult {
        const result = questionTheFates({
          fates,
          openLabors: this.open,
          events: [event(this.nextEventId++, host, eventTypeId)],
        });
        const closed = new Set(result.closes.map((c) => c.laborId));
        this.open = this.open.filter((l) => !closed.has(l.id));
        for (const l of result.newLabors) {
          this.open.push({ id: this.nextLaborId++, ...l });
        }
        return result;
      }
    }

    it('audit opens L1 of fate 1 (not 9); needed, ready, completed walk it through fates 2, 3, 4', () => {
      const ledger = new Ledger();

      expect(ledger.record(audit)).toEqual({
        newLabors: [planned({ hostId: host, creationEventId: 1, fateId: 1 })],
        closes: [],
        touchedQuestIds: [],
      });

      expect(ledger.record(needed)).toEqual({
        newLabors: [planned({ hostId: host, creationEventId: 2, fateId: 2, startingLaborId: 1 })],
        closes: [{ laborId: 1, completionEventId: 2, closingFateId: 2 }],
        touchedQuestIds: [],
      });

      expect(ledger.record(ready)).toEqual({
        newLabors: [
          planned({
            hostId: host,
            creationEventId: 3,
            fateId: 3,
            forCreator: true,
            forOwner: false,
            startingLaborId: 1,
          }),
        ],
        closes: [{ laborId: 2, completionEventId: 3, closingFateId: 3 }],
        touchedQuestIds: [],
      });

      expect(ledger.record(completed)).toEqual({
        newLabors: [],
        closes: [{ laborId: 3, completionEventId: 4, closingFateId: 4 }],
        touchedQuestIds: [],
      });
      expect(ledger.open).toEqual([]);
    });

    it('reboot-completed instead of ready closes L2 through fate 5 and ends the chain', () => {
      const ledger = new Ledger();
      ledger.record(audit);
      ledger.record(needed);
      expect(ledger.record(rebootCompleted)).toEqual({
        newLabors: [],
        closes: [{ laborId: 2, completionEventId: 3, closingFateId: 5 }],
        touchedQuestIds: [],
      });
      expect(ledger.open).toEqual([]);
    });

    it('puppet restart means nothing to the maintenance chain, which never used fate 9', () => {
      const ledger = new Ledger();
      ledger.record(audit);
      expect(ledger.record(puppetRestart)).toEqual({ newLabors: [], closes: [], touchedQuestIds: [] });
      expect(ledger.open.map((l) => l.fateId)).toEqual([1]);
    });
  });
});

describe('validateFollows', () => {
  // 1 -> 2 -> 3 and 4 -> 5.
  const fates = [fate(1, A), fate(2, B, 1), fate(3, C, 2), fate(4, A), fate(5, B, 4)];

  it('always allows a starting fate', () => {
    expect(validateFollows(fates, 2, null)).toBeNull();
    expect(validateFollows(fates, null, null)).toBeNull();
  });

  it('refuses a fate that does not exist', () => {
    expect(validateFollows(fates, 2, 42)).toBe('Fate cannot follow a non-existent Fate 42');
    expect(validateFollows(fates, null, 0)).toBe('Fate cannot follow a non-existent Fate 0');
  });

  it('refuses following itself', () => {
    expect(validateFollows(fates, 2, 2)).toBe('Fate 2 cannot follow itself');
  });

  it('refuses a cycle, direct or longer', () => {
    expect(validateFollows(fates, 2, 3)).toBe('Fate 2 cannot follow Fate 3: that makes a cycle');
    expect(validateFollows(fates, 1, 3)).toBe('Fate 1 cannot follow Fate 3: that makes a cycle');
  });

  it('allows moving a fate under another branch or tree, and a new fate under any fate', () => {
    expect(validateFollows(fates, 3, 1)).toBeNull();
    expect(validateFollows(fates, 2, 5)).toBeNull();
    expect(validateFollows(fates, 4, 3)).toBeNull();
    expect(validateFollows(fates, null, 3)).toBeNull();
  });
});
