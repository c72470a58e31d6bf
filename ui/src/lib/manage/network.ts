// How the network view colours and labels its nodes, one look per kind so a glance tells people from
// systems from cards.
import type { NetworkKind } from '../bindings/NetworkKind';

/** Fill, border and text colours of a node. */
export interface NodeLook {
  fill: string;
  stroke: string;
  text: string;
}

const LOOKS: Record<NetworkKind, NodeLook> = {
  person: { fill: '#e0ecff', stroke: '#2f64d6', text: '#1e3a8a' },
  team: { fill: '#dcf5e7', stroke: '#15803d', text: '#14532d' },
  system: { fill: '#f3e8ff', stroke: '#7e22ce', text: '#581c87' },
  process: { fill: '#fef3c7', stroke: '#b45309', text: '#78350f' },
  step: { fill: '#ffffff', stroke: '#94a3b8', text: '#1a202c' },
};

/** The colours of a node of this kind (the centre is drawn with a thicker border by the view). */
export function nodeLook(kind: NetworkKind): NodeLook {
  return LOOKS[kind];
}

/** "Person", "Card": the kind as the legend names it. */
export function networkKindLabel(kind: NetworkKind): string {
  return kind === 'step' ? 'Card' : kind[0].toUpperCase() + kind.slice(1);
}

/** Kinds in legend order. */
export const NETWORK_KINDS: NetworkKind[] = ['person', 'team', 'system', 'process', 'step'];
