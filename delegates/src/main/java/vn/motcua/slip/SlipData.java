package vn.motcua.slip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.dossier.AgencyNames;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.StoredDocument;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureDescriptor;

/** The values every slip template reads about its dossier (listed in docs/documents.md). */
final class SlipData {

    private SlipData() {}

    static Map<String, Object> of(
            Dossier d, AgencyNames names, Optional<ProcedureDescriptor> procedure, List<StoredDocument> files) {
        Map<String, Object> data = new HashMap<>();
        String receiving = orElse(names.receiving(), d.receivingAgencyCode());
        data.put("coQuan", receiving);
        data.put("coQuanGiaiQuyet", orElse(names.competent(), d.competentAgencyCode()));
        data.put("noiTra", orElse(names.returning(), receiving));
        data.put("thuTuc", procedure.map(p -> p.name().vi()).orElse(d.procedureKey()));
        data.put("maThuTuc", procedure.map(ProcedureDescriptor::nationalCode).orElse(""));
        data.put(
                "thoiHan",
                procedure
                        .map(ProcedureDescriptor::timeLimit)
                        .filter(t -> t.days() != null)
                        .map(ProcedureDescriptor.TimeLimit::describeVi)
                        .orElse(""));
        data.put("nguoiNop", applicant(d.applicant()));
        data.put("kenhNop", channel(d.channel()));
        data.put("nopLuc", local(d.submittedAt()));
        data.put("nhanLuc", local(d.receivedAt() != null ? d.receivedAt() : d.submittedAt()));
        data.put("henTra", local(d.dueAt()));
        data.put(
                "giayTo",
                files.stream()
                        .filter(f -> Slip.ofCode(f.documentCode()).isEmpty())
                        .filter(f -> !f.documentCode().equals("ket-qua"))
                        .map(f -> Map.of(
                                "ten", documentName(procedure, f.documentCode()),
                                "tep", f.fileName(),
                                "lan", f.supplementRound()))
                        .toList());
        return data;
    }

    static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, EngineClock.VIETNAM);
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case ONLINE -> "trực tuyến";
            case DESK -> "trực tiếp";
            case POST -> "qua dịch vụ bưu chính";
        };
    }

    private static Map<String, Object> applicant(Applicant a) {
        Map<String, Object> m = new HashMap<>();
        m.put("hoTen", a.name());
        m.put("dinhDanh", orElse(a.identityNumber(), ""));
        m.put("diaChi", orElse(a.address(), ""));
        m.put("dienThoai", orElse(a.phone(), ""));
        m.put("email", orElse(a.email(), ""));
        return m;
    }

    private static String documentName(Optional<ProcedureDescriptor> procedure, String code) {
        return procedure
                .flatMap(p -> p.requiredDocuments().stream()
                        .filter(r -> r.code().equals(code))
                        .findFirst()
                        .map(r -> r.name().vi()))
                .orElse(code);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
