// The comments panel's logic: who signs a comment (the name given once, kept on this machine), what a
// new comment is about (the card or stage selected, else the journey), and how a comment is worded in
// the list. Pure, so it is tested here; the rules on a comment's length and text are Rust's.
import type { Comment } from '../bindings/Comment';
import type { CommentTarget } from '../bindings/CommentTarget';
import type { Id } from '../bindings/Id';
import type { Selection } from '../editor/selection';
import { newId } from '../edits';

/** Where the signing name is kept in the WebView's local storage. */
export const AUTHOR_KEY = 'throughline.commentAuthor';

/** The name given to sign comments with, or null when none was given on this machine. */
export function loadAuthor(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    const name = storage?.getItem(AUTHOR_KEY)?.trim();
    return name ? name : null;
  } catch {
    return null;
  }
}

/** Remembers the signing name; a storage that refuses only loses it for the next start. */
export function saveAuthor(name: string, storage: Pick<Storage, 'setItem'> | undefined) {
  try {
    storage?.setItem(AUTHOR_KEY, name.trim());
  } catch {
    // Nothing to tell: the name still signs this session's comments.
  }
}

/** What a new comment is about: the one card or the stage selected, else the journey. */
export function targetOf(selection: Selection, journey: Id): Id {
  if (selection.kind === 'cards' && selection.ids.length === 1) return selection.ids[0];
  if (selection.kind === 'stage') return selection.id;
  return journey;
}

/** A new, open comment written now. */
export function newComment(target: Id, author: string, text: string, now: number = Date.now()): Comment {
  return { id: newId(), target, author: author.trim(), at: now, text, resolved: false };
}

/** What a comment is about, as the list names it. */
export function aboutLabel(about: CommentTarget): string {
  switch (about.kind) {
    case 'journey':
      return 'The journey';
    case 'stage':
      return `Stage ${about.name}`;
    case 'card':
      return about.text || 'Untitled card';
    case 'gone':
      return 'A card no longer on the journey';
  }
}

/** When a comment was written, in the reader's own words for dates and times. */
export function timeLabel(at: number, locale?: string): string {
  return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
