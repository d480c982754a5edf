import type { HighlightColorName } from "@/lib/api/annotations";
import type { RevealMotion } from "../dom/card-placement";
import type { PageBox } from "../dom/page-box";

/**
 * Which annotation card is open, as a pure reducer: every way a card opens,
 * changes or closes is one named action here. Focus (into the card, back
 * where it came from) is the hook's business (use-card-state.ts).
 */

/** A highlight whose note is being written: painted, but not saved until the note is. */
export interface Draft {
  id: string;
  start: number;
  end: number;
  color: HighlightColorName;
}

export type CardState =
  | {
      kind: "annotation";
      /** Annotations covering the spot it was opened for, innermost first. */
      ids: string[];
      activeId: string;
      editing: boolean;
      /** Where it was clicked open; otherwise it hangs from the whole passage. */
      at?: PageBox;
    }
  | { kind: "draft"; draft: Draft };

export interface CardOpening {
  /** Changes with every opening: the card plans its place (and any scroll) once per key. */
  key: number;
  /** The passage may be off screen (opened from the list or a shared link), so bring it into view, this way. */
  reveal: RevealMotion | null;
}

export interface CardModel {
  card: CardState | null;
  opening: CardOpening;
}

export type CardAction =
  /** Opens the annotations at a spot (the innermost first), or one from the list or a shared link (`reveal`). */
  | { type: "annotationOpened"; ids: string[]; at?: PageBox; reveal?: RevealMotion }
  /** Opens a card to write the note of a new highlight. */
  | { type: "draftStarted"; draft: Draft }
  /** The draft's note was saved: the card now shows the annotation it became. */
  | { type: "draftSaved" }
  /** Shows another of the annotations at the spot. */
  | { type: "switched"; id: string }
  /** Starts or stops editing the note; stopping a draft discards it. */
  | { type: "editingChanged"; editing: boolean }
  | { type: "noteSaved" }
  | { type: "closed" }
  /** The reader clicked elsewhere or selected new text: a card that is only being read closes, one being written stays. */
  | { type: "dismissed" };

export const initialCardModel: CardModel = { card: null, opening: { key: 0, reveal: null } };

function opened(model: CardModel, card: CardState, reveal: RevealMotion | null): CardModel {
  return { card, opening: { key: model.opening.key + 1, reveal } };
}

function showing(model: CardModel, card: CardState | null): CardModel {
  return { ...model, card };
}

export function cardReducer(model: CardModel, action: CardAction): CardModel {
  const { card } = model;
  switch (action.type) {
    case "annotationOpened":
      return opened(model, { kind: "annotation", ids: action.ids, activeId: action.ids[0]!, editing: false, at: action.at }, action.reveal ?? null);
    case "draftStarted":
      return opened(model, { kind: "draft", draft: action.draft }, null);
    case "draftSaved":
      if (card?.kind !== "draft") return model;
      return showing(model, { kind: "annotation", ids: [card.draft.id], activeId: card.draft.id, editing: false });
    case "switched":
      return card?.kind === "annotation" ? showing(model, { ...card, activeId: action.id, editing: false }) : model;
    case "editingChanged":
      if (card?.kind === "draft") return showing(model, null);
      return card ? showing(model, { ...card, editing: action.editing }) : model;
    case "noteSaved":
      return card?.kind === "annotation" ? showing(model, { ...card, editing: false }) : model;
    case "closed":
      return card ? showing(model, null) : model;
    case "dismissed":
      return card?.kind === "annotation" && !card.editing ? showing(model, null) : model;
  }
}
