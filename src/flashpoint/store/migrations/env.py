"""Alembic's environment for the store: runs on the connection `flashpoint.store.migrations` hands it.

There is no alembic.ini: `flashpoint.store.migrations.alembic_config()` builds the configuration in code
and passes an open connection in `config.attributes["connection"]`, so migrations run inside the
caller's transaction (and on the caller's engine, which matters for an in-memory SQLite database).
`config.attributes["target_metadata"]` is set only to autogenerate a revision or compare schemas.
"""

from __future__ import annotations

from alembic import context


def run_migrations_online() -> None:
    """Run the pending migrations on the connection in the config's attributes."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=context.config.attributes.get("target_metadata"),
        transactional_ddl=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - offline SQL scripts are not supported
    raise RuntimeError("flashpoint's migrations run online only: call flashpoint.store.migrate(url)")
run_migrations_online()
