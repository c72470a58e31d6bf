//! Properties of the layout on random journeys: no two cards overlap, and every card lies inside the
//! cell of its lane and stage.

use proptest::prelude::*;
use throughline_core::synthetic;
use throughline_render::{layout, Fonts, Rect};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cards_never_overlap_and_stay_in_their_cells(
        stages in 1usize..9,
        cards in 0usize..120,
        seed in any::<u64>(),
    ) {
        let (journey, flows) = synthetic::journey("prop", stages, cards, seed);
        let scene = layout(&journey, &flows, &Fonts::embedded());
        prop_assert_eq!(scene.cards.len(), cards);
        for card in &scene.cards {
            let stage = scene.stages.iter().find(|s| s.id == card.stage).unwrap();
            let lane = scene.lanes.iter().find(|l| l.id == card.lane).unwrap();
            let cell = Rect { x: stage.x, y: lane.band.y, width: stage.width, height: lane.band.height };
            prop_assert!(cell.contains(&card.rect), "card {:?} outside its cell {:?}", card.rect, cell);
            for line in &card.lines {
                prop_assert!(line.y < card.rect.y + card.rect.height, "text stays in the card");
            }
        }
        for (i, a) in scene.cards.iter().enumerate() {
            for b in &scene.cards[i + 1..] {
                prop_assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a.rect, b.rect);
            }
        }
        prop_assert!(scene.cards.iter().all(|c| c.rect.x + c.rect.width <= scene.width));
        prop_assert!(scene.cards.iter().all(|c| c.rect.y + c.rect.height <= scene.height));
    }

    #[test]
    fn text_of_any_kind_wraps_inside_the_card(text in "\\PC{0,300}") {
        let (mut journey, flows) = synthetic::journey("text", 1, 1, 3);
        journey.steps[0].text = text;
        let fonts = Fonts::embedded();
        let scene = layout(&journey, &flows, &fonts);
        let card = &scene.cards[0];
        for line in &card.lines {
            let w = fonts.regular.width(&line.text, scene.styles.card.size);
            prop_assert!(line.x + w <= card.rect.x + card.rect.width, "{:?} fits", line.text);
        }
    }
}
