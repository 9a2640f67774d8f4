//! The organisation: its tree of nodes, the units a person may see, and the demo organisation.

#[cfg(feature = "ssr")]
pub mod access;
mod accounts;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
mod demo_archive;
#[cfg(feature = "ssr")]
mod demo_checklists;
#[cfg(feature = "ssr")]
pub mod demo_city;
#[cfg(feature = "ssr")]
mod demo_plans;
#[cfg(feature = "ssr")]
pub mod guard;
pub(crate) mod import;
#[cfg(feature = "ssr")]
pub mod import_db;
#[cfg(feature = "ssr")]
pub mod import_file;
mod keeping;
#[cfg(feature = "ssr")]
pub mod keeping_db;
mod keeping_kinds;
mod keeping_people;
mod keeping_tree;
#[cfg(feature = "ssr")]
pub mod people_db;
mod server;
mod starting;
#[cfg(feature = "ssr")]
pub mod starting_db;
#[cfg(feature = "ssr")]
pub mod tree_cache;
mod tree_sql;

use serde::{Deserialize, Serialize};

use crate::domain::{Access, PlanStatus, Role};

pub use accounts::{
    accounts, release_provider_identity, set_account_active, AccountRow, AccountsList,
    ReleaseProviderIdentity, SetAccountActive, ACCOUNTS_PER_PAGE,
};
#[cfg(feature = "ssr")]
pub use import::import_org;
pub use import::{
    apply_import, import_preview, ApplyImport, ImportPlanView, ImportPreview, PreviewList,
};
pub use keeping::{
    organisation_node, ChildView, KeptNodePage, MemberView, NodeView, OrganisationNode, PlaceLink,
};
pub use keeping_kinds::{save_node_kind, SaveNodeKind};
pub use keeping_people::{
    add_member, edit_person, invite_again, remove_member_role, AddMember, EditPerson, InviteAgain,
    MemberAdded, RemoveMemberRole,
};
pub use keeping_tree::{
    add_node, close_node, edit_node, move_node, AddNode, CloseNode, EditNode, MoveNode,
};
pub use server::{my_units, MyUnits};
pub use starting::{
    finish_first_run, first_run, save_sign_up_settings, FinishFirstRun, FirstRun, FirstRunPage,
    Keeper, SaveSignUpSettings, SignUpSettings,
};

/// A unit as listed on the start page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    /// The unit's node id.
    pub id: i64,
    /// The unit's name.
    pub name: String,
    /// The names of the nodes above it, from the top (e.g. förvaltning, avdelning).
    pub path: Vec<String>,
    /// The roles the person holds in the unit itself.
    pub roles: Vec<Role>,
    /// What the person may do there.
    pub access: Access,
    /// The standing of the unit's plan for the year, when it has one.
    pub status: Option<PlanStatus>,
    /// The unit is closed: listed last and marked; its records stay readable.
    pub closed: bool,
}

/// A part of the organisation with more units than the start page lists one by one (a city's
/// administration for its HR or chef): its units counted, with links to the pages that show
/// them all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeSummary {
    /// The node.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The names of the nodes above it, from the top.
    pub path: Vec<String>,
    /// The roles the person holds there.
    pub roles: Vec<Role>,
    /// Units below it.
    pub units: u32,
    /// The person reads its compliance overview (links to `/enhet/:id/efterlevnad`).
    pub compliance: bool,
    /// The person sees its checklist roll-up (links to `/uppfoljning?nod=`).
    pub rollup: bool,
}

/// The units a person may see, with the year they were summarised for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyUnitsPage {
    /// The year of the plans summarised.
    pub year: i32,
    /// The units, in tree order.
    pub units: Vec<UnitSummary>,
    /// The parts where the person's role reaches more units than are listed one by one
    /// (`org::server::START_PAGE_UNITS`); their units are in `units` only where the person holds
    /// a role of their own.
    #[serde(default)]
    pub scopes: Vec<ScopeSummary>,
    /// The reminders of the nodes the person is chef or deputy of, most pressing first.
    pub reminders: Vec<crate::compliance::ReminderLine>,
    /// The open actions the person is responsible for, overdue and soonest first.
    pub my_actions: Vec<crate::actions::PlanAction>,
    /// The person administers an organisation that is still being set up (leads to
    /// `/kom-igang`).
    pub first_run: bool,
    /// For a person with no role anywhere: whom to ask for one, line by line.
    pub ask: Option<Vec<String>>,
    /// The person keeps an organisation's template (links to `/mall`).
    pub keeps_template: bool,
    /// The person may push topics to units below a node (links to `/obligatoriska-amnen`).
    pub can_push: bool,
    /// The person is HR somewhere and reads the outbox of notices (links to `/utkorg`).
    pub reads_outbox: bool,
    /// The person sees the roll-up of a node above units (links to `/uppfoljning`).
    pub sees_rollup: bool,
    /// The cooperation groups the person sits in, as (id, name).
    pub groups: Vec<(i64, String)>,
    /// The person keeps the cooperation groups of a node (links to `/samverkan`).
    pub keeps_groups: bool,
}
