//! Labelled form fields with the server's message beside them: the one shape every new form uses
//! (label, optional hint, control, error paragraph tied to the control by `aria-describedby`).

use leptos::prelude::*;

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hjalp {id}-fel")
    } else {
        format!("{id}-fel")
    }
}

/// A one-line input (`kind`: text, number, date, time, url…).
#[component]
pub fn TextField(
    /// Unique id on the page; the hint and error take it as prefix.
    #[prop(into)]
    id: String,
    /// The posted name, e.g. `item[title]` (empty for a field that is only read); owned for a
    /// form whose boxes are the organisation's (`figure[added_7]`).
    #[prop(into, optional)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Prefilled value.
    #[prop(into, optional)]
    value: String,
    /// The input type.
    #[prop(default = "text")]
    kind: &'static str,
    /// Marks the field as required for assistive technology.
    #[prop(optional)]
    required: bool,
    /// A line of help under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The message of the last failed attempt on this field (none for a field that is only read).
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Extra attributes for number inputs.
    #[prop(optional)]
    min: Option<&'static str>,
    /// Extra attributes for number inputs.
    #[prop(optional)]
    max: Option<&'static str>,
    /// What the browser may fill in (`email`, `name`, `current-password`, `off`, …).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Shown to be read and copied, not changed (e.g. a subscription address).
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some());
    let hint_id = format!("{id}-hjalp");
    let error_id = format!("{id}-fel");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id class="field__hint">{h}</p> })}
            <input id=id name=name type=kind value=value required=required min=min max=max
                autocomplete=autocomplete readonly=readonly
                aria-describedby=described
                aria-invalid=move || error.get().is_some().to_string() />
            <p id=error_id class="field__error">{move || error.get()}</p>
        </div>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    /// Unique id on the page.
    #[prop(into)]
    id: String,
    /// The posted name.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Prefilled text.
    #[prop(into, optional)]
    value: String,
    /// Visible rows.
    #[prop(default = 3)]
    rows: u32,
    /// A line of help under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The message of the last failed attempt on this field.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some());
    let hint_id = format!("{id}-hjalp");
    let error_id = format!("{id}-fel");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id class="field__hint">{h}</p> })}
            <textarea id=id name=name rows=rows aria-describedby=described
                aria-invalid=move || error.get().is_some().to_string()>{value}</textarea>
            <p id=error_id class="field__error">{move || error.get()}</p>
        </div>
    }
}

/// A select of `(value, label)` options, with `selected` chosen.
#[component]
pub fn SelectField(
    /// Unique id on the page.
    #[prop(into)]
    id: String,
    /// The posted name.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The options as (value, label).
    options: Vec<(String, String)>,
    /// The value chosen at first.
    #[prop(into, optional)]
    selected: String,
    /// A line of help under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The message of the last failed attempt on this field.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some());
    let hint_id = format!("{id}-hjalp");
    let error_id = format!("{id}-fel");
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id class="field__hint">{h}</p> })}
            <select id=id name=name aria-describedby=described
                aria-invalid=move || error.get().is_some().to_string()>
                {options}
            </select>
            <p id=error_id class="field__error">{move || error.get()}</p>
        </div>
    }
}

/// A checkbox or a radio button with its label after it, as one line of a form or one option
/// of a list (`item`: rendered as `<li>` inside the list's `<ul>`). With `error`, the server's
/// message stands under it and is tied to it for screen readers, as with the other fields.
#[component]
pub fn CheckField(
    /// Unique id on the page; the error takes it as prefix.
    #[prop(into)]
    id: String,
    /// The posted name, e.g. `confirm` or `present[12]`.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// `checkbox` or `radio`.
    #[prop(default = "checkbox")]
    kind: &'static str,
    /// The posted value when checked.
    #[prop(into, default = "on".to_string())]
    value: String,
    /// Checked at first.
    #[prop(optional)]
    checked: bool,
    /// One option of a list: an `<li>` rather than a `<div>`.
    #[prop(optional)]
    item: bool,
    /// The message of the last failed attempt on this choice, for a choice that can be refused.
    #[prop(optional)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let error_id = format!("{id}-fel");
    let described = error.is_some().then(|| error_id.clone());
    let invalid = move || error.map(|e| e.get().is_some().to_string());
    let content = view! {
        <input id=id.clone() type=kind name=name value=value checked=checked
            aria-describedby=described aria-invalid=invalid />
        <label for=id>{label}</label>
        {error.map(|e| view! { <p id=error_id class="field__error">{move || e.get()}</p> })}
    };
    if item {
        view! { <li class="field field--check">{content}</li> }.into_any()
    } else {
        view! { <div class="field field--check">{content}</div> }.into_any()
    }
}
