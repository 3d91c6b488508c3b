import { questionTheFates } from './fate-engine';
import {
  isQuestComplete,
  openLaborsByType,
  QuestLabor,
  questProgress,
  questsToComplete,
  QuestCompletionState,
} from './quest-progress';

function first(open: boolean): QuestLabor {
  return { startingLaborId: null, completionEventId: open ? null : 100 };
}

function link(startingLaborId: number, open: boolean): QuestLabor {
  return { startingLaborId, completionEventId: open ? null : 100 };
}

describe('questProgress', () => {
  it('answers zeros for a quest without labors instead of dividing by zero', () => {
    expect(questProgress([])).toEqual({
      totalLabors: 0,
      unstartedLabors: 0,
      inprogressLabors: 0,
      completedLabors: 0,
      percentComplete: 0,
    });
  });

  // The three states of the original's test_quest_lifecycle: three hosts on a two-step chain.
  it('counts a fresh quest as all chains unstarted', () => {
    expect(questProgress([first(true), first(true), first(true)])).toEqual({
      totalLabors: 3,
      unstartedLabors: 3,
      inprogressLabors: 0,
      completedLabors: 0,
      percentComplete: 0,
    });
  });

  it('counts chains past their first step as in progress, and every link in the percentage', () => {
    const labors = [first(false), first(false), first(false), link(1, true), link(2, true), link(3, true)];
    expect(questProgress(labors)).toEqual({
      totalLabors: 3,
      unstartedLabors: 0,
      inprogressLabors: 3,
      completedLabors: 0,
      percentComplete: 50,
    });
  });

  it('counts a finished quest as all chains completed, 100 percent', () => {
    const labors = [first(false), first(false), first(false), link(1, false), link(2, false), link(3, false)];
    expect(questProgress(labors)).toEqual({
      totalLabors: 3,
      unstartedLabors: 0,
      inprogressLabors: 0,
      completedLabors: 3,
      percentComplete: 100,
    });
  });

  it('rounds the percentage to two decimals: one of three one-step chains closed is 33.33', () => {
    expect(questProgress([first(false), first(true), first(true)])).toEqual({
      totalLabors: 3,
      unstartedLabors: 2,
      inprogressLabors: 0,
      completedLabors: 1,
      percentComplete: 33.33,
    });
    expect(questProgress([first(false), first(false), first(true)]).percentComplete).toBe(66.67);
    expect(questProgress([first(false), ...Array.from({ length: 7 }, () => first(true))]).percentComplete).toBe(12.5);
  });

  it('mixes chains at different steps', () => {
    // Chain 1 finished in two links, chain 2 at its second link, chain 3 not started.
    const labors = [first(false), link(1, false), first(false), link(3, true), first(true)];
    expect(questProgress(labors)).toEqual({
      totalLabors: 3,
      unstartedLabors: 1,
      inprogressLabors: 1,
      completedLabors: 1,
      percentComplete: 60,
    });
  });

  it('keeps the original formula when a later link joined the quest without its first labor', () => {
    // Attached by PUT /labors: open, not a chain of this quest, so completedLabors goes below zero.
    expect(questProgress([link(9, true)])).toEqual({
      totalLabors: 0,
      unstartedLabors: 0,
      inprogressLabors: 1,
      completedLabors: -1,
      percentComplete: 0,
    });
  });
});

describe('openLaborsByType', () => {
  it('counts open labors by the type of the event that opened them, ascending type id', () => {
    const labors = [
      { ...first(true), creationEventTypeId: 4 },
      { ...first(false), creationEventTypeId: 2 },
      { ...link(1, true), creationEventTypeId: 2 },
      { ...first(true), creationEventTypeId: 4 },
      { ...first(true), creationEventTypeId: 3 },
    ];
    expect(openLaborsByType(labors)).toEqual([
      { eventTypeId: 2, openLabors: 1 },
      { eventTypeId: 3, openLabors: 1 },
      { eventTypeId: 4, openLabors: 2 },
    ]);
  });

  it('is empty when nothing is open', () => {
    expect(openLaborsByType([{ ...first(false), creationEventTypeId: 1 }])).toEqual([]);
    expect(openLaborsByType([])).toEqual([]);
  });
});

describe('isQuestComplete', () => {
  it('is complete when no labor is left open', () => {
    expect(isQuestComplete([first(false), link(1, false)])).toBe(true);
    expect(isQuestComplete([first(false), link(1, true)])).toBe(false);
    expect(isQuestComplete([])).toBe(true);
  });
});

describe('questsToComplete', () => {
  const state = (id: number, openLabors: number, completed = false): QuestCompletionState => ({
    id,
    completed,
    openLabors,
  });

  it('completes a touched quest once nothing is open', () => {
    expect(questsToComplete([1, 2], [state(1, 0), state(2, 1)])).toEqual([1]);
  });

  it('never evaluates a quest the batch closed no labor of, even with nothing open', () => {
    expect(questsToComplete([2], [state(1, 0), state(2, 0)])).toEqual([2]);
    expect(questsToComplete([], [state(1, 0)])).toEqual([]);
  });

  it('leaves an already completed quest alone and ignores quests it was not told about', () => {
    expect(questsToComplete([1, 3], [state(1, 0, true)])).toEqual([]);
  });

  it('keeps a quest open when the event that closed its labor opened the next link', () => {
    // Fate 1 (type 1) -> 2 (type 2) -> 3 (type 3); quest 5 has one chain at its first step.
    const fates = [1, 2, 3].map((id) => ({
      id,
      creationTypeId: id,
      followsId: id === 1 ? null : id - 1,
      forCreator: false,
      forOwner: true,
    }));
    const labors = [{ id: 7, hostId: 1, fateId: 1, questId: 5, startingLaborId: null }];
    const advance = questionTheFates({ fates, openLabors: labors, events: [{ id: 10, hostId: 1, eventTypeId: 2 }] });
    expect(advance.touchedQuestIds).toEqual([5]);
    const openAfter = 1 - advance.closes.length + advance.newLabors.filter((l) => l.questId === 5).length;
    expect(questsToComplete(advance.touchedQuestIds, [state(5, openAfter)])).toEqual([]);

    const finish = questionTheFates({
      fates,
      openLabors: [{ id: 8, hostId: 1, fateId: 2, questId: 5, startingLaborId: 7 }],
      events: [{ id: 11, hostId: 1, eventTypeId: 3 }],
    });
    expect(finish.newLabors).toEqual([]);
    expect(questsToComplete(finish.touchedQuestIds, [state(5, 1 - finish.closes.length)])).toEqual([5]);
  });
});
