package vn.motcua.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ProcedureDescriptor.RequiredDocument;

/**
 * Digitisation of dossiers and results (Nghị định 107/2021/NĐ-CP; kept by Nghị định 118/2025/NĐ-CP): the receiving
 * clerk records, for each paper document, that it was scanned and its file attached to the dossier (at the desk
 * intake or on the receipt task); a result is digitised when its file is attached. Kept in
 * {@code dossier_digitisation}; the Quyết định 766/QĐ-TTg indices count it.
 */
@Service
public class Digitisation {

    /**
     * Process variable (list of document codes, or codes separated by commas): the paper documents scanned, for
     * clients of the engine's API. The receipt forms use one checkbox per document instead,
     * {@link #scannedVariable(String)}, as a Camunda form cannot hand a list to the engine without a JSON plugin.
     */
    public static final String VAR_SCANNED_DOCUMENTS = "scannedDocuments";

    /** Process variable (boolean) of the receipt form's checkbox for one document: {@code scanned_ban_chinh}. */
    public static String scannedVariable(String documentCode) {
        return "scanned_" + documentCode.replace('-', '_');
    }

    /** The documents the receipt task's variables say were scanned: the checkboxes, and the list if given. */
    public static List<String> scanned(ProcedureDescriptor procedure, java.util.Map<String, Object> variables) {
        Set<String> scanned = new LinkedHashSet<>(codes(variables.get(VAR_SCANNED_DOCUMENTS)));
        for (RequiredDocument doc : procedure.requiredDocuments()) {
            if (Boolean.TRUE.equals(variables.get(scannedVariable(doc.code())))) {
                scanned.add(doc.code());
            }
        }
        return List.copyOf(scanned);
    }

    public enum Stage {
        RECEIPT,
        RESULT
    }

    /** One document recorded as digitised. */
    public record Record(String documentCode, Stage stage, String recordedBy, Instant recordedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public Digitisation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What is wrong with a list of scanned documents: each must be one of the procedure's documents and have a
     * file among {@code attachedCodes} (scanned <em>and attached</em>).
     */
    public static List<FieldProblem> problems(
            ProcedureDescriptor procedure, Collection<String> scanned, Collection<String> attachedCodes) {
        Set<String> known = new LinkedHashSet<>();
        procedure.requiredDocuments().stream().map(RequiredDocument::code).forEach(known::add);
        List<FieldProblem> problems = new ArrayList<>();
        for (String code : scanned) {
            if (!known.contains(code)) {
                problems.add(new FieldProblem(
                        VAR_SCANNED_DOCUMENTS, "'" + code + "' is not a document of this procedure " + known));
            } else if (!attachedCodes.contains(code)) {
                problems.add(new FieldProblem(
                        VAR_SCANNED_DOCUMENTS, "'" + code + "' is recorded as scanned but no file of it is attached"));
            }
        }
        return problems;
    }

    /**
     * Records the scanned paper documents of a dossier at receipt; recording one twice keeps the first record.
     *
     * @throws InvalidSubmissionException when a code is not the procedure's or has no attached file
     */
    public void recordReceipt(
            long dossierId, ProcedureDescriptor procedure, Collection<String> scanned, String actor, Instant now) {
        Set<String> attached = new LinkedHashSet<>();
        jdbc.queryForList(
                        "select distinct document_code from dossier_document where dossier_id = ?",
                        String.class,
                        dossierId)
                .forEach(attached::add);
        List<FieldProblem> problems = problems(procedure, scanned, attached);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        for (String code : new LinkedHashSet<>(scanned)) {
            insert(dossierId, code, Stage.RECEIPT, actor, now);
        }
    }

    /** Records that the dossier's result is digitised (its file is attached). */
    public void recordResult(long dossierId, String actor, Instant now) {
        insert(dossierId, DossierRequests.RESULT_DOCUMENT, Stage.RESULT, actor, now);
    }

    public List<Record> of(long dossierId) {
        return jdbc.query(
                "select document_code, stage, recorded_by, recorded_at from dossier_digitisation where dossier_id = ?"
                        + " order by stage, document_code",
                (rs, n) -> new Record(
                        rs.getString("document_code"),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()),
                dossierId);
    }

    /**
     * The document codes of a form's checklist value: a list, a JSON array as text (as form clients may send
     * it), or codes separated by commas.
     */
    public static List<String> codes(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .map(String::valueOf)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        String text = value.toString().strip();
        if (text.startsWith("[")) {
            try {
                return codes(JSON.readValue(text, List.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(VAR_SCANNED_DOCUMENTS + " is not a list of document codes: " + text);
            }
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private void insert(long dossierId, String code, Stage stage, String actor, Instant now) {
        jdbc.update("""
                insert into dossier_digitisation (dossier_id, document_code, stage, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", dossierId, code, stage.name(), actor, Timestamp.from(now));
    }
}
