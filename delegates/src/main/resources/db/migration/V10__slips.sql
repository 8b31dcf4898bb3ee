-- The tracking register (Sổ theo dõi hồ sơ, Mẫu 06) lists one receiving agency's dossiers by submission time.
-- The slips themselves are dossier documents (dossier_document, document codes giay-tiep-nhan, phieu-yeu-cau-bo-sung,
-- phieu-tu-choi, phieu-xin-loi): nothing else to store.
create index dossier_receiving_submitted_idx on dossier (receiving_agency_code, submitted_at);
