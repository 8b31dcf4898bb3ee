-- Every open task carries its dossier's due moment as the engine's due date (TaskDueDates sets it when a task is
-- created, DossierDeadlines when the moment moves), so task lists sort, page and count in the database. Tasks opened
-- before this version get it here, once.
update act_ru_task t
   set due_date_ = d.due_at
  from dossier d
 where d.process_instance_id = t.proc_inst_id_
   and d.due_at is not null
   and t.due_date_ is null;
