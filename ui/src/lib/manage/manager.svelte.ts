// What the manager's views share: which view fills the main area, whether the checks panel and the
// hand-off markers are shown, the entities (for every picker), the checks, the impact being shown and
// the card to select once its journey is open. Everything is fetched from the backend after each round
// of edits (Session.version), never edited locally.
import type { Backend } from '../backend';
import type { CheckGroup } from '../bindings/CheckGroup';
import type { CriticalityRow } from '../bindings/CriticalityRow';
import type { Entity } from '../bindings/Entity';
import type { EntitySummary } from '../bindings/EntitySummary';
import type { Id } from '../bindings/Id';
import type { Impact } from '../bindings/Impact';
import type { OpportunityView } from '../bindings/OpportunityView';
import type { PersonaSummary } from '../bindings/PersonaSummary';
import type { Session } from '../session.svelte';
import { quietNewCards, type ChecksScope, type QuietChecks } from './checks';
import type { Stop } from '../presentation/present';
import { impactJourney } from './impact';
import { dockState, toggleAction, type DockPanel, type DockState } from '../dock/dock';

/** What fills the main area. */
export type View = 'blueprint' | 'ownership' | 'entities' | 'personas' | 'opportunities' | 'future' | 'network';

/** A card to select (and scroll to) once its journey's blueprint is shown. */
export interface CardRequest {
  journey: Id;
  step: Id;
}

export class Manager {
  view = $state<View>('blueprint');
  checksOpen = $state(false);
  /** Whether the selection's details are in the dock beside the blueprint. */
  detailsOpen = $state(true);
  /** Whether the History panel is in the dock. */
  historyOpen = $state(false);
  /** Whether the comments panel of the journey shown is open. */
  commentsOpen = $state(false);
  /**
   * What the blueprint area shows when it looks back (an older version, or a comparison with one);
   * null while it shows the live journey.
   */
  lookingBack = $state<'then' | 'compare' | null>(null);
  /** The dock's panel asked to be in front; the first open one is when it is closed. */
  dockFront = $state<DockPanel>('details');
  handoffs = $state(true);
  entities = $state.raw<EntitySummary[]>([]);
  /** The shared personas, each with the journeys drawn for it. */
  personas = $state.raw<PersonaSummary[]>([]);
  /** Every opportunity of every journey, for the opportunities view and the cards' details. */
  opportunities = $state.raw<OpportunityView[]>([]);
  /** The opportunity chosen in the opportunities view. */
  chosenOpportunity = $state<Id | null>(null);
  /** The persona chosen in the personas view. */
  chosenPersona = $state<Id | null>(null);
  checks = $state.raw<CheckGroup[] | null>(null);
  /** Whether the checks are the shown journey's or the whole workspace's. */
  checksScope = $state<ChecksScope>('journey');
  /** Whether findings only about cards just typed are shown too. */
  checksShowNew = $state(false);
  /** Where the presentation (F5) is, or null when the window is not presenting. */
  presenting = $state.raw<Stop | null>(null);
  /** The time the held-back findings are judged at; the checks panel moves it on. */
  checksNow = $state(Date.now());
  impact = $state.raw<Impact | null>(null);
  /** Every entity ranked by what its failure costs, once asked for. */
  criticality = $state.raw<CriticalityRow[] | null>(null);
  /** The entity the network view is centred on. */
  networkEntity = $state<Id | null>(null);
  /** The entity chosen in the entities view. */
  chosenEntity = $state<Id | null>(null);
  /** The card the blueprint should select when it shows its journey. */
  cardRequest = $state.raw<CardRequest | null>(null);

  readonly backend: Backend;
  readonly session: Session;

  constructor(backend: Backend, session: Session) {
    this.backend = backend;
    this.session = session;
  }

  /** Forgets what was shown of the workspace before a switch; the next refresh fetches the new one. */
  reset() {
    this.view = 'blueprint';
    this.entities = [];
    this.personas = [];
    this.chosenPersona = null;
    this.opportunities = [];
    this.chosenOpportunity = null;
    this.checks = null;
    this.impact = null;
    this.networkEntity = null;
    this.chosenEntity = null;
    this.cardRequest = null;
  }

  /** The bare entities, for the pickers. */
  get entityList(): Entity[] {
    return this.entities.map((s) => s.entity);
  }

  /** Fetches the opportunities again, after every round of edits; failures go to the banner. */
  async refreshOpportunities() {
    try {
      this.opportunities = await this.backend.listOpportunities();
    } catch (reason) {
      this.session.report(reason);
    }
  }

  /** Fetches what the views over the whole workspace show; failures go to the banner. */
  async refresh() {
    try {
      this.entities = await this.backend.listEntities();
      this.personas = await this.backend.listPersonas();
      const impact = this.impact;
      if (impact) {
        const known = impact.asked.filter((id) => this.entities.some((s) => s.entity.id === id));
        this.impact = known.length ? await this.backend.impactOf(known) : null;
      }
      if (this.criticality) this.criticality = await this.backend.criticality();
    } catch (reason) {
      this.session.report(reason);
    }
  }

