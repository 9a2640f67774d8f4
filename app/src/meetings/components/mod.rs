//! Pages of agendas and proposals.
