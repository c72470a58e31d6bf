// The window's side of the Edit, View and Help menus: which of its objects each item acts on. The
// blueprint's items bring the blueprint forward first, as its shortcuts need it shown.
import { tick } from 'svelte';
import type { Backend } from '../backend';
import type { DockPanel } from '../dock/dock';
import type { Finder } from '../find/finder.svelte';
import type { Manager } from '../manage/manager.svelte';
import type { Session } from '../session.svelte';
import type { ViewCommand } from '../viewport/keys';
import { isTypingTarget } from '../viewport/keys';
import { menuHandlers, pressIn } from './handlers';
import type { MenuAction } from './actions';

/** What the blueprint's editor offers the menus (JourneyEditor's exported functions). */
export interface BlueprintEditor {
  runView(command: ViewCommand): void;
  showHelp(): void;
  togglePresenting(): void;
}

export interface Window {
  backend: Backend;
  session: Session;
  manager: Manager;
  finder: Finder;
  /** The blueprint's editor while a journey is shown. */
  editor: () => BlueprintEditor | null;
  about: () => void;
}

/** Every item's handler, bound to the window's objects. */
export function menuTargets(w: Window): Record<MenuAction, () => void> {
  /** Runs `then` on the blueprint's editor, showing the blueprint first. */
  const onBlueprint = (then: (editor: BlueprintEditor) => void) => {
    void (async () => {
      if (w.session.scene === null) return;
      if (w.manager.view !== 'blueprint') {
        w.manager.view = 'blueprint';
        await tick();
      }
      const editor = w.editor();
      if (editor) then(editor);
    })();
  };
  const panel = (p: DockPanel) => {
    if (p === 'impact' && w.manager.impact === null) {
      // An impact is asked for an entity: the Entities view is where that starts.
      w.manager.view = 'entities';
    } else if (p === 'changes' && w.manager.lookingBack !== 'compare') {
      // Changes list a comparison, which the History panel starts.
      w.manager.showPanel('history');
    } else {
      if (p === 'details' || p === 'impact' || p === 'comments') w.manager.view = 'blueprint';
      w.manager.togglePanel(p);
    }
  };
  return menuHandlers({
    press: (chord) => pressIn(document, chord),
    typing: () => isTypingTarget(document.activeElement),
    editText: (edit) => void w.backend.editText(edit).catch((reason: unknown) => w.session.report(reason)),
    find: () => onBlueprint(() => w.finder.show()),
    view: (kind) => onBlueprint((editor) => editor.runView({ kind })),
    panel,
    toggleHandoffs: () => (w.manager.handoffs = !w.manager.handoffs),
    present: () => onBlueprint((editor) => editor.togglePresenting()),
    shortcuts: () => onBlueprint((editor) => editor.showHelp()),
    about: w.about,
  });
}
