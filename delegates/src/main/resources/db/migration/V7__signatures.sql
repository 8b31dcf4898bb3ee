-- Signed results (docs/signatures.md): when a result file was signed and by which agency's key. A signed file
-- replaces its unsigned content in place; the unsigned revision stays inside the signed PDF.
-- V7, not V6: V6 is taken by the 2025 rules branch.
alter table dossier_document
    add column signed_at timestamptz,
    add column signed_by varchar(40);
