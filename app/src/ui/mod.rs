//! Shared presentational parts: loading a page's data, error panels, the language switch, the 404 page, and the date and
//! month formatting every page uses.

mod action_state;
mod change_form;
mod error_panel;
mod fields;
mod form_error;
mod format;
mod language;
mod loaded;
mod node_picker;
mod pager;
mod route;
mod submit_button;
mod text;
mod under_way;
mod upload_form;

pub use action_state::{failure_message, result_for, saved_and_idle, sent_for, success_count};
pub use change_form::ChangeForm;
pub use error_panel::{error_message, error_text, ErrorPanel, NotFoundPage};
pub use fields::{CheckField, SelectField, TextArea, TextField};
pub use form_error::{field_message, form_message, whole_form_message, FormError};
pub use format::{
    format_date, format_time, item_kind_label, kind_label, month_name, month_short, role_label,
    time_ago, when_and_where,
};
pub use language::LanguageSwitch;
pub use loaded::{Loaded, Loading};
pub use node_picker::NodePicker;
pub use pager::Pager;
pub use route::{query_version, query_year, route_id};
pub use submit_button::SubmitButton;
pub use text::paragraphs;
pub use under_way::FormsUnderWay;
pub use upload_form::AttachmentUploadForm;
