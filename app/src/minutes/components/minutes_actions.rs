//! The changes the minutes page can make, as one bundle its page creates and its parts share, in a
//! file of its own so the page and its parts import it rather than each other.

use leptos::prelude::*;

use crate::minutes::{
    AddMeetingAction, PublishMinutes, RemoveMeetingAction, SaveAttendance, SaveItemMinutes,
};

/// Every change the minutes page can make.
#[derive(Clone, Copy)]
pub struct MinutesActions {
    /// "Spara närvaro".
    pub attendance: ServerAction<SaveAttendance>,
    /// "Spara" of one item.
    pub item: ServerAction<SaveItemMinutes>,
    /// "Lägg till åtgärd".
    pub add_action: ServerAction<AddMeetingAction>,
    /// "Ta bort" of an action.
    pub remove_action: ServerAction<RemoveMeetingAction>,
    /// "Publicera".
    pub publish: ServerAction<PublishMinutes>,
}
