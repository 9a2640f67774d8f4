//! The changes the action plan page can make, as one bundle its page creates and its parts share, in a
//! file of its own so the page and its parts import it rather than each other.

use leptos::prelude::*;

use crate::actions::{AddUnitAction, CloseUnitAction, PutActionOnAgenda, UpdateUnitAction};

/// The actions of the plan page, shared by its forms.
#[derive(Clone, Copy)]
pub struct PlanActions {
    /// Adds an action.
    pub add: ServerAction<AddUnitAction>,
    /// Changes an action.
    pub update: ServerAction<UpdateUnitAction>,
    /// Closes an action with its effect.
    pub close: ServerAction<CloseUnitAction>,
    /// Puts an action on a coming APT's agenda.
    pub feedback: ServerAction<PutActionOnAgenda>,
}
