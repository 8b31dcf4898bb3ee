-- Electronic results (docs/signatures.md): when the dossier's result was issued as a signed electronic document, for
-- the Quyết định 766/QĐ-TTg indicator "share of dossiers with an electronic result" (vn.motcua.stats).
alter table dossier
    add column result_issued_electronically_at timestamptz;
