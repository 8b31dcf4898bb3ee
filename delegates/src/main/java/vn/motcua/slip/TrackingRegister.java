package vn.motcua.slip;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;

/**
 * The tracking register (Sổ theo dõi hồ sơ, Thông tư 01/2018/TT-VPCP Mẫu 06) of one receiving agency: every dossier
 * submitted there between two days (Vietnam time, both included), with its receipt, appointment, processing and
 * return, as a PDF to print or a CSV for a spreadsheet. Who may ask for which agency is the caller's check.
 */
@Service
public class TrackingRegister {

    /** The longest period one export covers. */
    public static final int MAX_DAYS = 366;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final JdbcTemplate jdbc;
    private final ProcedureCatalog catalog;
    private final OfficialDocuments documents;
    private final Clock clock;

    public TrackingRegister(JdbcTemplate jdbc, ProcedureCatalog catalog, OfficialDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.documents = documents;
        this.clock = clock;
    }

    /** One line of the register. */
    public record Entry(
            String dossierCode,
            String procedureName,
            String applicantName,
            String applicantAddress,
            String applicantPhone,
            String channel,
            String competentAgency,
            LocalDateTime submittedAt,
            LocalDateTime receivedAt,
            LocalDateTime appointment,
            LocalDateTime finishedAt,
            LocalDateTime returnedAt,
            String status,
            boolean late) {}

    public List<Entry> entries(String agencyCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException(
                    "The register covers 1 to " + MAX_DAYS + " days, from " + from + " to " + to + " is not that");
        }
        Map<String, String> names = new HashMap<>();
        Instant now = clock.instant();
        return jdbc.query(
                """
                select code, procedure_key, procedure_version, applicant_name, applicant_address, applicant_phone,
                    channel, coalesce(competent_agency_name, competent_agency_code) as competent, submitted_at,
                    received_at, coalesce(extended_due_at, due_at) as appointment, due_at, finished_at, returned_at,
                    public_status, late
                from dossier
                where receiving_agency_code = ? and submitted_at >= ? and submitted_at < ?
                order by submitted_at, id""",
                (rs, n) -> new Entry(
                        rs.getString("code"),
                        names.computeIfAbsent(
                                rs.getString("procedure_key") + "@" + rs.getInt("procedure_version"),
                                key -> procedureName(key)),
                        rs.getString("applicant_name"),
                        nonNull(rs.getString("applicant_address")),
                        nonNull(rs.getString("applicant_phone")),
                        SlipData.channel(Channel.valueOf(rs.getString("channel"))),
                        rs.getString("competent"),
                        local(rs, "submitted_at"),
                        local(rs, "received_at"),
                        local(rs, "appointment"),
                        local(rs, "finished_at"),
                        local(rs, "returned_at"),
                        PublicStatus.ofCode(rs.getInt("public_status")).nameVi(),
                        late(rs, now)),
                agencyCode,
                Timestamp.from(from.atStartOfDay(EngineClock.VIETNAM).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(EngineClock.VIETNAM).toInstant()));
    }

    /** The register as a PDF to print (A4 landscape), headed by the agency's name. */
    public byte[] pdf(String agencyCode, LocalDate from, LocalDate to) {
        Map<String, Object> data = new HashMap<>();
        data.put(
                "coQuan",
                jdbc.query("select name from agency where code = ?", (rs, n) -> rs.getString(1), agencyCode).stream()
                        .findFirst()
                        .orElse(agencyCode));
        data.put("maCoQuan", agencyCode);
        data.put("tuNgay", from);
        data.put("denNgay", to);
        data.put("hoSo", entries(agencyCode, from, to));
        return documents.render(Slip.REGISTER.code(), data, null);
    }

    /**
     * The register as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read the diacritics). A cell that
     * a spreadsheet would take for a formula (starting with =, +, -, @) gets a leading apostrophe: citizens type
     * names and addresses.
     */
    public byte[] csv(String agencyCode, LocalDate from, LocalDate to) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(
                out,
                List.of(
                        "STT",
                        "Mã hồ sơ",
                        "Thủ tục hành chính",
                        "Người nộp",
                        "Địa chỉ",
                        "Số điện thoại",
                        "Hình thức nộp",
                        "Cơ quan giải quyết",
                        "Ngày nộp",
                        "Ngày tiếp nhận",
                        "Hẹn trả kết quả",
                        "Ngày giải quyết xong",
                        "Ngày trả kết quả",
                        "Tình trạng",
                        "Quá hạn"));
        int i = 0;
        for (Entry e : entries(agencyCode, from, to)) {
            line(
                    out,
                    List.of(
                            String.valueOf(++i),
                            e.dossierCode(),
                            e.procedureName(),
                            e.applicantName(),
                            e.applicantAddress(),
                            e.applicantPhone(),
                            e.channel(),
                            e.competentAgency(),
                            shown(e.submittedAt()),
                            shown(e.receivedAt()),
                            shown(e.appointment()),
                            shown(e.finishedAt()),
                            shown(e.returnedAt()),
                            e.status(),
                            e.late() ? "Có" : ""));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            out.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    private String procedureName(String keyAtVersion) {
        int at = keyAtVersion.lastIndexOf('@');
        String key = keyAtVersion.substring(0, at);
        return catalog.version(key, Integer.parseInt(keyAtVersion.substring(at + 1)))
                .map(p -> p.descriptor().name().vi())
                .orElse(key);
    }

    private static boolean late(ResultSet rs, Instant now) throws SQLException {
        if (rs.getBoolean("late")) {
            return true;
        }
        Timestamp due = rs.getTimestamp("due_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return due != null && (finished == null ? now : finished.toInstant()).isAfter(due.toInstant());
    }

    private static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), EngineClock.VIETNAM);
    }

    private static String shown(LocalDateTime t) {
        return t == null ? "" : t.format(SHOWN);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
