//! The changes the checklist page can make, as one bundle its page creates and its parts share, in a
//! file of its own so the page and its parts import it rather than each other.

use leptos::prelude::*;

use crate::checklists::{
    AddChecklistAction, DeclineChecklistAction, FinishChecklist, SaveChecklistAnswer,
    SaveChecklistParticipants,
};

/// The actions of the checklist page, shared by its forms.
#[derive(Clone, Copy)]
pub struct ChecklistActions {
    /// Saves one answer.
    pub answer: ServerAction<SaveChecklistAnswer>,
    /// Makes an action from a question.
    pub add_action: ServerAction<AddChecklistAction>,
    /// Records why no action.
    pub decline: ServerAction<DeclineChecklistAction>,
    /// Records who took part.
    pub participants: ServerAction<SaveChecklistParticipants>,
    /// Marks done or open again.
    pub finish: ServerAction<FinishChecklist>,
}
