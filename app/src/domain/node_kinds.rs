//! The kinds of nodes an organisation names (kommun, förvaltning, enhet, skola, …) with what
//! each kind's chef is called, and the checks on choosing and naming them.

use super::form_input::{problem, FieldProblem};

/// A kind of node as an organisation names it, and what the chef of such a node is called
/// ("Rektor" at a school).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NodeKind {
    /// The code stored on the node, e.g. `enhet`.
    pub code: String,
    /// The name shown, e.g. "Enhet".
    pub label: String,
    /// What the chef of such a node is called.
    pub chef_label: String,
}

impl NodeKind {
    /// The kinds an organisation starts with ([`DEFAULT_NODE_KINDS`]), as values.
    pub fn defaults() -> Vec<NodeKind> {
        DEFAULT_NODE_KINDS
            .iter()
            .map(|(code, label, chef)| NodeKind {
                code: code.to_string(),
                label: label.to_string(),
                chef_label: chef.to_string(),
            })
            .collect()
    }
}

/// The kinds an organisation starts with (code, label, chef's title), from the municipality down
/// to its schools; an organisation adds its own through the HR import.
pub const DEFAULT_NODE_KINDS: [(&str, &str, &str); 8] = [
    ("kommun", "Kommun", "Kommundirektör"),
    ("nämnd", "Nämnd", "Ordförande"),
    ("förvaltning", "Förvaltning", "Förvaltningschef"),
    ("avdelning", "Avdelning", "Avdelningschef"),
    ("enhet", "Enhet", "Chef"),
    ("stab", "Stab", "Stabschef"),
    ("skola", "Skola", "Rektor"),
    ("förskola", "Förskola", "Rektor"),
];

/// A node kind chosen in a form: one of the organisation's kinds.
pub fn check_node_kind(text: &str, kinds: &[NodeKind]) -> Result<String, FieldProblem> {
    let kind = text.trim();
    if kinds.iter().any(|k| k.code == kind) {
        Ok(kind.to_string())
    } else {
        Err(problem("kind", "Välj en typ i listan."))
    }
}

/// The longest name of a node kind or of its chef's title.
pub const MAX_KIND_LABEL: usize = 60;

/// A kind of node as the administrator names it: its name ("Skola") and what its chef is
/// called ("Rektor"), both required; a new kind's code is its name in lower case. `kinds` are
/// the organisation's, so a second kind of the same name is refused beside the field.
pub fn check_node_kind_names(
    code: &str,
    label: &str,
    chef_label: &str,
    kinds: &[NodeKind],
) -> Result<NodeKind, FieldProblem> {
    let label = label.trim();
    let chef_label = chef_label.trim();
    if label.is_empty() {
        return Err(problem("label", "Skriv vad typen heter."));
    }
    if label.chars().count() > MAX_KIND_LABEL {
        return Err(problem("label", format!("Högst {MAX_KIND_LABEL} tecken.")));
    }
    if chef_label.is_empty() {
        return Err(problem(
            "chef_label",
            "Skriv vad chefen heter, till exempel Rektor.",
        ));
    }
    if chef_label.chars().count() > MAX_KIND_LABEL {
        return Err(problem(
            "chef_label",
            format!("Högst {MAX_KIND_LABEL} tecken."),
        ));
    }
    let same_name = |k: &NodeKind| k.label.to_lowercase() == label.to_lowercase();
    let code = match code.trim() {
        // A new kind: its code is its name in lower case, and neither may be taken.
        "" => {
            let code = label.to_lowercase();
            if kinds.iter().any(|k| k.code == code || same_name(k)) {
                return Err(problem("label", "Det finns redan en typ med det namnet."));
            }
            code
        }
        // A kind renamed: no other kind may have the new name.
        known if kinds.iter().any(|k| k.code == known) => {
            if kinds.iter().any(|k| k.code != known && same_name(k)) {
                return Err(problem("label", "Det finns redan en typ med det namnet."));
            }
            known.to_string()
        }
        _ => return Err(problem("label", super::form_input::NOT_AN_OPTION)),
    };
    Ok(NodeKind {
        code,
        label: label.to_string(),
        chef_label: chef_label.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_kind_is_one_of_the_organisations() {
        let kinds = NodeKind::defaults();
        assert_eq!(check_node_kind("skola", &kinds).unwrap(), "skola");
        assert!(check_node_kind("slott", &kinds).is_err());
    }

    #[test]
    fn a_kind_is_named_with_its_chefs_title_and_never_twice() {
        let kinds = NodeKind::defaults();
        let new = check_node_kind_names("", " Gymnasium ", "Rektor", &kinds).unwrap();
        assert_eq!(
            (new.code.as_str(), new.label.as_str()),
            ("gymnasium", "Gymnasium")
        );
        assert_eq!(
            check_node_kind_names("", "skola", "Rektor", &kinds)
                .unwrap_err()
                .field,
            "label"
        );
        let renamed = check_node_kind_names("enhet", "Verksamhet", "Enhetschef", &kinds).unwrap();
        assert_eq!(
            renamed.code, "enhet",
            "the code stays, so nodes keep their kind"
        );
        assert!(check_node_kind_names("enhet", "Enhet", "Chef", &kinds).is_ok());
        assert_eq!(
            check_node_kind_names("enhet", "Skola", "Rektor", &kinds)
                .unwrap_err()
                .field,
            "label"
        );
        assert_eq!(
            check_node_kind_names("enhet", "Enhet", " ", &kinds)
                .unwrap_err()
                .field,
            "chef_label"
        );
        assert_eq!(
            check_node_kind_names("slott", "Slott", "Kung", &kinds)
                .unwrap_err()
                .field,
            "label"
        );
    }
}
