-- Camunda 7.24's PostgreSQL schema has no index on ACT_RU_TASK.PARENT_TASK_ID_, yet every task
-- completion looks up sub-tasks by it: with 100,000 open tasks that is a table scan per completion.
-- The engine creates its tables before Flyway runs (see EngineFirstMigrations), so the table exists
-- here. Engine upgrade scripts leave indexes they do not know alone. See docs/operations.md.
create index if not exists motcua_ru_task_parent_idx on act_ru_task (parent_task_id_);
