//! The two migration sets describe one schema: the same tables, columns (of a matching type and
//! the same nullability) and indexes on SQLite and PostgreSQL, so a change made in one folder and
//! forgotten in the other fails here instead of in a deployment.

use std::collections::BTreeMap;

use app::db::Db;

use crate::common::fresh_databases;

/// A column as both engines can describe it.
#[derive(Debug, PartialEq, Eq)]
struct Column {
    /// A family of types (`integer`, `text`, `time`, …), since the engines name them differently.
    family: &'static str,
    nullable: bool,
}

/// An index created by a migration (not one an engine adds for a key by itself).
#[derive(Debug, PartialEq, Eq)]
struct Index {
    table: String,
    columns: Vec<String>,
    unique: bool,
}

#[derive(Debug, Default)]
struct Schema {
    columns: BTreeMap<(String, String), Column>,
    indexes: BTreeMap<String, Index>,
}

/// The family of a declared or reported type. Dates and times are `time`: SQLite keeps them as
/// text (chrono's format), which matches PostgreSQL's `date` and `timestamptz` by design.
fn family(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    match t.as_str() {
        "integer" | "bigint" | "smallint" | "int" | "bigserial" => "integer",
        "boolean" => "boolean",
        "blob" | "bytea" => "bytes",
        "real" | "double precision" => "real",
        "date"
        | "timestamp"
        | "datetime"
        | "timestamp with time zone"
        | "timestamp without time zone"
        | "time without time zone" => "time",
        "text" | "character varying" => "text",
        _ => "other",
    }
}

/// Whether a SQLite column may hold what the PostgreSQL column holds.
fn compatible(sqlite: &Column, postgres: &Column) -> bool {
    sqlite.nullable == postgres.nullable
        && (sqlite.family == postgres.family
            || (sqlite.family == "text" && postgres.family == "time"))
}

/// Rows of (index, table, unique, column), in column order, as one `Index` per name.
fn by_index(
    rows: impl IntoIterator<Item = (String, String, bool, String)>,
) -> BTreeMap<String, Index> {
    let mut indexes: BTreeMap<String, Index> = BTreeMap::new();
    for (name, table, unique, column) in rows {
        indexes
            .entry(name)
            .or_insert_with(|| Index {
                table,
                columns: Vec::new(),
                unique,
            })
            .columns
            .push(column);
    }
    indexes
}

async fn sqlite_schema(db: &Db) -> Schema {
    let Db::Sqlite(pool) = db else {
        unreachable!("an SQLite database")
    };
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, c.name, c.type, c.\"notnull\", c.pk
         FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, declared, not_null, pk) in columns {
        let column_type = Column {
            family: family(&declared),
            nullable: not_null == 0 && pk == 0,
        };
        schema.columns.insert((table, column), column_type);
    }
    let indexes: Vec<(String, String, i64, String)> = sqlx::query_as(
        "SELECT m.name, m.tbl_name, l.\"unique\", i.name
         FROM sqlite_master m
         JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name
         JOIN pragma_index_info(m.name) i
         WHERE m.type = 'index' AND m.sql IS NOT NULL
         ORDER BY m.name, i.seqno",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    schema.indexes = by_index(
        indexes
            .into_iter()
            .map(|(name, table, unique, column)| (name, table, unique == 1, column)),
    );
    schema
}

async fn postgres_schema(db: &Db) -> Schema {
    let Db::Postgres(pool) = db else {
        unreachable!("a PostgreSQL database")
    };
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, declared, nullable) in columns {
        let column_type = Column {
            family: family(&declared),
            nullable: nullable == "YES",
        };
        schema.columns.insert((table, column), column_type);
    }
    // Indexes the migrations created: not those backing a primary key or unique constraint,
    // which SQLite creates unnamed.
    let indexes: Vec<(String, String, bool, String)> = sqlx::query_as(
        "SELECT ic.relname::text, t.relname::text, ix.indisunique, a.attname::text
         FROM pg_index ix
         JOIN pg_class ic ON ic.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND t.relname NOT LIKE '_sqlx%'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
         ORDER BY ic.relname, k.position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    schema.indexes = by_index(indexes);
    schema
}

#[tokio::test]
async fn both_migration_sets_describe_one_schema() {
    let dbs = fresh_databases().await;
    let (Some(sqlite), Some(postgres)) = (
        dbs.iter().find(|d| d.engine == "sqlite"),
        dbs.iter().find(|d| d.engine == "postgres"),
    ) else {
        return; // Locally without PostgreSQL there is nothing to compare.
    };
    let (sqlite, postgres) = (
        sqlite_schema(&sqlite.db).await,
        postgres_schema(&postgres.db).await,
    );
    let mut drift = Vec::new();
    for (key, column) in &sqlite.columns {
        match postgres.columns.get(key) {
            None => drift.push(format!("{}.{} only in SQLite", key.0, key.1)),
            Some(other) if !compatible(column, other) => drift.push(format!(
                "{}.{}: SQLite {column:?}, PostgreSQL {other:?}",
                key.0, key.1
            )),
            Some(_) => {}
        }
    }
    for key in postgres.columns.keys() {
        if !sqlite.columns.contains_key(key) {
            drift.push(format!("{}.{} only in PostgreSQL", key.0, key.1));
        }
    }
    for (name, index) in &sqlite.indexes {
        match postgres.indexes.get(name) {
            None => drift.push(format!("index {name} only in SQLite")),
            Some(other) if other != index => drift.push(format!(
                "index {name}: SQLite {index:?}, PostgreSQL {other:?}"
            )),
            Some(_) => {}
        }
    }
    for name in postgres.indexes.keys() {
        if !sqlite.indexes.contains_key(name) {
            drift.push(format!("index {name} only in PostgreSQL"));
        }
    }
    assert!(
        sqlite.columns.len() > 50,
        "the schema was read ({} columns)",
        sqlite.columns.len()
    );
    assert!(
        drift.is_empty(),
        "the schemas differ:\n{}",
        drift.join("\n")
    );
}
