//! Pages of minutes and the action plan.
