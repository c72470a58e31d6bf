//! The Throughline domain: the model of a workspace of customer experience blueprints, the rules that
//! keep it meaningful, and the graph the analyses run on. This crate does no I/O, so every client
//! (store, renderer, app, CLI) agrees on what a valid workspace is.

pub mod analysis;
pub mod clip;
pub mod comment;
pub mod diff;
pub mod edit;
pub mod evidence;
pub mod find;
pub mod future;
pub mod graph;
pub mod id;
pub mod impact;
pub mod merge;
pub mod model;
pub mod opportunity;
pub mod package;
pub mod persona;
pub mod restore;
pub mod sample;
pub mod sheet;
pub mod synthetic;
pub mod text;
pub mod text_form;
pub mod validate;

pub use id::Id;
pub use model::*;
pub use validate::{validate_workspace, ValidationError};
