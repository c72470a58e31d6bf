// Written by the bindings test from throughline_core::OpportunityStatus. Do not edit.
import type { OpportunityStatus } from './OpportunityStatus';

/** Every opportunity status with its name, in the order work moves through them. */
export const OPPORTUNITY_STATUSES: { value: OpportunityStatus; label: string }[] = [{"label":"Idea","value":"idea"},{"label":"Planned","value":"planned"},{"label":"In progress","value":"in_progress"},{"label":"Done","value":"done"},{"label":"Dropped","value":"dropped"}];
