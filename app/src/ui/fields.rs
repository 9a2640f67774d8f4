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
    /// The posted name, e.g. `item[title]` (empty for a field that is only read).
    #[prop(optional)]
    name: &'static str,
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
    name: &'static str,
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
    name: &'static str,
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
