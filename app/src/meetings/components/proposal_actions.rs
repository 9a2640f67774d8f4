//! The changes the proposals page can make, as one bundle its page creates and its parts share, in a
//! file of its own so the page and its parts import it rather than each other.

use leptos::prelude::*;

use crate::meetings::{
    AcceptProposal, AddBacklogItem, DeclineProposal, DeferProposal, ProposeItem, RemoveBacklogItem,
    ScheduleBacklogItem,
};

/// Every change the proposals page can make.
#[derive(Clone, Copy)]
pub struct ProposalActions {
    /// "Skicka förslaget".
    pub propose: ServerAction<ProposeItem>,
    /// "Godta".
    pub accept: ServerAction<AcceptProposal>,
    /// "Spara till senare".
    pub defer: ServerAction<DeferProposal>,
    /// "Avslå".
    pub decline: ServerAction<DeclineProposal>,
    /// "Lägg på dagordningen".
    pub schedule: ServerAction<ScheduleBacklogItem>,
    /// "Lägg till i backloggen".
    pub add: ServerAction<AddBacklogItem>,
    /// "Ta bort" in the backlog.
    pub remove: ServerAction<RemoveBacklogItem>,
}
