// Real scenes for the tests, written by the Rust CLI from the sample workspace:
//   throughline init ws.throughline
//   throughline scene ws.throughline --journey "Home insurance claim" > home-insurance-claim.scene.json
//   throughline svg ws.throughline --journey "Home insurance claim" -o home-insurance-claim.svg
//   throughline scene ws.throughline --journey "Broadband installation" > broadband-installation.scene.json
// Regenerate all of them together when the layout changes.
import type { JourneySummary } from '../lib/bindings/JourneySummary';
import type { Scene } from '../lib/bindings/Scene';
import broadbandJson from './fixtures/broadband-installation.scene.json?raw';
import homeJson from './fixtures/home-insurance-claim.scene.json?raw';
import homeSvg from './fixtures/home-insurance-claim.svg?raw';

export const homeInsuranceClaim: Scene = JSON.parse(homeJson);
export const broadbandInstallation: Scene = JSON.parse(broadbandJson);

/** The Rust SVG writer's output for `homeInsuranceClaim`. */
export const homeInsuranceClaimSvg: string = homeSvg;

/** A scene as the sidebar would list its journey. */
export function summaryOf(scene: Scene, persona: string): JourneySummary {
  return {
    id: scene.journey,
    name: scene.title.text,
    persona,
    description: '',
    stages: scene.stages.length,
    steps: scene.cards.length,
    personas: [],
    evidence: {
      steps: scene.cards.length,
      backed: 0,
      assumptions: scene.cards.filter((c) => c.assumption).length,
      assumed_moments: 0,
    },
    open_comments: 0,
    future_of: null,
  };
}
