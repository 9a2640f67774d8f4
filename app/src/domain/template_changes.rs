//! What a plan lacks of the organisation's current template: topics added to the wheel since the
//! plan was made, and topics HR has changed (a new row that supersedes, perhaps in several steps,
//! the one the plan holds). Plans are never rewritten; the chef takes these in.

use std::collections::{HashMap, HashSet};

/// A template topic row: its id and the row it replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicRevision {
    /// The row.
    pub id: i64,
    /// The row it supersedes, if it is an edit.
    pub supersedes: Option<i64>,
    /// Whether it is still part of the template.
    pub current: bool,
}

/// A current template topic the plan does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PendingTopic {
    /// The current row.
    pub topic_id: i64,
    /// The older version the plan holds, when this is a change rather than a new topic.
    pub replaces: Option<i64>,
}

/// The current topics missing from a plan that holds `in_plan`, in the order of `template`.
pub fn pending_topics(template: &[TopicRevision], in_plan: &HashSet<i64>) -> Vec<PendingTopic> {
    let parent: HashMap<i64, i64> = template
        .iter()
        .filter_map(|t| t.supersedes.map(|s| (t.id, s)))
        .collect();
    template
        .iter()
        .filter(|t| t.current && !in_plan.contains(&t.id))
        .map(|t| {
            // Walk back through earlier versions to one the plan holds (bounded, against cycles).
            let mut at = t.id;
            let mut replaces = None;
            for _ in 0..template.len() {
                match parent.get(&at) {
                    Some(&older) if in_plan.contains(&older) => {
                        replaces = Some(older);
                        break;
                    }
                    Some(&older) => at = older,
                    None => break,
                }
            }
            PendingTopic {
                topic_id: t.id,
                replaces,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, supersedes: Option<i64>, current: bool) -> TopicRevision {
        TopicRevision {
            id,
            supersedes,
            current,
        }
    }

    #[test]
    fn a_plan_made_from_the_current_template_lacks_nothing() {
        let template = [row(1, None, true), row(2, None, true)];
        assert!(pending_topics(&template, &HashSet::from([1, 2])).is_empty());
    }

    #[test]
    fn a_topic_added_later_is_new_and_a_retired_one_is_not_offered() {
        let template = [row(1, None, true), row(2, None, false), row(3, None, true)];
        assert_eq!(
            pending_topics(&template, &HashSet::from([1, 2])),
            [PendingTopic {
                topic_id: 3,
                replaces: None
            }]
        );
    }

    #[test]
    fn a_topic_changed_twice_replaces_the_version_the_plan_holds() {
        let template = [
            row(1, None, false),
            row(5, Some(1), false),
            row(9, Some(5), true),
        ];
        assert_eq!(
            pending_topics(&template, &HashSet::from([1])),
            [PendingTopic {
                topic_id: 9,
                replaces: Some(1)
            }]
        );
    }
}
