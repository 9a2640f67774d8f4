//! The actions of the agenda page, made once by the page and handed to its parts; the agenda
//! reloads after any of them succeeds.

use leptos::prelude::*;

use crate::meetings::{
    AddAgendaItem, AddAgendaSection, CarryOverItems, ComposeAgenda, MoveOnAgenda,
    RemoveAgendaSection, RemoveAttachment, RenameAgendaSection,
};
use crate::notices::SendNotice;
use crate::ui::success_count;

/// Every change the agenda page can make.
#[derive(Clone, Copy)]
pub struct AgendaActions {
    /// "Skapa dagordning från planen" / "Hämta från planen".
    pub compose: ServerAction<ComposeAgenda>,
    /// "Lägg till punkt".
    pub add_item: ServerAction<AddAgendaItem>,
    /// Up and down of an item or a section.
    pub move_entry: ServerAction<MoveOnAgenda>,
    /// "Lägg till avsnitt".
    pub add_section: ServerAction<AddAgendaSection>,
    /// "Byt rubrik".
    pub rename_section: ServerAction<RenameAgendaSection>,
    /// "Ta bort avsnittet".
    pub remove_section: ServerAction<RemoveAgendaSection>,
    /// "Flytta till nästa APT".
    pub carry: ServerAction<CarryOverItems>,
    /// "Skicka kallelse" / "Skicka uppdatering".
    pub send: ServerAction<SendNotice>,
    /// "Ta bort" of an attachment.
    pub remove_attachment: ServerAction<RemoveAttachment>,
}

impl AgendaActions {
    /// Makes the actions (call once, in the route's component).
    pub fn new() -> Self {
        AgendaActions {
            compose: ServerAction::new(),
            add_item: ServerAction::new(),
            move_entry: ServerAction::new(),
            add_section: ServerAction::new(),
            rename_section: ServerAction::new(),
            remove_section: ServerAction::new(),
            carry: ServerAction::new(),
            send: ServerAction::new(),
            remove_attachment: ServerAction::new(),
        }
    }

    /// Rises whenever one of the actions succeeds: the agenda's reload key.
    pub fn saved(self) -> Memo<usize> {
        let counts = [
            success_count(self.add_item),
            success_count(self.move_entry),
            success_count(self.add_section),
            success_count(self.rename_section),
            success_count(self.remove_section),
            success_count(self.remove_attachment),
        ];
        let compose = success_count(self.compose);
        let carry = success_count(self.carry);
        let send = success_count(self.send);
        Memo::new(move |_| {
            counts.iter().map(|c| c.get()).sum::<usize>() + compose.get() + carry.get() + send.get()
        })
    }
}
