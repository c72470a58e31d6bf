// Written by the bindings test from throughline_core::EvidenceSource. Do not edit.
import type { EvidenceSource } from './EvidenceSource';

/** Every evidence source with its name, in the order a picker lists them. */
export const EVIDENCE_SOURCES: { value: EvidenceSource; label: string }[] = [{"label":"Interview","value":"interview"},{"label":"Survey","value":"survey"},{"label":"Analytics","value":"analytics"},{"label":"Support tickets","value":"support_tickets"},{"label":"Observation","value":"observation"},{"label":"Other","value":"other"}];
