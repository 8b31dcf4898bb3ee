package vn.motcua.slip;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.CurrentActor;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureDescriptor;

/**
 * Writes the one-stop slips. The receipt and appointment slip (Mẫu 01), the supplement request (Mẫu 02) and the
 * refusal notice (Mẫu 03) are written when the dossier reaches their status: told by {@link DossierStatusChanged}
 * inside the engine's transaction, after the deadline clock has set the appointment, and kept with the dossier (the
 * citizen downloads them with the lookup key, the desk prints them). No BPMN names them, so every procedure,
 * shipped or added by a designer, gets them. A failure (a broken template, a missing font) rolls the status change
 * back: the engine retries the step and raises an incident, so no dossier moves on without its slip.
 *
 * <p>The process control slip (Mẫu 05) and the tracking register (Mẫu 06) are the agency's own records and change
 * with every step: they are written on request from the dossier's recorded events ({@link #processControlSlip}).
 */
@Service
public class DossierSlips {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OfficialDocuments documents;
    private final CurrentActor actor;
    private final Clock clock;

    public DossierSlips(
            DossierRepository dossiers,
            ProcedureCatalog catalog,
            OfficialDocuments documents,
            CurrentActor actor,
            Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.documents = documents;
        this.actor = actor;
        this.clock = clock;
    }

    /** The slip a status change calls for, if any. */
    static Optional<Slip> slipFor(PublicStatus from, PublicStatus to) {
        if (from == to) {
            return Optional.empty();
        }
        return switch (to) {
            // a dossier paying its fee or coming back from a supplement request is not received twice
            case RECEIVED -> from == PublicStatus.NEW ? Optional.of(Slip.RECEIPT) : Optional.empty();
            case SUPPLEMENT_REQUESTED -> Optional.of(Slip.SUPPLEMENT_REQUEST);
            case NOT_RECEIVED -> Optional.of(Slip.REFUSAL);
            default -> Optional.empty();
        };
    }

    @EventListener
    @Order(2) // after the deadline clock (0) has set the appointment and the citizen's notifications (1)
    public void on(DossierStatusChanged change) {
        slipFor(change.before().publicStatus(), change.after().publicStatus())
                .ifPresent(slip -> issue(slip, change.after().code(), change.publicMessage(), change.at()));
    }

    /** Writes the slip for the dossier as it is now and keeps it with the dossier; returns the PDF. */
    public byte[] issue(Slip slip, String code, String message, Instant at) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        Optional<ProcedureDescriptor> procedure = procedure(d);
        Map<String, Object> data = SlipData.of(d, dossiers.agencyNames(d.id()), procedure, dossiers.documents(d.id()));
        data.put("noiDung", message == null ? "" : message);
        data.put("nguoiLap", actor.userId());
        LocalDateTime appointment = slip == Slip.RECEIPT ? SlipData.local(d.dueAt()) : null;
        byte[] pdf = documents.render(slip.code(), data, qr(d, procedure, slip, at, appointment));
        dossiers.insertDocument(
                d.id(),
                new DocumentFile(slip.code(), slip.code() + "-" + d.code() + ".pdf", "application/pdf", pdf),
                0,
                at);
        return pdf;
    }

    /**
     * The process control slip (Mẫu 05) as it stands now: each recorded step, who took it, when, and whether it
     * was within the dossier's time limit.
     */
    public byte[] processControlSlip(String code) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new UnknownDossierException(code));
        Optional<ProcedureDescriptor> procedure = procedure(d);
        Map<String, Object> data = SlipData.of(d, dossiers.agencyNames(d.id()), procedure, List.of());
        data.put("buoc", steps(d, dossiers.events(d.id())));
        return documents.render(
                Slip.PROCESS_CONTROL.code(), data, qr(d, procedure, Slip.PROCESS_CONTROL, clock.instant(), null));
    }

    /** The slips kept with a dossier (the citizen's ones), without their content. */
    public List<StoredDocument> slips(long dossierId) {
        return dossiers.documents(dossierId).stream()
                .filter(doc -> Slip.ofCode(doc.documentCode()).isPresent())
                .toList();
    }

    static List<Map<String, Object>> steps(Dossier d, List<DossierEvent> events) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DossierEvent e : events) {
            String timing;
            if (d.dueAt() == null
                    || e.publicStatus() == PublicStatus.NEW
                    || d.receivedAt() == null
                    || e.occurredAt().isBefore(d.receivedAt())) {
                timing = "";
            } else {
                timing = e.occurredAt().isAfter(d.dueAt()) ? "Quá hạn" : "Đúng hạn";
            }
            rows.add(Map.of(
                    "luc",
                    SlipData.local(e.occurredAt()),
                    "nguoi",
                    e.actor() == null ? "" : e.actor(),
                    "trangThai",
                    e.publicStatus().nameVi(),
                    "noiDung",
                    e.internalNote() != null && !e.internalNote().isBlank()
                            ? e.internalNote()
                            : e.publicMessage() == null ? "" : e.publicMessage(),
                    "ketQua",
                    timing));
        }
        return rows;
    }

    private Optional<ProcedureDescriptor> procedure(Dossier d) {
        return catalog.version(d.procedureKey(), d.procedureVersion()).map(p -> p.descriptor());
    }

    private QrContent qr(
            Dossier d, Optional<ProcedureDescriptor> procedure, Slip slip, Instant at, LocalDateTime appointment) {
        return new QrContent(
                d.code(),
                procedure.map(ProcedureDescriptor::nationalCode).orElse(null),
                d.applicant().identityNumber(),
                slip.nameVi(),
                documents.issuingSystem(),
                SlipData.local(at),
                appointment,
                null);
    }
}
