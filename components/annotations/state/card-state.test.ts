import { describe, expect, it } from "vitest";
import { cardReducer, initialCardModel, type CardAction, type CardModel } from "./card-state";

const draft = { id: "d1", start: 3, end: 9, color: "green" as const };
const at = { top: 10, left: 20, bottom: 30, right: 40 } as never;

function run(...actions: CardAction[]): CardModel {
  return actions.reduce(cardReducer, initialCardModel);
}

describe("cardReducer", () => {
  it("opens the annotations at a spot on the innermost one, at the clicked place, as a new opening", () => {
    const model = run({ type: "annotationOpened", ids: ["inner", "outer"], at });
    expect(model).toEqual({ card: { kind: "annotation", ids: ["inner", "outer"], activeId: "inner", editing: false, at }, opening: { key: 1, reveal: null } });
  });

  it("reveals an annotation opened from the list or a shared link, the way it was asked to, and counts every opening", () => {
    const model = run({ type: "annotationOpened", ids: ["a"] }, { type: "annotationOpened", ids: ["b"], reveal: "smooth" });
    expect(model.opening).toEqual({ key: 2, reveal: "smooth" });
    expect(run({ type: "annotationOpened", ids: ["c"], reveal: "instant" }).opening).toEqual({ key: 1, reveal: "instant" });
    expect(model.card).toMatchObject({ activeId: "b" });
  });

  it("turns a saved draft into the annotation it became, without a new opening", () => {
    const started = run({ type: "draftStarted", draft });
    expect(started.card).toEqual({ kind: "draft", draft });
    const saved = cardReducer(started, { type: "draftSaved" });
    expect(saved).toEqual({ card: { kind: "annotation", ids: ["d1"], activeId: "d1", editing: false }, opening: started.opening });
  });

  it("discards a draft when its writing stops, but keeps an annotation open when its editing does", () => {
    expect(run({ type: "draftStarted", draft }, { type: "editingChanged", editing: false }).card).toBeNull();
    const editing = run({ type: "annotationOpened", ids: ["a"] }, { type: "editingChanged", editing: true });
    expect(editing.card).toMatchObject({ editing: true });
    expect(cardReducer(editing, { type: "noteSaved" }).card).toMatchObject({ activeId: "a", editing: false });
  });

  it("switches between the annotations at a spot and stops editing", () => {
    const model = run({ type: "annotationOpened", ids: ["a", "b"] }, { type: "editingChanged", editing: true }, { type: "switched", id: "b" });
    expect(model.card).toMatchObject({ ids: ["a", "b"], activeId: "b", editing: false });
    expect(model.opening.key).toBe(1);
  });

  it("closes a card only being read when the reader looks elsewhere, never one being written", () => {
    expect(run({ type: "annotationOpened", ids: ["a"] }, { type: "dismissed" }).card).toBeNull();
    const editing = run({ type: "annotationOpened", ids: ["a"] }, { type: "editingChanged", editing: true });
    expect(cardReducer(editing, { type: "dismissed" })).toBe(editing);
    const drafting = run({ type: "draftStarted", draft });
    expect(cardReducer(drafting, { type: "dismissed" })).toBe(drafting);
  });

  it("answers actions that change nothing with the same model, so nothing re-renders", () => {
    expect(cardReducer(initialCardModel, { type: "closed" })).toBe(initialCardModel);
    expect(cardReducer(initialCardModel, { type: "draftSaved" })).toBe(initialCardModel);
    expect(cardReducer(initialCardModel, { type: "switched", id: "x" })).toBe(initialCardModel);
    const open = run({ type: "annotationOpened", ids: ["a"] });
    expect(cardReducer(open, { type: "closed" })).toEqual({ card: null, opening: open.opening });
  });
});