  /** The checks as the panel and its badge show them: findings about cards just typed held back. */
  get shownChecks(): QuietChecks | null {
    if (this.checks === null) return null;
    return quietNewCards(this.checks, this.session.added, this.checksNow, this.checksShowNew);
  }

  /**
   * The dock's tabs and the panel in front. Details, Comments and Impact belong to the live blueprint, Changes to
   * a comparison; Checks and History go with every view.
   */
  get dock(): DockState {
    const blueprint = this.view === 'blueprint' && this.presenting === null;
    const live = blueprint && this.lookingBack === null;
    return dockState(
      {
        details: live && this.detailsOpen,
        comments: live && this.commentsOpen,
        impact: live && this.impact !== null,
        changes: blueprint && this.lookingBack === 'compare',
        checks: this.checksOpen && this.presenting === null,
        history: this.historyOpen && this.presenting === null,
      },
      // Once a comparison ends, the History panel it was asked from comes back to the front.
      this.dockFront === 'changes' && this.lookingBack !== 'compare' ? 'history' : this.dockFront,
    );
  }

  /** Opens a panel in the dock and brings it to the front. */
  showPanel(panel: DockPanel) {
    if (panel === 'details') this.detailsOpen = true;
    if (panel === 'comments') this.commentsOpen = true;
    if (panel === 'checks') this.checksOpen = true;
    if (panel === 'history') this.historyOpen = true;
    this.dockFront = panel;
  }

  /** A panel's toolbar button: hides the panel when it is in front, else opens it in front. */
  togglePanel(panel: DockPanel) {
    if (toggleAction(this.dock, panel) === 'front') this.showPanel(panel);
    else if (panel === 'details') this.detailsOpen = false;
    else if (panel === 'comments') this.commentsOpen = false;
    else if (panel === 'checks') this.checksOpen = false;
    else if (panel === 'history') this.historyOpen = false;
    else if (panel === 'impact') this.clearImpact();
  }

  toggleChecks() {
    this.togglePanel('checks');
  }

  /** Whether a panel is open and in front, for its button's pressed state. */
  inFront(panel: DockPanel): boolean {
    return this.dock.front === panel;
  }

  private checksRequest = 0;

  /**
   * Fetches the checks for the scope chosen (the journey shown, or the workspace); the panel asks again
   * after every round of edits and whenever the journey or the scope changes. An older answer never
   * replaces a newer one.
   */
  async refreshChecks() {
    const request = ++this.checksRequest;
    const journey = this.checksScope === 'journey' ? this.session.shown : null;
    try {
      const checks = await this.backend.checks(journey);
      if (request === this.checksRequest) this.checks = checks;
    } catch (reason) {
      this.session.report(reason);
    }
  }

  /** Opens a card in the blueprint: its journey first, then the card selected and scrolled into view. */
  async openCard(journey: Id, step: Id) {
    this.view = 'blueprint';
    this.cardRequest = { journey, step };
    if (this.session.shown !== journey) await this.session.open(journey);
  }

  /** Shows an entity in the entities view. */
  showEntity(entity: Id) {
    this.chosenEntity = entity;
    this.view = 'entities';
  }

  /** Centres the network view on an entity. */
  showNetwork(entity: Id) {
    this.networkEntity = entity;
    this.view = 'network';
  }

  /** Asks what fails with an entity and highlights it on the blueprint (of a journey it touches). */
  async showImpact(entity: Id) {
    await this.showOutage([entity]);
  }

  /** Adds an entity to the outage shown (a what-if: "and the contact centre too"). */
  async addToImpact(entity: Id) {
    const asked = this.impact?.asked ?? [];
    if (!asked.includes(entity)) await this.showOutage([...asked, entity]);
  }

  /** Brings one entity of a what-if outage back up. */
  async removeFromImpact(entity: Id) {
    const rest = (this.impact?.asked ?? []).filter((id) => id !== entity);
    if (rest.length) await this.showOutage(rest);
    else this.clearImpact();
  }

  /** Ranks every entity by what its failure alone costs the customer. */
  async showCriticality() {
    try {
      this.criticality = await this.backend.criticality();
    } catch (reason) {
      this.session.report(reason);
    }
  }

  private async showOutage(entities: Id[]) {
    try {
      const impact = await this.backend.impactOf(entities);
      if (this.impact === null) this.frontBeforeImpact = this.dock.front;
      this.impact = impact;
      this.dockFront = 'impact';
      this.view = 'blueprint';
      const journey = impactJourney(impact, this.session.shown);
      if (journey !== null && journey !== this.session.shown) await this.session.open(journey);
    } catch (reason) {
      this.session.report(reason);
    }
  }

  /** The panel in front before an impact took the front, given it back when the impact is cleared. */
  private frontBeforeImpact: DockPanel | null = null;

  clearImpact() {
    this.impact = null;
    if (this.dockFront === 'impact') this.dockFront = this.frontBeforeImpact ?? 'details';
    this.frontBeforeImpact = null;
  }
}
